import { z } from "@hono/zod-openapi";

/**
 * A column mapping, version 1 (docs/column-mapping.md): how a city's own spreadsheet layout reads
 * as one of Mamori's imports. `columns` names, for each of the file's column labels, the field it
 * fills (`"name"`, a part of a field that spans several columns such as `"classification:2"`, or
 * null to ignore it); `values` rewrites the values of a column (a closed list: 極秘 → C3A).
 */
export const MAPPING_VERSION = 1;

const label = z.string().min(1).max(200);

export const columnMappingSchema = z
	.strictObject({
		version: z.literal(MAPPING_VERSION),
		kind: z.string().min(1).max(64),
		source: z.string().trim().min(1).max(100),
		/** The header's spreadsheet rows (1-based): one row, or two when the upper one groups columns. */
		headerRows: z
			.array(z.number().int().min(1).max(1000))
			.min(1)
			.max(2)
			.refine((rows) => rows.length === 1 || rows[1] === (rows[0] ?? 0) + 1, {
				message: "two header rows follow each other",
			}),
		columns: z.record(
			label,
			z
				.string()
				.regex(/^[A-Za-z][\w.-]*(:[1-9])?$/u)
				.nullable(),
		),
		values: z.record(label, z.record(z.string().max(200), z.string().max(200))).default({}),
	})
	.openapi("ColumnMapping");
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** One field of an import that a column can fill. */
export interface MappingField {
	key: string;
	/** The field's header in Mamori's own layout (the template), and its label on screen. */
	header: string;
	required: boolean;
	/** Other header words for it (NFKC-folded, spaces ignored when compared). */
	synonyms: readonly string[];
	/** A field spread over several columns (one per part, joined with "/"), with each part's words. */
	parts?: readonly (readonly string[])[];
	/** A closed list: the values Mamori reads and other words for each; per part when `parts`. */
	values?: readonly MappingValue[] | readonly (readonly MappingValue[])[];
}

export interface MappingValue {
	/** What the module reads (a code, a level). */
	value: string;
	label: string;
	synonyms: readonly string[];
}

/** What an import offers to map: its fields in its own layout's order. */
export interface MappingTarget {
	kind: string;
	fields: readonly MappingField[];
}
