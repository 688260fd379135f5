import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../../shared/paging.schema.ts";

export const DRILL_STATES = ["planned", "held", "recorded", "cancelled"] as const;
export type DrillState = (typeof DRILL_STATES)[number];

/** Length limits shared by the forms and the API. */
export const DRILL_LIMITS = {
	title: 200,
	scenario: 4000,
	summary: 4000,
	lessons: 8000,
	reason: 1000,
	name: 100,
	headcount: 10_000,
	participants: 500,
	followUps: 50,
	measure: 1000,
	responsible: 200,
	units: 100,
} as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);
const versionSchema = z.number().int().min(1);

export const scheduleDrillSchema = z
	.strictObject({
		title: text(DRILL_LIMITS.title),
		/** The event assumed and what is practised (標的型メール, ランサムウェア, 情報漏えい…). */
		scenario: text(DRILL_LIMITS.scenario),
		plannedOn: daySchema,
		unitIds: z.array(idSchema).max(DRILL_LIMITS.units).default([]),
	})
	.openapi("DrillSchedule");
export type ScheduleDrillInput = z.infer<typeof scheduleDrillSchema>;

/**
 * One participant: an account of the tenant, or a group named freely (委託事業者, 県の担当) with
 * how many people it stands for.
 */
export const participantInputSchema = z
	.strictObject({
		account: idSchema.optional(),
		name: z.string().trim().min(1).max(DRILL_LIMITS.name).optional(),
		headcount: z.number().int().min(1).max(DRILL_LIMITS.headcount).default(1),
	})
	.openapi("DrillParticipantInput");
export type ParticipantInput = z.infer<typeof participantInputSchema>;

export const holdDrillSchema = z
	.strictObject({
		version: versionSchema,
		heldOn: daySchema,
		participants: z.array(participantInputSchema).min(1).max(DRILL_LIMITS.participants),
		/** How it went. */
		summary: z.string().trim().max(DRILL_LIMITS.summary).default(""),
	})
	.openapi("DrillHold");
export type HoldDrillInput = z.infer<typeof holdDrillSchema>;

export const followUpInputSchema = z
	.strictObject({
		measure: text(DRILL_LIMITS.measure),
		responsible: z.string().trim().max(DRILL_LIMITS.responsible).default(""),
		targetDate: daySchema.nullable().default(null),
	})
	.openapi("DrillFollowUpInput");

export const recordDrillSchema = z
	.strictObject({
		version: versionSchema,
		/** 教訓: what the drill taught. */
		lessons: text(DRILL_LIMITS.lessons),
		followUps: z.array(followUpInputSchema).max(DRILL_LIMITS.followUps).default([]),
	})
	.openapi("DrillRecord");
export type RecordDrillInput = z.infer<typeof recordDrillSchema>;

export const cancelDrillSchema = z
	.strictObject({ version: versionSchema, reason: text(DRILL_LIMITS.reason) })
	.openapi("DrillCancel");
export type CancelDrillInput = z.infer<typeof cancelDrillSchema>;

export const drillQuerySchema = z.object({
	state: z.enum(DRILL_STATES).optional(),
	/** The fiscal year (年度) of the held date, or of the planned date until held. */
	fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type DrillQuery = z.infer<typeof drillQuerySchema>;

const unitSchema = z.object({ id: z.string(), name: z.string() });

export const drillSummarySchema = z
	.object({
		id: z.string(),
		title: z.string(),
		state: z.enum(DRILL_STATES),
		plannedOn: z.string(),
		heldOn: z.string().nullable(),
		fiscalYear: z.number().int(),
		units: z.array(unitSchema),
		/** People who took part: accounts, and the headcounts of named groups. */
		participantCount: z.number().int(),
		followUpCount: z.number().int(),
	})
	.openapi("DrillSummary");
export type DrillSummary = z.infer<typeof drillSummarySchema>;

export const drillSchema = drillSummarySchema
	.extend({
		scenario: z.string(),
		summary: z.string().nullable(),
		lessons: z.string().nullable(),
		cancelReason: z.string().nullable(),
		participants: z.array(
			z.object({
				accountId: z.string().nullable(),
				name: z.string(),
				headcount: z.number().int(),
			}),
		),
		followUps: z.array(
			z.object({
				id: z.string(),
				measure: z.string(),
				responsible: z.string().nullable(),
				targetDate: z.string().nullable(),
			}),
		),
		version: z.number().int(),
		createdAt: z.string(),
		heldAt: z.string().nullable(),
		recordedAt: z.string().nullable(),
		cancelledAt: z.string().nullable(),
		allowedActions: z.array(z.string()),
	})
	.openapi("Drill");
export type DrillView = z.infer<typeof drillSchema>;

export const drillListSchema = pagedListSchema(drillSummarySchema).openapi("DrillList");

export const drillOptionsSchema = z
	.object({
		units: z.array(unitSchema),
		/** Active accounts a participant may be chosen from. */
		accounts: z.array(z.object({ id: z.string(), name: z.string() })),
		/** The Japan date today: a drill is not held in the future. */
		today: z.string(),
	})
	.openapi("DrillOptions");

/** A fiscal year's drills as the yearly review reads them. */
export const drillReviewInputSchema = z
	.object({
		fiscalYear: z.number().int(),
		counts: z.object({
			planned: z.number().int(),
			held: z.number().int(),
			recorded: z.number().int(),
			cancelled: z.number().int(),
		}),
		/** The drills held in the year (held or recorded), earliest first, with their lessons. */
		held: z.array(
			z.object({
				id: z.string(),
				title: z.string(),
				heldOn: z.string(),
				participantCount: z.number().int(),
				lessons: z.string().nullable(),
				followUps: z.array(z.string()),
			}),
		),
	})
	.openapi("DrillReviewInput");
export type DrillReviewInput = z.infer<typeof drillReviewInputSchema>;
