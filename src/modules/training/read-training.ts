import type { Queryable } from "../../db/queryable.ts";
import { fiscalYear } from "../../shared/dates.ts";
import { allowedActions, authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { DEFAULT_REMINDER_DAYS, packReminderDays } from "../policies/pack/training.schema.ts";
import { rosterEntryOf } from "./record-attendance.ts";
import { trainingPolicy } from "./training.policy.ts";
import {
	assignmentsOfStaff,
	attemptsOfStaff,
	attendeesOf,
	completionByCourse,
	completionByPlacement,
	coursesOfYear,
	drillCounts,
} from "./training.repository.ts";
import {
	type CompletionView,
	type CourseView,
	quizSchema,
	type TrainingAudience,
	type TrainingKind,
} from "./training.schemas.ts";
import { courseOf, mayRecord, seesUnit, type TrainingDesk } from "./training-desk.ts";
import { notADrill } from "./training-problems.ts";

const n = (value: number | string | bigint | null | undefined) => Number(value ?? 0);

/** The year asked for, or the current fiscal year in Japan. */
export function yearOf(desk: TrainingDesk, asked: number | undefined): number {
	return asked ?? fiscalYear(`${desk.today}T03:00:00Z`);
}

/** The fiscal year's courses, each with its completion over the staff the caller sees. */
export async function listCourses(db: Queryable, desk: TrainingDesk, year: number | undefined) {
	authorize(desk.actor, trainingPolicy, "training.read");
	const fy = yearOf(desk, year);
	const [courses, counts, tenantPack] = await Promise.all([
		coursesOfYear(db, desk.actor.tenantId, fy),
		completionByCourse(db, desk.actor.tenantId, fy),
		currentTenantPack(db, desk.actor.tenantId),
	]);
	// The answers are for those who may change the quiz; the others see how many questions.
	const mayPlan = can(desk.actor, trainingPolicy, "training.manage");
	const rates = new Map<string, { owed: number; completed: number }>();
	for (const row of counts) {
		if (!seesUnit(desk, row.org_unit_id)) continue;
		const rate = rates.get(row.course_id) ?? { owed: 0, completed: 0 };
		rate.owed += n(row.owed);
		rate.completed += n(row.completed);
		rates.set(row.course_id, rate);
	}
	const items: CourseView[] = courses.map((row) => ({
		id: row.id,
		fiscalYear: row.fiscal_year,
		title: row.title,
		description: row.description,
		kind: row.kind as TrainingKind,
		audience: row.audience as TrainingAudience,
		dueOn: row.due_on,
		heldOn: row.held_on,
		remindDays: row.remind_days,
		passMark: row.pass_mark,
		questionCount: row.quiz ? (JSON.parse(row.quiz) as unknown[]).length : 0,
		quiz: mayPlan && row.quiz ? quizSchema.parse(JSON.parse(row.quiz)) : null,
		ownerLabel: row.owner_label,
		version: Number(row.version),
		rate: rates.get(row.id) ?? { owed: 0, completed: 0 },
	}));
	return {
		items,
		packReminderDays: tenantPack ? packReminderDays(tenantPack.pack) : [...DEFAULT_REMINDER_DAYS],
		allowedActions: allowedActions(desk.actor, trainingPolicy, [
			"training.manage",
			"training.record",
			"training.export",
		]),
	};
}

/**
 * Completion per unit and per staff category of the year's courses (or one course), over the
 * units the caller sees; counted by the database at each call, never kept.
 */
export async function completion(
	db: Queryable,
	desk: TrainingDesk,
	year: number | undefined,
	courseId: string | undefined,
): Promise<CompletionView> {
	authorize(desk.actor, trainingPolicy, "training.read");
	const fy = yearOf(desk, year);
	if (courseId) await courseOf(db, desk, courseId);
	const rows = (await completionByPlacement(db, desk.actor.tenantId, fy, courseId)).filter((row) =>
		seesUnit(desk, row.org_unit_id),
	);
	const perUnit = new Map<string, { owed: number; completed: number }>();
	const perCategory = new Map<string, { owed: number; completed: number }>();
	const add = (
		map: Map<string, { owed: number; completed: number }>,
		key: string,
		row: (typeof rows)[number],
	) => {
		const sum = map.get(key) ?? { owed: 0, completed: 0 };
		sum.owed += n(row.owed);
		sum.completed += n(row.completed);
		map.set(key, sum);
	};
	for (const row of rows) {
		add(perUnit, row.org_unit_id, row);
		add(perCategory, row.category, row);
	}
	const units = [...perUnit]
		.map(([unitId, rate]) => {
			const unit = desk.units.get(unitId);
			return { unitId, unitCode: unit?.code ?? "", unitName: unit?.name ?? "", ...rate };
		})
		.sort((a, b) => a.unitCode.localeCompare(b.unitCode));
	const categories = [...perCategory]
		.map(([category, rate]) => ({ category, ...rate }))
		.sort((a, b) => a.category.localeCompare(b.category));
	const total = units.reduce(
		(sum, unit) => ({ owed: sum.owed + unit.owed, completed: sum.completed + unit.completed }),
		{ owed: 0, completed: 0 },
	);
	return { fiscalYear: fy, courseId: courseId ?? null, units, categories, total };
}

/** Who owes a course in the units the caller sees, and whether the caller may record them. */
export async function listAttendees(db: Queryable, desk: TrainingDesk, courseId: string) {
	authorize(desk.actor, trainingPolicy, "training.read");
	const course = await courseOf(db, desk, courseId);
	const rows = await attendeesOf(db, desk.actor.tenantId, course.id);
	return {
		items: rows
			.filter((row) => seesUnit(desk, row.org_unit_id))
			.map((row) => ({
				staffId: row.staff_id,
				staffNumber: row.staff_number,
				displayName: row.display_name,
				unitName: desk.units.get(row.org_unit_id)?.name ?? "",
				completedAt: row.completed_at,
				completedVia: row.completed_via,
				mayRecord: course.kind !== "phishing_drill" && mayRecord(desk, course, row.org_unit_id),
			})),
	};
}

/** A phishing drill's opened / clicked / reported per unit the caller sees. */
export async function drillResults(db: Queryable, desk: TrainingDesk, courseId: string) {
	authorize(desk.actor, trainingPolicy, "training.read");
	const course = await courseOf(db, desk, courseId);
	if (course.kind !== "phishing_drill") throw notADrill();
	const rows = await drillCounts(db, desk.actor.tenantId, [course.id]);
	return {
		units: rows
			.filter((row) => seesUnit(desk, row.org_unit_id))
			.map((row) => ({
				unitId: row.org_unit_id,
				unitName: desk.units.get(row.org_unit_id)?.name ?? "",
				targeted: n(row.targeted),
				opened: n(row.opened),
				clicked: n(row.clicked),
				reported: n(row.reported),
			}))
			.sort((a, b) => a.unitName.localeCompare(b.unitName)),
	};
}

/** My training: what the caller owes and did, the quiz without its answers. */
export async function myTraining(db: Queryable, actor: Actor, today: string) {
	authorize(actor, trainingPolicy, "training.take");
	const me = await rosterEntryOf(db, actor);
	if (!me) return { items: [] };
	const [rows, attempts] = await Promise.all([
		assignmentsOfStaff(db, actor.tenantId, me.staff_id),
		attemptsOfStaff(db, actor.tenantId, me.staff_id),
	]);
	return {
		items: rows.map((row) => {
			const mine = attempts.filter((a) => a.course_id === row.id);
			const quiz = row.quiz ? quizSchema.parse(JSON.parse(row.quiz)) : null;
			return {
				courseId: row.id,
				title: row.title,
				description: row.description,
				kind: row.kind as TrainingKind,
				dueOn: row.due_on,
				heldOn: row.held_on,
				completedAt: row.completed_at,
				overdue: !row.completed_at && row.due_on < today,
				quiz:
					quiz && row.pass_mark !== null
						? {
								passMark: row.pass_mark,
								questions: quiz.map((q) => ({ question: q.question, choices: q.choices })),
							}
						: null,
				attempts: mine.length,
				lastScore: mine.at(-1)?.score ?? null,
			};
		}),
	};
}
