import { z } from "@hono/zod-openapi";
import { HEADING_KINDS } from "./headings.ts";

/** Stable codes of import warnings; the UI translates them, the message is for logs and the CLI. */
export const IMPORT_WARNING_CODES = [
	"decoded_as_shift_jis",
	"decoded_as_utf16",
	"page_numbers_removed",
	"preamble_skipped",
	"numbering_gap",
	"heading_out_of_sequence",
	"revision_numbering_gap",
	"revision_without_summary",
	"definition_unparsed",
	"definition_without_meaning",
	"definitions_section_empty",
	"numbering_starts_late",
] as const;

export const importWarningSchema = z
	.object({
		code: z.enum(IMPORT_WARNING_CODES),
		/** Values for the catalogue text of `code` (`{ label: "(3)", previous: "(1)" }`). */
		params: z.record(z.string(), z.union([z.string(), z.number()])),
		/** English, for developers and the CLI: people read the catalogue text of `code`. */
		message: z.string(),
		/** 1-based line in the imported text, when the warning is about one place. */
		line: z.number().int().positive().nullable(),
	})
	.openapi("PolicyImportWarning");
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** One numbered section or item of the imported policy; items nest as `children`. */
export interface ImportedSection {
	kind: (typeof HEADING_KINDS)[number];
	/** The label as written: 「１」, 「（１）」, 「①」, 「第1条」, 「附則」. */
	label: string;
	title: string;
	/** Paragraphs before the first child, separated by "\n". */
	body: string;
	/** 1-based line of the heading in the imported text. */
	line: number;
	children: ImportedSection[];
}

export const importedSectionSchema: z.ZodType<ImportedSection> = z
	.object({
		kind: z.enum(HEADING_KINDS),
		label: z.string(),
		title: z.string(),
		body: z.string(),
		line: z.number().int().positive(),
		get children() {
			return z.array(importedSectionSchema);
		},
	})
	.openapi("PolicyImportSection");

export const importedDefinitionSchema = z
	.object({
		term: z.string().min(1),
		meaning: z.string(),
		line: z.number().int().positive(),
	})
	.openapi("PolicyImportDefinition");
export type ImportedDefinition = z.infer<typeof importedDefinitionSchema>;

export const importedRevisionSchema = z
	.object({
		/** Row number in the table, when the table has one. */
		no: z.number().int().nonnegative().nullable(),
		/** `YYYY-MM` or `YYYY-MM-DD`. */
		date: z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/u),
		/** The date as written, 和暦 kept: 「平成16年3月」. */
		dateText: z.string(),
		/** Description; ・bullet lines separated by "\n". */
		summary: z.string(),
		line: z.number().int().positive(),
	})
	.openapi("PolicyImportRevision");
export type ImportedRevision = z.infer<typeof importedRevisionSchema>;

export const policyImportResultSchema = z
	.object({
		/** Document title found above the first heading, if any. */
		title: z.string().nullable(),
		sections: z.array(importedSectionSchema),
		definitions: z.array(importedDefinitionSchema),
		revisions: z.array(importedRevisionSchema),
		warnings: z.array(importWarningSchema),
	})
	.openapi("PolicyImportResult");
export type PolicyImportResult = z.infer<typeof policyImportResultSchema>;
