import { type ImportError, rowError } from "../../modules/assets/import-row.ts";
import { unescapeCell } from "../../modules/assets/ledger-format.ts";
import { fileIssueOf, fileIssueText } from "../../shared/file-issues.ts";
import { type SkippedRows, skipMappedRow, skipRow } from "../../shared/row-kinds.ts";
import type { ColumnMapping, MappingTarget } from "./mapping.schemas.ts";
import { type AppliedMapping, mapTable } from "./mapping.ts";

/**
 * The header-and-rows step of the import pipeline for a module's fixed columns: headers matched
 * by their Japanese name (NFKC, spaces ignored), every cell checked for presence and length, and
 * every error with its row and column.
 */
export const MAX_LISTED_ERRORS = 1_000;

/** One column a module's import reads. */
export interface Column<K extends string> {
	key: K;
	header: string;
	required: boolean;
	max: number;
}

export type Values<C extends readonly Column<string>[]> = Record<C[number]["key"], string>;

/** What the readers fill in: the module's report has at least these (blank and total rows too). */
export interface RowReport extends SkippedRows {
	errors: ImportError[];
	errorCount: number;
	rows: number;
}

const fold = (text: string) => text.normalize("NFKC").replace(/\s+/gu, "");

/**
 * The fields of a module's fixed columns for a column mapping: its headers, and other words
 * for them from the module's data (`{ key: ["名称", …] }`).
 *
 * @example
 * columnsTarget("contracts.contractors", CONTRACTOR_COLUMNS, words.headers);
 */
export function columnsTarget(
	kind: string,
	columns: readonly Column<string>[],
	words: Readonly<Record<string, readonly string[]>> = {},
): MappingTarget {
	return {
		kind,
		fields: columns.map((column) => ({
			key: column.key,
			header: column.header,
			required: column.required,
			synonyms: words[column.key] ?? [],
		})),
	};
}

/** A column mapping to read the city's own layout with, and the fields it maps to. */
export interface MappedLayout {
	mapping: ColumnMapping;
	target: MappingTarget;
}

/** The layout to read a module's fixed columns through, or null for its own layout. */
export function mappedLayout(
	mapping: ColumnMapping | null | undefined,
	kind: string,
	columns: readonly Column<string>[],
	words: Readonly<Record<string, readonly string[]>> = {},
): MappedLayout | null {
	return mapping ? { mapping, target: columnsTarget(kind, columns, words) } : null;
}

export /**
 * Read the header and each row into values by key; every error names its row and column. Given a
 * mapping, the city's own layout is read: rows keep their numbers, errors name the city's columns.
 */
function readRows<C extends readonly Column<string>[]>(
	table: string[][],
	columns: C,
	report: RowReport,
	mapped: MappedLayout | null = null,
): { row: number; values: Values<C>; ok: boolean }[] {
	let applied: AppliedMapping | null = null;
	let rows = table;
	const add = (error: ImportError) => {
		report.errorCount++;
		if (report.errors.length < MAX_LISTED_ERRORS)
			report.errors.push(applied ? applied.rename(error) : error);
	};
	if (mapped) {
		const result = mapTable(table, mapped.mapping, mapped.target);
		for (const error of result.applied.errors) add(error);
		if (report.errorCount > 0) return [];
		applied = result.applied;
		rows = result.rows;
	}
	let start = rows.findIndex((cells) => cells.some((cell) => cell !== ""));
	if (start < 0) {
		add(rowError(null, null, "header_row_missing"));
		return [];
	}
	const header = rows[start] ?? [];
	const byHeader = new Map<string, Column<string>>(columns.map((c) => [fold(c.header), c]));
	const at = new Map<string, number>();
	for (const [index, cell] of header.entries()) {
		if (cell === "") continue;
		const column = byHeader.get(fold(cell));
		if (!column)
			add(
				rowError(start + 1, cell, "column_unknown", {
					header: cell,
					headers: columns.map((c) => c.header).join("、"),
				}),
			);
		else if (at.has(column.key))
			add(rowError(start + 1, cell, "column_duplicate", { header: cell }));
		else at.set(column.key, index);
	}
	for (const column of columns)
		if (column.required && !at.has(column.key))
			add(rowError(start + 1, column.header, "column_missing", { header: column.header }));
	if (report.errorCount > 0) return [];
	const out: { row: number; values: Values<C>; ok: boolean }[] = [];
	start++;
	for (let i = start; i < rows.length; i++) {
		const cells = rows[i] ?? [];
		// Blank rows and a total row (合計…) are counted in the report, not read as data; through a
		// mapping, on the city's own cells (its 合計 may be in a column not mapped).
		const skip = applied
			? skipMappedRow(report, table[i] ?? [], cells, i + 1)
			: skipRow(report, cells, i + 1);
		if (skip) continue;
		report.rows++;
		const values = {} as Record<string, string>;
		let ok = true;
		for (const column of columns) {
			const index = at.get(column.key);
			const value = index === undefined ? "" : unescapeCell(cells[index] ?? "");
			if (column.required && value === "") {
				add(rowError(i + 1, column.header, "value_required", { header: column.header }));
				ok = false;
			} else if (value.length > column.max) {
				add(
					rowError(i + 1, column.header, "value_too_long", {
						max: column.max,
						length: value.length,
					}),
				);
				ok = false;
			}
			values[column.key] = value;
		}
		out.push({ row: i + 1, values: values as Values<C>, ok });
	}
	return out;
}

/** A file that cannot be read is one error without a row. */
export function fileError<R extends RowReport>(report: R, error: unknown): R {
	const issue = fileIssueOf(error);
	if (!issue) throw error;
	report.errorCount++;
	report.errors.push({
		row: typeof issue.params.row === "number" ? issue.params.row : null,
		column: null,
		message: `ファイルを読めません: ${fileIssueText(issue.code, issue.params, "ja")}`,
		code: issue.code,
		params: issue.params,
	});
	return report;
}
