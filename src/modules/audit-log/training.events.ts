import { z } from "zod";

/** Audit events of training (modules/training), merged into audit-log.events.ts. */
const course = { courseId: z.string(), title: z.string() };

/** The changed fields of a course, before or after its change. */
const courseSnapshot = z.object({
	title: z.string().optional(),
	description: z.string().optional(),
	kind: z.string().optional(),
	audience: z.string().optional(),
	dueOn: z.string().optional(),
	heldOn: z.string().nullable().optional(),
	remindDays: z.number().int().nullable().optional(),
	passMark: z.number().int().nullable().optional(),
	questionCount: z.number().int().optional(),
});

export const TRAINING_EVENTS = {
	"training.course_planned": z.object({
		...course,
		fiscalYear: z.number().int(),
		kind: z.string(),
		audience: z.string(),
		dueOn: z.string(),
		questionCount: z.number().int(),
		passMark: z.number().int().nullable(),
		assigned: z.number().int(),
	}),
	/**
	 * A course changed at the version read: `changed` names the fields (API names), `before` and
	 * `after` hold their values (the quiz as its number of questions); completions stay.
	 */
	"training.course_updated": z.object({
		...course,
		changed: z.array(z.string()),
		before: courseSnapshot,
		after: courseSnapshot,
		/** Audience changed: newly owing, and open assignments of those no longer in it removed. */
		assigned: z.number().int(),
		unassigned: z.number().int(),
	}),
	/** The daily job: new staff (or others now in the audience) owe the open courses. */
	"training.assigned": z.object({ ...course, staffIds: z.array(z.string()), reason: z.string() }),
	/** Attendance recorded by hand (the owner or a unit's manager). */
	"training.attendance_recorded": z.object({ ...course, staffIds: z.array(z.string()) }),
	"training.attendance_imported": z.object({
		...course,
		format: z.enum(["xlsx", "csv"]),
		completed: z.number().int(),
		unchanged: z.number().int(),
	}),
	/** A member of staff's own quiz attempt; a failed one completes nothing. */
	"training.quiz_attempted": z.object({
		...course,
		staffId: z.string(),
		score: z.number().int(),
		passMark: z.number().int(),
		passed: z.boolean(),
	}),
	"training.drill_imported": z.object({
		...course,
		format: z.enum(["xlsx", "csv"]),
		rows: z.number().int(),
		opened: z.number().int(),
		clicked: z.number().int(),
		reported: z.number().int(),
	}),
	/** `daysBefore`: the reminder day reached (from the course or the pack); absent in older events. */
	"training.reminded": z.object({
		...course,
		dueOn: z.string(),
		daysBefore: z.number().int().optional(),
		staffIds: z.array(z.string()),
	}),
	"training.exported": z.object({ fiscalYear: z.number().int(), units: z.number().int() }),
};
