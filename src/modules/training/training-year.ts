import type { Queryable } from "../../db/queryable.ts";
import { yearOf } from "./read-training.ts";
import { completionByCourse, coursesOfYear, drillCounts } from "./training.repository.ts";
import type { TrainingAudience, TrainingKind, TrainingYear } from "./training.schemas.ts";
import { seesUnit, type TrainingDesk } from "./training-desk.ts";

const n = (value: number | string | null | undefined) => Number(value ?? 0);

/**
 * The fiscal year's training figures for the yearly review (見直し) and the status report (MIC's
 * survey asks whether training was held and how many took it): each course's completion, the
 * total, and the phishing drills' opened / clicked / reported. Counted live, over the units the
 * caller sees (the CISO and 統括 see all).
 *
 * @example
 * const figures = await trainingYear(db, await openTrainingDesk(db, actor), 2026);
 */
export async function trainingYear(
	db: Queryable,
	desk: TrainingDesk,
	year: number | undefined,
): Promise<TrainingYear> {
	const fy = yearOf(desk, year);
	const tenantId = desk.actor.tenantId;
	const [courses, counts] = await Promise.all([
		coursesOfYear(db, tenantId, fy),
		completionByCourse(db, tenantId, fy),
	]);
	const rates = new Map<string, { owed: number; completed: number }>();
	for (const row of counts) {
		if (!seesUnit(desk, row.org_unit_id)) continue;
		const rate = rates.get(row.course_id) ?? { owed: 0, completed: 0 };
		rate.owed += n(row.owed);
		rate.completed += n(row.completed);
		rates.set(row.course_id, rate);
	}
	const drills = (
		await drillCounts(
			db,
			tenantId,
			courses.filter((c) => c.kind === "phishing_drill").map((c) => c.id),
		)
	).filter((row) => seesUnit(desk, row.org_unit_id));
	const sum = (key: "targeted" | "opened" | "clicked" | "reported") =>
		drills.reduce((total, row) => total + n(row[key]), 0);
	const items = courses.map((course) => ({
		title: course.title,
		kind: course.kind as TrainingKind,
		audience: course.audience as TrainingAudience,
		dueOn: course.due_on,
		...(rates.get(course.id) ?? { owed: 0, completed: 0 }),
	}));
	const counted = items.filter((item) => item.kind !== "phishing_drill");
	return {
		fiscalYear: fy,
		courses: items,
		total: {
			owed: counted.reduce((t, i) => t + i.owed, 0),
			completed: counted.reduce((t, i) => t + i.completed, 0),
		},
		drills: {
			targeted: sum("targeted"),
			opened: sum("opened"),
			clicked: sum("clicked"),
			reported: sum("reported"),
		},
	};
}
