import { z } from "zod";

/**
 * Audit events of the register of official social-media accounts (modules/social-media), merged
 * into the catalogue of audit-log.events.ts. Credentials are never in Mamori, so never here.
 */
const named = { service: z.string(), handle: z.string() };

export const SOCIAL_MEDIA_EVENTS = {
	"social_media.registered": z.object({
		...named,
		orgUnitId: z.string(),
		responsibleStaffId: z.string(),
		procedureDocumentId: z.string(),
		credentialHolderIds: z.array(z.string()),
		mfaEnabled: z.boolean(),
	}),
	"social_media.approval_requested": z.object(named),
	/** Decided by the pack's approver (`role`); `notifiedAccountIds`: who was told. */
	"social_media.approved": z.object({
		...named,
		role: z.string(),
		reason: z.string().nullable(),
		notifiedAccountIds: z.array(z.string()),
	}),
	"social_media.refused": z.object({
		...named,
		role: z.string(),
		reason: z.string().nullable(),
		notifiedAccountIds: z.array(z.string()),
	}),
	"social_media.reviewed": z.object({ ...named, reviewedOn: z.string(), note: z.string() }),
	"social_media.suspended": z.object({ ...named, from: z.string(), reason: z.string() }),
	"social_media.reinstated": z.object(named),
	"social_media.closed": z.object({ ...named, from: z.string(), reason: z.string() }),
	/** The scheduler found no review for the period: 休眠, to be suspended. */
	"social_media.dormant_flagged": z.object({ ...named, lastReviewedOn: z.string().nullable() }),
	"social_media.exported": z.object({
		format: z.enum(["csv", "xlsx"]),
		rows: z.number().int(),
		filter: z.record(z.string(), z.string()),
	}),
};
