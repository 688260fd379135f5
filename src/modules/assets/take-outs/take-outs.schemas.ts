import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../../shared/paging.schema.ts";
import { TAKE_OUT_RULES } from "../../policies/pack/classification.schema.ts";
import { ASSET_KINDS, ASSET_ZONES, LIFECYCLE_STATES } from "../assets.schemas.ts";

export const TAKE_OUT_STATUSES = ["requested", "approved", "refused", "returned"] as const;
export type TakeOutStatus = (typeof TAKE_OUT_STATUSES)[number];

export const TAKE_OUT_LIMITS = {
	purpose: 500,
	destination: 200,
	reason: 1000,
	note: 1000,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
/** A calendar date in Japan. */
export const calendarDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");

export const takeOutRequestSchema = z
	.strictObject({
		assetId: z.string().min(1).max(64),
		purpose: text(TAKE_OUT_LIMITS.purpose),
		destination: text(TAKE_OUT_LIMITS.destination),
		from: calendarDateSchema,
		until: calendarDateSchema,
		encrypted: z.boolean(),
		lockedCase: z.boolean(),
	})
	.openapi("TakeOutRequest");
export type TakeOutRequestInput = z.infer<typeof takeOutRequestSchema>;

export const takeOutDecisionSchema = z
	.strictObject({
		outcome: z.enum(["approved", "refused"]),
		reason: text(TAKE_OUT_LIMITS.reason),
	})
	.openapi("TakeOutDecision");

export const takeOutReturnSchema = z
	.strictObject({ note: z.string().trim().max(TAKE_OUT_LIMITS.note).nullable() })
	.openapi("TakeOutReturn");

export const takeOutSchema = z
	.object({
		id: z.string(),
		asset: z.object({
			id: z.string(),
			code: z.string(),
			name: z.string(),
			unitName: z.string(),
			zone: z.enum(ASSET_ZONES),
		}),
		status: z.enum(TAKE_OUT_STATUSES),
		/** Approved, not returned, and past `until` (in Japan time). */
		overdue: z.boolean(),
		purpose: z.string(),
		destination: z.string(),
		from: z.string(),
		until: z.string(),
		encrypted: z.boolean(),
		lockedCase: z.boolean(),
		requestedBy: z.string(),
		requestedAt: z.string(),
		decidedBy: z.string().nullable(),
		decidedAt: z.string().nullable(),
		decisionReason: z.string().nullable(),
		returnedBy: z.string().nullable(),
		returnedAt: z.string().nullable(),
		returnNote: z.string().nullable(),
		allowedActions: z.array(z.string()),
	})
	.openapi("TakeOut");
export type TakeOutView = z.infer<typeof takeOutSchema>;

export const TAKE_OUT_VIEWS = ["all", "mine", "to_decide"] as const;

export const takeOutQuerySchema = z.object({
	status: z.enum([...TAKE_OUT_STATUSES, "overdue"]).optional(),
	view: z.enum(TAKE_OUT_VIEWS).default("all"),
	assetId: z.string().max(64).optional(),
	offset: offsetParam,
	limit: limitParam(200),
});
export type TakeOutQuery = z.infer<typeof takeOutQuerySchema>;

/** The list's filters (not its page size) and the file format: the export is of the current filter. */
export const takeOutExportQuerySchema = takeOutQuerySchema
	.omit({ offset: true, limit: true })
	.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

export const takeOutListSchema = pagedListSchema(takeOutSchema).openapi("TakeOutList");

/** An asset the caller may ask to take out, with the rules its class sets. */
export const takeOutAssetSchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		kind: z.enum(ASSET_KINDS),
		unitName: z.string(),
		zone: z.enum(ASSET_ZONES),
		lifecycle: z.enum(LIFECYCLE_STATES),
		classKey: z.string(),
		/** Null when the class is in a scheme the tenant no longer uses. */
		takeOut: z.enum(TAKE_OUT_RULES).nullable(),
		protectWhenCarried: z.boolean(),
	})
	.openapi("TakeOutAsset");

export const takeOutAssetQuerySchema = z.object({ q: z.string().trim().max(100).optional() });
