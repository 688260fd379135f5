import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { audienceOf } from "./audience.ts";
import { checkCourse } from "./plan-course.ts";
import { trainingPolicy } from "./training.policy.ts";
import {
	type AssignmentRow,
	assignedStaffIds,
	type CourseRow,
	insertAssignments,
	removeOpenAssignments,
	updateCourse,
} from "./training.repository.ts";
import type { TrainingAudience, UpdateCourseInput } from "./training.schemas.ts";
import { courseOf, type TrainingDesk } from "./training-desk.ts";
import { invalidField, staleCourse } from "./training-problems.ts";

/** A course's fields as its audit event records them (the quiz as its number of questions). */
function snapshotOf(row: CourseRow) {
	return {
		title: row.title,
		description: row.description,
		kind: row.kind,
		audience: row.audience,
		dueOn: row.due_on,
		heldOn: row.held_on,
		remindDays: row.remind_days,
		passMark: row.pass_mark,
		questionCount: row.quiz ? (JSON.parse(row.quiz) as unknown[]).length : 0,
	};
}
type Snapshot = ReturnType<typeof snapshotOf>;

/** The fields a change touched, the quiz compared whole (a reworded question is a change). */
function changedFields(before: CourseRow, after: CourseRow): string[] {
	const a = snapshotOf(before);
	const b = snapshotOf(after);
	const changed: string[] = (Object.keys(a) as (keyof Snapshot)[]).filter(
		(key) => key !== "questionCount" && a[key] !== b[key],
	);
	if (before.quiz !== after.quiz) changed.push("quiz");
	return changed;
}

function pick(snapshot: Snapshot, fields: readonly string[]): Partial<Snapshot> {
	const out: Record<string, unknown> = {};
	for (const field of fields) {
		const key = field === "quiz" ? "questionCount" : field;
		out[key] = snapshot[key as keyof Snapshot];
	}
	return out as Partial<Snapshot>;
}

/**
 * The training owner changes a planned course at the version read: its title, description,
 * kind (in person ↔ e-learning), audience, dates, reminder days, quiz and pass mark. The fiscal
 * year stays, and a phishing drill stays a drill. Completions stay whatever changes: who passed
 * the old quiz has completed the course. A new audience owes the course from now; open
 * assignments of those no longer in it are removed (never a completion, nor an imported one).
 * One audit event with the changed fields before and after, in the same transaction.
 *
 * @throws Problem `forbidden`; `not_found` (another tenant's course); `conflict` (`stale_version`);
 * `validation_failed` (`training_year_fixed`, `training_kind_fixed`, `training_due_outside_year`,
 * `training_quiz_required`)
 * @example
 * await inTransaction(db, (tx) => updateCourseDetails(tx, desk, id, { ...fields, version: 1 }));
 */
export async function updateCourseDetails(
	tx: Tx,
	desk: TrainingDesk,
	id: string,
	input: UpdateCourseInput,
	now: Date = new Date(),
): Promise<CourseRow> {
	const { actor } = desk;
	authorize(actor, trainingPolicy, "training.manage");
	const before = await courseOf(tx, desk, id);
	if (input.version !== Number(before.version)) throw staleCourse();
	if (input.fiscalYear !== undefined && input.fiscalYear !== before.fiscal_year)
		throw invalidField("fiscalYear", "training_year_fixed", "a course stays in its fiscal year", {
			value: before.fiscal_year,
		});
	if ((before.kind === "phishing_drill") !== (input.kind === "phishing_drill"))
		throw invalidField(
			"kind",
			"training_kind_fixed",
			"a phishing drill stays a drill, and a course cannot become one",
		);
	checkCourse(input, before.fiscal_year);
	const at = now.toISOString();
	const quiz = input.kind === "e_learning" ? input.quiz : null;
	const patch = {
		title: input.title,
		description: input.description,
		kind: input.kind,
		audience: input.audience,
		due_on: input.dueOn,
		held_on: input.heldOn,
		remind_days: input.remindDays,
		quiz: quiz ? JSON.stringify(quiz) : null,
		pass_mark: quiz ? input.passMark : null,
		updated_at: at,
	};
	const after: CourseRow = { ...before, ...patch, version: input.version + 1 };
	if (!(await updateCourse(tx, actor.tenantId, id, input.version, patch))) throw staleCourse();
	let assigned = 0;
	let unassigned = 0;
	if (after.audience !== before.audience) {
		const members = await audienceOf(
			tx,
			actor.tenantId,
			after.audience as TrainingAudience,
			after.fiscal_year,
			at,
		);
		const inAudience = new Set(members.map((m) => m.staff_id));
		const owing = await assignedStaffIds(tx, actor.tenantId, id);
		const owingIds = new Set(owing.map((row) => row.staff_id));
		const rows: AssignmentRow[] = members
			.filter((m) => !owingIds.has(m.staff_id))
			.map((m) => ({
				id: randomUUID(),
				tenant_id: actor.tenantId,
				course_id: id,
				staff_id: m.staff_id,
				source: "audience",
				assigned_at: at,
				completed_at: null,
				completed_via: null,
				recorded_by: null,
				recorded_by_label: null,
				reminded_for: null,
			}));
		await insertAssignments(tx, rows);
		assigned = rows.length;
		unassigned = await removeOpenAssignments(
			tx,
			actor.tenantId,
			id,
			owing.filter((row) => !inAudience.has(row.staff_id)).map((row) => row.staff_id),
		);
	}
	const changed = changedFields(before, after);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"training.course_updated",
		{
			courseId: id,
			title: after.title,
			changed,
			before: pick(snapshotOf(before), changed),
			after: pick(snapshotOf(after), changed),
			assigned,
			unassigned,
		},
		{ recordType: "training_course", recordId: id },
	);
	return after;
}
