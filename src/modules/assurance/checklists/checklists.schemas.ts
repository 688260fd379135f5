import { z } from "@hono/zod-openapi";
import { skippedRowsFields } from "../../../platform/imports/skipped-rows.schema.ts";
import { BUNDLED_CHECKLIST_IDS } from "./bundled-checklists.ts";
import { ANSWER_SCALES, ANSWERERS, CHECKLIST_KINDS } from "./checklist-model.ts";

const localized = z.object({ ja: z.string(), en: z.string() });

export const checklistSummarySchema = z
	.object({
		id: z.string(),
		kind: z.enum(CHECKLIST_KINDS),
		/** The latest version's title. */
		title: z.string(),
		/** The bundled checklist it was made from, or null for a city's own. */
		bundledId: z.string().nullable(),
		latestVersion: z.number().int(),
		/** Items of the latest version. */
		itemCount: z.number().int(),
		createdAt: z.string(),
		updatedAt: z.string(),
	})
	.openapi("ChecklistSummary");
export type ChecklistSummary = z.infer<typeof checklistSummarySchema>;

export const bundledOfferSchema = z
	.object({
		id: z.enum(BUNDLED_CHECKLIST_IDS),
		/** The bundled pack it was written for. */
		pack: z.string(),
		kind: z.enum(CHECKLIST_KINDS),
		title: z.string(),
		itemCount: z.number().int(),
		/** Whether the tenant's pack is this checklist's pack (it was added on first visit). */
		ofTenantPack: z.boolean(),
		/** The tenant's checklist made from it, if any. */
		checklistId: z.string().nullable(),
	})
	.openapi("BundledChecklistOffer");

export const checklistListSchema = z
	.object({
		items: z.array(checklistSummarySchema),
		/** The bundled checklists a tenant may add (or update its copy from). */
		bundled: z.array(bundledOfferSchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("ChecklistList");

export const checklistVersionSummarySchema = z
	.object({
		id: z.string(),
		version: z.number().int(),
		title: z.string(),
		description: z.string().nullable(),
		/** bundled: added from a bundled checklist; import: from a file. */
		source: z.enum(["bundled", "import"]),
		/** The bundled checklist's id, or the imported file's name. */
		sourceName: z.string().nullable(),
		itemCount: z.number().int(),
		createdAt: z.string(),
	})
	.openapi("ChecklistVersionSummary");

export const checklistDetailSchema = checklistSummarySchema
	.extend({
		versions: z.array(checklistVersionSummarySchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("ChecklistDetail");

export const checklistItemSchema = z
	.object({
		id: z.string(),
		position: z.number().int(),
		number: z.string(),
		policyClause: z.string().nullable(),
		standardsChapter: z.string().nullable(),
		question: z.string(),
		answerer: z.enum(ANSWERERS),
		scale: z.enum(ANSWER_SCALES),
		/** The level names, lowest first; empty for yes_no_na. */
		levels: z.array(z.string()),
		required: z.boolean(),
		evidence: z.string().nullable(),
		/** `rule:<code>` or `provision:<key>` of the policy pack. */
		packRef: z.string().nullable(),
		/**
		 * The pack reference read against the tenant's current pack: whether the pack states it,
		 * and the rule's summary (a provision is named by the catalogue). Null without a reference.
		 */
		packRule: z.object({ inPack: z.boolean(), summary: localized.nullable() }).nullable(),
	})
	.openapi("ChecklistItem");

export const checklistVersionDetailSchema = z
	.object({
		checklist: checklistSummarySchema,
		version: checklistVersionSummarySchema,
		items: z.array(checklistItemSchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("ChecklistVersionDetail");

export const checklistImportSchema = z
	.strictObject({
		filename: z.string().trim().min(1).max(200),
		/** The workbook's bytes, base64-encoded (XLSX only). */
		contentBase64: z.string().min(1),
		mode: z.enum(["dry_run", "apply"]),
		/** Import as a new version of this checklist; absent: a new checklist. */
		checklistId: z.string().min(1).max(64).optional(),
	})
	.openapi("ChecklistImport");

export const checklistImportErrorSchema = z
	.object({
		/** The sheet; null for a problem of the whole file. */
		sheet: z.string().nullable(),
		/** Spreadsheet row (1-based); null for a problem of a whole sheet. */
		row: z.number().int().nullable(),
		/** The column's header (or letter for an unreadable cell); null for a whole row or sheet. */
		column: z.string().nullable(),
		/** A stable code: `fileIssue.*` or `issue.checklist_*` in the catalogues. */
		code: z.string(),
		params: z.record(z.string(), z.union([z.string(), z.number()])),
		message: z.string(),
	})
	.openapi("ChecklistImportError");

export const checklistImportReportSchema = z
	.object({
		/** At most 1,000 errors, in file order; `errorCount` counts them all. */
		errors: z.array(checklistImportErrorSchema),
		errorCount: z.number().int(),
		...skippedRowsFields,
		/** Item rows read. */
		rows: z.number().int(),
		title: z.string().nullable(),
		kind: z.enum(CHECKLIST_KINDS).nullable(),
		/** The checklist written (or to be written to); null for a new one not yet saved. */
		checklistId: z.string().nullable(),
		/** The version saved; null unless applied. */
		version: z.number().int().nullable(),
		/** True when the version was saved; a dry run or a file with errors saves nothing. */
		applied: z.boolean(),
	})
	.openapi("ChecklistImportReport");
export type ChecklistImportReport = z.infer<typeof checklistImportReportSchema>;

export const addBundledSchema = z
	.strictObject({ bundledId: z.enum(BUNDLED_CHECKLIST_IDS) })
	.openapi("ChecklistAddBundled");

export const checklistIdParamSchema = z.object({ id: z.string().min(1).max(64) });
export const checklistVersionParamSchema = z.object({
	id: z.string().min(1).max(64),
	version: z.coerce.number().int().min(1).max(1_000_000),
});
