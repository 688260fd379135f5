import { z } from "zod";

/** Audit events of training (modules/training), merged into audit-log.events.ts. */
const course = { courseId: z.string(), title: z.string() };

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
	"training.reminded": z.object({ ...course, dueOn: z.string(), staffIds: z.array(z.string()) }),
	"training.exported": z.object({ fiscalYear: z.number().int(), units: z.number().int() }),
};
