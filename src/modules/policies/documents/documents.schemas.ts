import { z } from "@hono/zod-openapi";
import { calendarDateSchema } from "../../assets/take-outs/take-outs.schemas.ts";
import { importWarningSchema } from "../import/import.schemas.ts";
import type { SectionInput } from "./content.ts";
import { DOCUMENT_KINDS } from "./seed-documents.ts";
import { VERSION_STATUSES } from "./workflow.ts";

export const idParamSchema = z.object({ id: z.string().min(1).max(100) });

const sectionText = {
	label: z.string().max(50),
	title: z.string().max(500),
	body: z.string().max(200_000),
};

export const sectionInputSchema: z.ZodType<SectionInput> = z
	.strictObject({
		...sectionText,
		get children() {
			return z.array(sectionInputSchema).max(500);
		},
	})
	.openapi("PolicySectionInput");

export interface SectionView {
	anchor: string;
	citation: string;
	label: string;
	title: string;
	body: string;
	children: SectionView[];
}

export const sectionViewSchema: z.ZodType<SectionView> = z
	.object({
		anchor: z.string(),
		citation: z.string(),
		...sectionText,
		get children() {
			return z.array(sectionViewSchema);
		},
	})
	.openapi("PolicySection");

export const versionSummarySchema = z
	.object({
		id: z.string(),
		documentId: z.string(),
		number: z.number().int(),
		status: z.enum(VERSION_STATUSES),
		title: z.string(),
		changeSummary: z.string(),
		createdAt: z.string(),
		submittedAt: z.string().nullable(),
		approvedAt: z.string().nullable(),
		approvedRole: z.string().nullable(),
		publishedAt: z.string().nullable(),
		supersededAt: z.string().nullable(),
		/** 施行日, `YYYY-MM-DD`, recorded on publishing. */
		effectiveOn: z.string().nullable(),
		/** 決裁番号 of the decision, when a role decided. */
		decisionNumber: z.string().nullable(),
		/** 委員会決定日, `YYYY-MM-DD`, when the committee decided. */
		committeeDecidedOn: z.string().nullable(),
		/** Whether the caller drafted or submitted it (and so, when the pack says, may not decide). */
		draftedByCaller: z.boolean(),
		/**
		 * Who decides the policy, per the pack: the committee (publishing records its 委員会決定日)
		 * or a role (publishing records the 決裁番号).
		 */
		decidedBy: z.enum(["committee", "role"]),
		/** Whether the pack keeps the drafter out of the decision (起案者 ≠ 決裁者). */
		separateDrafter: z.boolean(),
		allowedActions: z.array(z.string()),
	})
	.openapi("PolicyVersionSummary");

export const revisionSchema = z
	.object({
		/** `YYYY-MM` or `YYYY-MM-DD`. */
		date: z.string(),
		kind: z.string(),
		summary: z.string(),
		versionNumber: z.number().int().nullable(),
	})
	.openapi("PolicyRevision");

export const documentSummarySchema = z
	.object({
		id: z.string(),
		kind: z.enum(DOCUMENT_KINDS),
		title: z.string(),
		/** The short name clauses are cited by: 基本方針, 対策基準, 実施手順; the plan by its title. */
		shortName: z.string(),
		publication: z.enum(["public", "non_public", "unknown"]),
		/** Whether the caller may read the content (non-public: only the roles the pack names). */
		readable: z.boolean(),
		publishedVersion: z.number().int().nullable(),
		allowedActions: z.array(z.string()),
	})
	.openapi("PolicyDocumentSummary");

export const documentDetailSchema = documentSummarySchema
	.extend({
		versions: z.array(versionSummarySchema),
		revisions: z.array(revisionSchema),
		/** Roles that may read a non-public document, per the pack. */
		readerRoles: z.array(z.string()),
		/** Roles that draft and import versions, to say who does it when the caller may not. */
		drafterRoles: z.array(z.string()),
	})
	.openapi("PolicyDocument");

export const versionDetailSchema = versionSummarySchema
	.extend({
		document: documentSummarySchema,
		sections: z.array(sectionViewSchema),
	})
	.openapi("PolicyVersion");

export const documentCreateSchema = z
	.strictObject({
		kind: z.enum(DOCUMENT_KINDS),
		title: z.string().trim().min(1).max(200),
		publication: z.enum(["public", "non_public", "unknown"]),
	})
	.openapi("PolicyDocumentCreate");
