import { z } from "@hono/zod-openapi";
import { FINDING_SEVERITIES } from "../findings/findings.schemas.ts";

/** はい / いいえ / 該当なし, or one of the item's levels (`levelIndex`). */
export const AUDIT_RESULTS = ["yes", "no", "na", "level"] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** Length limits shared by the forms and the API. */
export const FIELDWORK_LIMITS = {
	note: 4000,
	fileName: 255,
	fileBytes: 10 * 1024 * 1024,
	findingTitle: 200,
} as const;

const idSchema = z.string().min(1).max(64);
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const chooseChecklistSchema = z
	.strictObject({
		version: z.number().int().min(1),
		/** A version of one of the tenant's audit checklists; null clears the choice. */
		checklistVersionId: idSchema.nullable(),
	})
	.openapi("AuditChecklistChoice");
export type ChooseChecklistInput = z.infer<typeof chooseChecklistSchema>;

export const checklistChoicesSchema = z
	.object({
		items: z.array(
			z.object({
				versionId: z.string(),
				checklistId: z.string(),
				title: z.string(),
				version: z.number().int(),
				itemCount: z.number().int(),
				latest: z.boolean(),
			}),
		),
	})
	.openapi("AuditChecklistChoices");

export const recordResultSchema = z
	.strictObject({
		result: z.enum(AUDIT_RESULTS),
		/** The level chosen, for an item answered on its levels (`result` "level"). */
		levelIndex: z.number().int().min(0).max(20).nullable().default(null),
		/** 監査所見. */
		note: z.string().trim().max(FIELDWORK_LIMITS.note).nullable().default(null),
	})
	.openapi("AuditResultInput");
export type RecordResultInput = z.infer<typeof recordResultSchema>;

export const evidenceUploadSchema = z
	.strictObject({
		fileName: z.string().trim().min(1).max(FIELDWORK_LIMITS.fileName),
		contentBase64: z.string().min(1),
	})
	.openapi("AuditEvidenceUpload");

export const auditEvidenceSchema = z
	.object({
		id: z.string(),
		fileName: z.string(),
		mediaType: z.string(),
		size: z.number().int(),
		sha256: z.string(),
		uploadedBy: z.string(),
		uploadedAt: z.string(),
	})
	.openapi("AuditEvidence");
export type AuditEvidenceView = z.infer<typeof auditEvidenceSchema>;

export const raiseAuditFindingSchema = z
	.strictObject({
		severity: z.enum(FINDING_SEVERITIES),
		/** The finding's title; the item's question when not given. */
		title: z.string().trim().min(1).max(FIELDWORK_LIMITS.findingTitle).optional(),
		dueOn: daySchema.nullable().default(null),
	})
	.openapi("AuditFindingRaise");
export type RaiseAuditFindingInput = z.infer<typeof raiseAuditFindingSchema>;

const resultSchema = z.object({
	itemId: z.string(),
	result: z.enum(AUDIT_RESULTS),
	levelIndex: z.number().int().nullable(),
	note: z.string().nullable(),
	recordedBy: z.string(),
	recordedAt: z.string(),
	finding: z
		.object({
			id: z.string(),
			reference: z.string(),
			severity: z.enum(FINDING_SEVERITIES),
			state: z.string(),
		})
		.nullable(),
});

export const auditResultSchema = resultSchema.openapi("AuditResult");
export type AuditResultView = z.infer<typeof auditResultSchema>;

/** Conformity counts of one unit, or of the whole audit. */
export const conformitySchema = z.object({
	yes: z.number().int(),
	no: z.number().int(),
	na: z.number().int(),
	level: z.number().int(),
	open: z.number().int(),
});
export type Conformity = z.infer<typeof conformitySchema>;

export const fieldworkSchema = z
	.object({
		auditId: z.string(),
		state: z.string(),
		checklist: z
			.object({
				versionId: z.string(),
				title: z.string(),
				version: z.number().int(),
				items: z.array(
					z.object({
						id: z.string(),
						number: z.string(),
						clause: z.string(),
						question: z.string(),
						scale: z.enum(["yes_no_na", "level"]),
						levels: z.array(z.string()),
						evidence: z.string().nullable(),
					}),
				),
			})
			.nullable(),
		units: z.array(
			z.object({
				id: z.string(),
				name: z.string(),
				results: z.array(resultSchema),
				evidence: z.array(auditEvidenceSchema.extend({ itemId: z.string() })),
				counts: conformitySchema,
			}),
		),
		totals: conformitySchema,
		/** `assurance_audit.record` (an auditor on the team, in fieldwork), `…raise_finding`. */
		allowedActions: z.array(z.string()),
	})
	.openapi("AuditFieldwork");
export type FieldworkView = z.infer<typeof fieldworkSchema>;
