import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../../shared/paging.schema.ts";
import { ratingInputSchema } from "../../risks/risks.schemas.ts";

/** Where a finding came from: an audit, a self-inspection, an incident, the network check, or raised by hand. */
export const FINDING_SOURCES = [
	"audit",
	"self_inspection",
	"incident",
	"network_check",
	"manual",
] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** 重大 / 中 / 軽微: how much the finding weighs, as audit reports grade them. */
export const FINDING_SEVERITIES = ["major", "moderate", "minor"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** open → action_planned → done → verified (PDCA), or accepted_as_risk. */
export const FINDING_STATES = [
	"open",
	"action_planned",
	"done",
	"verified",
	"accepted_as_risk",
] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** Length limits shared by the forms and the API. */
export const FINDING_LIMITS = {
	title: 200,
	description: 4000,
	clause: 100,
	sourceRef: 200,
	sourceLabel: 200,
	plan: 4000,
	note: 2000,
	comment: 2000,
	reason: 1000,
	fileName: 200,
	fileDescription: 500,
	/** Decoded bytes of one evidence file. */
	fileBytes: 10 * 1024 * 1024,
} as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);
const versionSchema = z.number().int().min(1);

/** What every finding states, wherever it comes from. */
const findingFields = {
	title: text(FINDING_LIMITS.title),
	description: z.string().trim().max(FINDING_LIMITS.description).default(""),
	/** The policy section it concerns: 基本方針 6(3), 対策基準 5.2. */
	clause: text(FINDING_LIMITS.clause),
	ownerUnitId: idSchema,
	severity: z.enum(FINDING_SEVERITIES),
	/** By when the corrective action is due; the plan may set it later. */
	dueOn: daySchema.nullable().default(null),
};

/** A finding raised by hand (an observation, a walk through the offices). */
export const raiseFindingSchema = z.strictObject(findingFields).openapi("FindingRaise");
export type RaiseManualInput = z.infer<typeof raiseFindingSchema>;

/** A failed rule of the three-tier check, by rule and the flow or node it names. */
export const raiseFromNetworkSchema = z
	.strictObject({
		...findingFields,
		title: text(FINDING_LIMITS.title).optional(),
		clause: text(FINDING_LIMITS.clause).optional(),
		rule: z.string().min(1).max(100),
		flow: z.string().min(1).max(200).nullable().default(null),
		node: z.string().min(1).max(200).nullable().default(null),
	})
	.openapi("FindingFromNetworkCheck");
export type RaiseFromNetworkInput = z.infer<typeof raiseFromNetworkSchema>;

/** An incident case whose lessons show a gap against the policy. */
export const raiseFromIncidentSchema = z
	.strictObject({
		...findingFields,
		title: text(FINDING_LIMITS.title).optional(),
		incidentId: idSchema,
	})
	.openapi("FindingFromIncident");
export type RaiseFromIncidentInput = z.infer<typeof raiseFromIncidentSchema>;

export const planActionSchema = z
	.strictObject({
		version: versionSchema,
		/** 是正処置: what will be done. */
		plan: text(FINDING_LIMITS.plan),
		/** Who is responsible: an active account of the tenant. */
		ownerId: idSchema,
		dueOn: daySchema,
	})
	.openapi("FindingPlan");
export type PlanActionInput = z.infer<typeof planActionSchema>;

export const completeActionSchema = z
	.strictObject({ version: versionSchema, note: text(FINDING_LIMITS.note) })
	.openapi("FindingDone");
export type CompleteActionInput = z.infer<typeof completeActionSchema>;

export const verifyFindingSchema = z
	.strictObject({ version: versionSchema, comment: text(FINDING_LIMITS.comment) })
	.openapi("FindingVerify");
export type VerifyFindingInput = z.infer<typeof verifyFindingSchema>;

/** A risk to link: one of the register, or a new one entered there from the finding. */
export const linkRiskSchema = z
	.strictObject({
		version: versionSchema,
		riskId: idSchema.optional(),
		newRisk: z
			.strictObject({
				threatCode: z.string().trim().min(1).max(60),
				inherent: ratingInputSchema,
				residual: ratingInputSchema,
			})
			.optional(),
	})
	.openapi("FindingRiskLink");
export type LinkRiskInput = z.infer<typeof linkRiskSchema>;

