import { z } from "zod";

/**
 * Audit events of the cloud service register (modules/cloud-services), merged into the
 * catalogue of audit-log.events.ts. The service holds its texts; the log holds its number, what
 * changed, the decision and the flags raised.
 */
export const CLOUD_SERVICE_EVENTS = {
	"cloud_service.registered": z.object({
		code: z.string(),
		name: z.string(),
		orgUnitId: z.string(),
		dataLevel: z.string(),
		flags: z.array(z.string()),
	}),
	"cloud_service.updated": z.object({
		code: z.string(),
		/** The fields that changed (API names). */
		changed: z.array(z.string()),
		dataLevel: z.string(),
		flags: z.array(z.string()),
	}),
	"cloud_service.requested": z.object({ code: z.string(), dataLevel: z.string() }),
	/** Decided by the pack's approver or delegate (`role`), up to `maxLevel`. */
	"cloud_service.approved": z.object({
		code: z.string(),
		role: z.string(),
		maxLevel: z.string(),
		reason: z.string().nullable(),
	}),
	"cloud_service.refused": z.object({
		code: z.string(),
		role: z.string(),
		reason: z.string(),
	}),
	"cloud_service.put_in_use": z.object({ code: z.string() }),
	"cloud_service.reviewed": z.object({ code: z.string(), nextReviewOn: z.string() }),
	"cloud_service.retired": z.object({ code: z.string(), from: z.string() }),
	/** The daily job: the review date is near. */
	"cloud_service.review_warned": z.object({ code: z.string(), nextReviewOn: z.string() }),
	/** The daily job found the flags changed (a review overdue, or the pack's rules changed). */
	"cloud_service.flags_changed": z.object({
		code: z.string(),
		from: z.array(z.string()),
		to: z.array(z.string()),
	}),
	"cloud_service.imported": z.object({
		format: z.enum(["csv", "xlsx"]),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
	}),
	"cloud_service.exported": z.object({
		format: z.enum(["csv", "xlsx"]),
		rows: z.number().int(),
	}),
};
