import { z } from "@hono/zod-openapi";
import { mappingChoiceFields } from "../../platform/imports/mapping-choice.schema.ts";
import { skippedRowsFields } from "../../platform/imports/skipped-rows.schema.ts";
import { assetQuerySchema } from "./assets.schemas.ts";

export const assetImportSchema = z
	.strictObject({
		filename: z.string().trim().min(1).max(200),
		/** The file's bytes, base64-encoded: XLSX, or CSV in UTF-8 (with or without BOM) or Shift_JIS. */
		contentBase64: z.string().min(1),
		mode: z.enum(["dry_run", "apply"]),
		skipInvalid: z.boolean().default(false),
		...mappingChoiceFields,
	})
	.openapi("AssetImport");

export const assetImportErrorSchema = z
	.object({
		/** Spreadsheet row (1 = the header row); null for a problem of the whole file. */
		row: z.number().int().nullable(),
		/** The column's header as in the file; null for a problem of the whole file or row. */
		column: z.string().nullable(),
		message: z.string(),
		/** For a file that cannot be read: a stable `fileIssue` code (e.g. `xlsx_part_too_large`). */
		code: z.string().optional(),
		/** The code's parameters (part, sheet, row, column, limit). */
		params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
	})
	.openapi("AssetImportError");

export const assetImportReportSchema = z
	.object({
		format: z.enum(["xlsx", "csv"]).nullable(),
		/** At most 1,000 errors, in file order; `errorCount` counts them all. */
		errors: z.array(assetImportErrorSchema),
		errorCount: z.number().int(),
		...skippedRowsFields,
		/** Data rows read (blank rows are not counted). */
		rows: z.number().int(),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
		/** Invalid rows left out because `skipInvalid` was set. */
		skipped: z.number().int(),
		/** True when the changes were committed; a dry run or a file with errors applies nothing. */
		applied: z.boolean(),
	})
	.openapi("AssetImportReport");

export const fileFormatSchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

/** The ledger list's filters (not its paging): the export is of the current filter. */
export const assetExportQuerySchema = assetQuerySchema
	.omit({ sort: true, order: true, offset: true, limit: true })
	.extend(fileFormatSchema.shape);