export const acceptRiskSchema = z
	.strictObject({
		version: versionSchema,
		reason: text(FINDING_LIMITS.reason),
		/** A risk of the register to link first, when none is linked yet. */
		riskId: idSchema.optional(),
	})
	.openapi("FindingAcceptRisk");
export type AcceptAsRiskInput = z.infer<typeof acceptRiskSchema>;

export const findingEvidenceUploadSchema = z
	.strictObject({
		fileName: text(FINDING_LIMITS.fileName),
		description: z.string().trim().max(FINDING_LIMITS.fileDescription).optional(),
		contentBase64: z.string().min(1),
	})
	.openapi("FindingEvidenceUpload");

/** The register's filters, shared by the list and the export. */
export const findingFilterSchema = z.object({
	state: z.enum(FINDING_STATES).optional(),
	severity: z.enum(FINDING_SEVERITIES).optional(),
	source: z.enum(FINDING_SOURCES).optional(),
	unitId: idSchema.optional(),
	/** The findings of one source record (with `source`): a case's, a rule's and flow's. */
	sourceRef: z.string().min(1).max(FINDING_LIMITS.sourceRef).optional(),
	/** Only findings whose corrective action is past its due date and not done. */
	overdue: z.enum(["true", "false"]).optional(),
});
export type FindingFilter = z.infer<typeof findingFilterSchema>;

export const findingQuerySchema = findingFilterSchema.extend({
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type FindingQuery = z.infer<typeof findingQuerySchema>;

const unitSchema = z.object({ id: z.string(), name: z.string() });

export const findingSummarySchema = z
	.object({
		id: z.string(),
		reference: z.string(),
		title: z.string(),
		source: z.enum(FINDING_SOURCES),
		sourceLabel: z.string().nullable(),
		clause: z.string(),
		ownerUnit: unitSchema,
		severity: z.enum(FINDING_SEVERITIES),
		state: z.enum(FINDING_STATES),
		dueOn: z.string().nullable(),
		/** Past its due date and the action not done. */
		overdue: z.boolean(),
		createdAt: z.string(),
	})
	.openapi("FindingSummary");
export type FindingSummary = z.infer<typeof findingSummarySchema>;

export const findingEvidenceSchema = z
	.object({
		id: z.string(),
		fileName: z.string(),
		mediaType: z.string(),
		size: z.number().int(),
		sha256: z.string(),
		description: z.string().nullable(),
		uploadedBy: z.string(),
		uploadedAt: z.string(),
	})
	.openapi("FindingEvidence");
export type FindingEvidenceView = z.infer<typeof findingEvidenceSchema>;

export const findingEventSchema = z
	.object({
		seq: z.number().int(),
		kind: z.string(),
		actor: z.string(),
		at: z.string(),
		text: z.string().nullable(),
		data: z.record(z.string(), z.unknown()),
	})
	.openapi("FindingEvent");

export const findingSchema = findingSummarySchema
	.extend({
		description: z.string(),
		sourceRef: z.string().nullable(),
		plan: z
			.object({
				text: z.string(),
				owner: z.object({ id: z.string().nullable(), name: z.string() }),
				plannedBy: z.string(),
				plannedAt: z.string(),
			})
			.nullable(),
		done: z.object({ note: z.string(), by: z.string(), at: z.string() }).nullable(),
		verification: z.object({ comment: z.string(), by: z.string(), at: z.string() }).nullable(),
		risk: z
			.object({
				id: z.string(),
				acceptance: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
			})
			.nullable(),
		raisedBy: z.string(),
		evidence: z.array(findingEvidenceSchema),
		timeline: z.array(findingEventSchema),
		version: z.number().int(),
		updatedAt: z.string(),
		/** The steps the caller may take on it now (`finding.plan`, `finding.verify`, …). */
		allowedActions: z.array(z.string()),
	})
	.openapi("Finding");
export type FindingView = z.infer<typeof findingSchema>;

export const findingListSchema = pagedListSchema(findingSummarySchema).openapi("FindingList");

export const findingOptionsSchema = z
	.object({
		/** Units the register may be filtered by and findings raised for. */
		units: z.array(unitSchema),
		/** Active accounts a corrective action's responsible person is chosen from. */
		accounts: z.array(z.object({ id: z.string(), name: z.string() })),
		/** The Japan date today: due dates lie ahead of it. */
		today: z.string(),
	})
	.openapi("FindingOptions");
