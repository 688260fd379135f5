import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import { EXCEPTION_STATES } from "./exception-rules.ts";

/** Length limits shared by the forms and the API. */
export const EXCEPTION_LIMITS = {
	clause: 200,
	deviation: 4000,
	reason: 4000,
	measures: 4000,
	decisionReason: 2000,
	targets: 200,
} as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);
const versionSchema = z.number().int().min(1);
const ids = z.array(idSchema).max(EXCEPTION_LIMITS.targets).default([]);

export const requestExceptionSchema = z
	.strictObject({
		orgUnitId: idSchema,
		/** The clause or rule deviated from: `対策基準 3.2(1)`, or a rule of the pack. */
		clause: text(EXCEPTION_LIMITS.clause),
		/** A rule of the three-tier check, when the deviation is from one of them. */
		networkRule: idSchema.optional(),
		/** What will be done differently from the rule. */
		deviation: text(EXCEPTION_LIMITS.deviation),
		reason: text(EXCEPTION_LIMITS.reason),
		compensatingMeasures: text(EXCEPTION_LIMITS.measures),
		assetIds: ids,
		/** Flow ids and node (segment, gateway) ids of the tenant's network model. */
		networkFlows: ids,
		networkNodes: ids,
		startsOn: daySchema,
		endsOn: daySchema,
	})
	.refine((value) => value.startsOn <= value.endsOn, {
		message: "the end is before the start",
		path: ["endsOn"],
	})
	.openapi("ExceptionRequest");
export type RequestExceptionInput = z.infer<typeof requestExceptionSchema>;

export const approveExceptionSchema = z
	.strictObject({ version: versionSchema, reason: z.string().trim().max(2000).default("") })
	.openapi("ExceptionApproval");
export type ApproveExceptionInput = z.infer<typeof approveExceptionSchema>;

/** A refusal's reason is required; an empty one is refused with `exception_refusal_reason_required`. */
export const refuseExceptionSchema = z
	.strictObject({
		version: versionSchema,
		reason: z.string().trim().max(EXCEPTION_LIMITS.decisionReason),
	})
	.openapi("ExceptionRefusal");
export type RefuseExceptionInput = z.infer<typeof refuseExceptionSchema>;

export const withdrawExceptionSchema = z
	.strictObject({ version: versionSchema })
	.openapi("ExceptionWithdrawal");

/** A renewal: the same deviation for a new period (and what changed), decided anew. */
export const renewExceptionSchema = z
	.strictObject({
		startsOn: daySchema,
		endsOn: daySchema,
		reason: text(EXCEPTION_LIMITS.reason),
		compensatingMeasures: text(EXCEPTION_LIMITS.measures).optional(),
	})
	.refine((value) => value.startsOn <= value.endsOn, {
		message: "the end is before the start",
		path: ["endsOn"],
	})
	.openapi("ExceptionRenewal");
export type RenewExceptionInput = z.infer<typeof renewExceptionSchema>;

export const exceptionQuerySchema = z.object({
	state: z.enum(EXCEPTION_STATES).optional(),
	fiscalYear: z.coerce.number().int().min(1989).max(2200).optional(),
	orgUnitId: idSchema.optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type ExceptionQuery = z.infer<typeof exceptionQuerySchema>;

export const exceptionExportQuerySchema = z.object({
	format: z.enum(["csv", "xlsx"]).default("xlsx"),
	state: z.enum(EXCEPTION_STATES).optional(),
	fiscalYear: z.coerce.number().int().min(1989).max(2200).optional(),
});

export const exceptionSummarySchema = z
	.object({
		id: z.string(),
		reference: z.string(),
		state: z.enum(EXCEPTION_STATES),
		/** Approved and within its period today. */
		inForce: z.boolean(),
		fiscalYear: z.number().int(),
		unit: z.object({ id: z.string(), name: z.string() }),
		clause: z.string(),
		startsOn: z.string(),
		endsOn: z.string(),
		requestedBy: z.string(),
		createdAt: z.string(),
	})
	.openapi("ExceptionSummary");

export const exceptionSchema = exceptionSummarySchema
	.extend({
		networkRule: z.string().nullable(),
		deviation: z.string(),
		reason: z.string(),
		compensatingMeasures: z.string(),
		assets: z.array(z.object({ id: z.string(), name: z.string() })),
		networkFlows: z.array(z.string()),
		networkNodes: z.array(z.string()),
		renewalOf: z.object({ id: z.string(), reference: z.string() }).nullable(),
		decision: z
			.object({
				by: z.string(),
				as: z.string(),
				at: z.string(),
				reason: z.string().nullable(),
			})
			.nullable(),
		lapsedAt: z.string().nullable(),
		version: z.number().int(),
		allowedActions: z.array(z.string()),
	})
	.openapi("Exception");
export type ExceptionView = z.infer<typeof exceptionSchema>;

/** `allowedActions`: `exception.request`, `exception.export` as the caller holds them. */
export const exceptionListSchema = pagedListSchema(exceptionSummarySchema).openapi("ExceptionList");

export const exceptionOptionsSchema = z
	.object({
		/** The units the caller may request for. */
		units: z.array(z.object({ id: z.string(), name: z.string() })),
		/** The roles that decide, as the pack names them. */
		deciders: z.array(z.string()),
		today: z.string(),
		/** Clauses of the published policy documents the caller may read, to cite. */
		clauses: z.array(z.object({ text: z.string(), document: z.string() })),
		/** The rules of the three-tier check, with the policy's words they rest on. */
		networkRules: z.array(
			z.object({
				id: z.string(),
				clause: z.string(),
				title: z.object({ ja: z.string(), en: z.string() }),
			}),
		),
		/**
		 * Whether the caller may pick flows and nodes from the network model (they read the network);
		 * otherwise they are given as ids.
		 */
		networkPicker: z.boolean(),
	})
	.openapi("ExceptionOptions");

export const exceptionTargetQuerySchema = z.object({
	kind: z.enum(["flow", "node"]),
	q: z.string().trim().max(100).default(""),
	limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ExceptionTargetQuery = z.infer<typeof exceptionTargetQuerySchema>;

export const exceptionTargetsSchema = z
	.object({ items: z.array(z.object({ id: z.string(), label: z.string() })) })
	.openapi("ExceptionTargets");

/** A reminder that an approved exception nears its end (also sent by mail). */
export const exceptionReminderSchema = z
	.object({
		exceptionId: z.string(),
		reference: z.string(),
		clause: z.string(),
		endsOn: z.string(),
		notifiedAt: z.string(),
	})
	.openapi("ExceptionReminder");
export type ExceptionReminder = z.infer<typeof exceptionReminderSchema>;

export const exceptionRemindersSchema = z
	.object({ items: z.array(exceptionReminderSchema) })
	.openapi("ExceptionReminders");

/** An exception in force as other modules read it: what it covers, and its reference. */
export interface ActiveException {
	id: string;
	reference: string;
	clause: string;
	networkRule: string | null;
	networkFlows: string[];
	networkNodes: string[];
	assetIds: string[];
	startsOn: string;
	endsOn: string;
}