export type DocumentCreate = z.infer<typeof documentCreateSchema>;

export const draftCreateSchema = z
	.strictObject({
		/**
		 * `copy`: start from the latest version; `blank`: empty; `template`: the parts the pack
		 * expects of an emergency response plan (that kind only).
		 */
		from: z.enum(["copy", "blank", "template"]),
		changeSummary: z.string().trim().max(2000).default(""),
	})
	.openapi("PolicyDraftCreate");

export const importUploadSchema = z
	.strictObject({
		fileName: z.string().trim().min(1).max(200),
		/** The file's bytes, base64: UTF-8, UTF-16 with BOM or Shift_JIS plain text. */
		contentBase64: z.string().min(1).max(1_300_000),
		changeSummary: z.string().trim().max(2000).default(""),
	})
	.openapi("PolicyImportUpload");

export const importDraftResultSchema = z
	.object({ version: versionSummarySchema, warnings: z.array(importWarningSchema) })
	.openapi("PolicyImportDraft");

export const draftUpdateSchema = z
	.strictObject({
		title: z.string().trim().min(1).max(200).optional(),
		changeSummary: z.string().trim().max(2000).optional(),
		sections: z.array(sectionInputSchema).max(500).optional(),
	})
	.openapi("PolicyDraftUpdate");
export type DraftUpdate = z.infer<typeof draftUpdateSchema>;

export const publishSchema = z
	.strictObject({
		audience: z.enum(["all", "units"]),
		unitIds: z.array(z.string().min(1).max(100)).max(500).default([]),
		revisionKind: z.enum(["full", "partial", "initial"]).default("partial"),
		/** 施行日: the day the version takes effect, `YYYY-MM-DD`. */
		effectiveOn: calendarDateSchema,
		/** 決裁番号: required when a role decides the policy (the pack's `approvals.policy`). */
		decisionNumber: z.string().trim().min(1).max(100).optional(),
		/** 委員会決定日, `YYYY-MM-DD`: required when the committee decides the policy. */
		committeeDecidedOn: calendarDateSchema.optional(),
	})
	.openapi("PolicyPublish");
export type PublishInput = z.infer<typeof publishSchema>;

const diffPartSchema = z.object({
	kind: z.enum(["same", "added", "removed"]),
	text: z.string(),
});
const plainSectionSchema = z.object(sectionText).nullable();

export const diffSchema = z
	.object({
		document: documentSummarySchema,
		before: versionSummarySchema,
		after: versionSummarySchema,
		rows: z.array(
			z.object({
				anchor: z.string(),
				citation: z.string(),
				change: z.enum(["added", "removed", "changed", "unchanged"]),
				before: plainSectionSchema,
				after: plainSectionSchema,
				titleDiff: z.array(diffPartSchema),
				bodyDiff: z.array(diffPartSchema),
			}),
		),
	})
	.openapi("PolicyVersionDiff");

export const diffQuerySchema = z.object({ against: z.string().min(1).max(100) });

export const myAcknowledgementSchema = z
	.object({
		versionId: z.string(),
		documentId: z.string(),
		documentTitle: z.string(),
		number: z.number().int(),
		title: z.string(),
		publishedAt: z.string(),
		acknowledgedAt: z.string().nullable(),
	})
	.openapi("PolicyAcknowledgementItem");

export const completionSchema = z
	.object({
		versionId: z.string(),
		documentTitle: z.string(),
		number: z.number().int(),
		audience: z.enum(["all", "units"]),
		unitIds: z.array(z.string()),
		total: z.number().int(),
		acknowledged: z.number().int(),
		units: z.array(
			z.object({
				unitId: z.string().nullable(),
				unitName: z.string().nullable(),
				total: z.number().int(),
				acknowledged: z.number().int(),
			}),
		),
		pending: z.array(
			z.object({
				accountId: z.string(),
				username: z.string(),
				displayName: z.string(),
				unitName: z.string().nullable(),
			}),
		),
	})
	.openapi("PolicyAcknowledgementCompletion");

export const notificationSchema = z
	.object({
		id: z.string(),
		kind: z.string(),
		link: z.string(),
		createdAt: z.string(),
		readAt: z.string().nullable(),
	})
	.openapi("Notification");
