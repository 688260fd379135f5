import { z } from "zod";

/**
 * Audit events of 例外措置 (modules/exceptions), merged into the catalogue of
 * audit-log.events.ts. The exception holds its texts; the log holds the reference, the period,
 * the decision and its reason.
 */
export const EXCEPTION_EVENTS = {
	"exception.requested": z.object({
		reference: z.string(),
		orgUnitId: z.string(),
		clause: z.string(),
		startsOn: z.string(),
		endsOn: z.string(),
		/** The exception a renewal continues, decided anew. */
		renewalOf: z.string().nullable(),
	}),
	/** Decided by the pack's approver or delegate (`role`). */
	"exception.approved": z.object({
		reference: z.string(),
		role: z.string(),
		reason: z.string().nullable(),
		startsOn: z.string(),
		endsOn: z.string(),
	}),
	"exception.refused": z.object({
		reference: z.string(),
		role: z.string(),
		reason: z.string().nullable(),
		startsOn: z.string(),
		endsOn: z.string(),
	}),
	"exception.withdrawn": z.object({ reference: z.string(), from: z.string() }),
	/** The scheduler told the unit's managers and the deciders that the end is near. */
	"exception.expiry_notified": z.object({
		reference: z.string(),
		endsOn: z.string(),
		accountIds: z.array(z.string()),
	}),
	/** Past its end date: the scheduler marked it lapsed; covered flows are violations again. */
	"exception.lapsed": z.object({ reference: z.string(), endsOn: z.string() }),
	"exception.exported": z.object({
		format: z.enum(["csv", "xlsx"]),
		rows: z.number().int(),
		filter: z.record(z.string(), z.string()),
	}),
};
