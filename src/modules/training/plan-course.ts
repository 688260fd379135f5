import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { fiscalYear } from "../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { audienceOf } from "./audience.ts";
import { trainingPolicy } from "./training.policy.ts";
import {
	type AssignmentRow,
	type CourseRow,
	insertAssignments,
	insertCourse,
} from "./training.repository.ts";
import type { CreateCourseInput, UpdateCourseInput } from "./training.schemas.ts";
import type { TrainingDesk } from "./training-desk.ts";
import { invalidField } from "./training-problems.ts";

/**
 * The rules of a course's fields, when planned and when changed: the due date in its fiscal
 * year; an e-learning course has its quiz and pass mark.
 *
 * @throws Problem `validation_failed` (`training_due_outside_year`, `training_quiz_required`)
 */
export function checkCourse(
	input: Pick<UpdateCourseInput, "dueOn" | "kind" | "quiz" | "passMark">,
	year: number,
): void {
	if (fiscalYear(`${input.dueOn}T03:00:00Z`) !== year)
		throw invalidField(
			"dueOn",
			"training_due_outside_year",
			"the due date is in another fiscal year",
		);
	if (input.kind === "e_learning" && (!input.quiz || input.passMark === null))
		throw invalidField(
			"quiz",
			"training_quiz_required",
			"an e-learning course needs a quiz and a pass mark",
		);
}

/**
 * The training owner plans a course of the fiscal year: what, for whom, by when. Everyone of its
 * audience on the roster owes it from now (one assignment each, in the same transaction); who
 * joins later is added by the daily job. An e-learning course needs its quiz and pass mark.
 *
 * @throws Problem `validation_failed` (`training_due_outside_year`, `training_quiz_required`)
 */
export async function planCourse(
	tx: Tx,
	desk: TrainingDesk,
	input: CreateCourseInput,
	now: Date = new Date(),
): Promise<CourseRow> {
	const { actor } = desk;
	authorize(actor, trainingPolicy, "training.manage");
	checkCourse(input, input.fiscalYear);
	const at = now.toISOString();
	const quiz = input.kind === "e_learning" ? input.quiz : null;
	const row: CourseRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		fiscal_year: input.fiscalYear,
		title: input.title,
		description: input.description,
		kind: input.kind,
		audience: input.audience,
		due_on: input.dueOn,
		held_on: input.heldOn,
		remind_days: input.remindDays,
		quiz: quiz ? JSON.stringify(quiz) : null,
		pass_mark: quiz ? input.passMark : null,
		owner_account_id: actor.accountId,
		owner_label: actor.label,
		version: 1,
		created_at: at,
		updated_at: at,
	};
	await insertCourse(tx, row);
	const members = await audienceOf(tx, actor.tenantId, input.audience, input.fiscalYear, at);
	const assignments: AssignmentRow[] = members.map((member) => ({
		id: randomUUID(),
		tenant_id: actor.tenantId,
		course_id: row.id,
		staff_id: member.staff_id,
		source: "audience",
		assigned_at: at,
		completed_at: null,
		completed_via: null,
		recorded_by: null,
		recorded_by_label: null,
		reminded_for: null,
	}));
	await insertAssignments(tx, assignments);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"training.course_planned",
		{
			courseId: row.id,
			title: row.title,
			fiscalYear: row.fiscal_year,
			kind: row.kind,
			audience: row.audience,
			dueOn: row.due_on,
			questionCount: quiz?.length ?? 0,
			passMark: row.pass_mark,
			assigned: assignments.length,
		},
		{ recordType: "training_course", recordId: row.id },
	);
	return row;
}
