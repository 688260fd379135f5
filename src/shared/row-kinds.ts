/**
 * What a row of an imported sheet is before its columns are read: data, blank (nothing but
 * empty cells), or a total row people put at the bottom of a ledger (合計 / 計 / 総計 / 小計
 * in its first non-empty cell, the rest numbers or empty). Blank and total rows are skipped and
 * counted in the import's report, never taken for data.
 */
export type RowKind = "data" | "blank" | "total";

const TOTAL_WORDS = new Set(["合計", "計", "総計", "小計", "総合計"]);
/** A number as a total row shows it: full-width or not, separators, a sign, a unit (件, 台, 円). */
const TOTAL_NUMBER = /^[-+]?[\d,]+(?:\.\d+)?(?:件|台|円|人|名|個|%)?$/u;

function fold(cell: string): string {
	return cell.normalize("NFKC").replace(/[\s\u3000]+/gu, "");
}

/**
 * The kind of a row of trimmed cells.
 *
 * @example
 * rowKind(["", ""]); // "blank"
 * rowKind(["合　計", "", "１，２３４"]); // "total"
 * rowKind(["合計", "備品"]); // "data" (text beside the word: a real row)
 */
export function rowKind(cells: readonly string[]): RowKind {
	let first = true;
	let total = false;
	for (const cell of cells) {
		if (cell === "") continue;
		const folded = fold(cell);
		if (folded === "") continue;
		if (first) {
			first = false;
			total = TOTAL_WORDS.has(folded) || TOTAL_WORDS.has(folded.replace(/[:：]$/u, ""));
			if (!total) return "data";
			continue;
		}
		if (!TOTAL_NUMBER.test(folded)) return "data";
	}
	if (first) return "blank";
	return total ? "total" : "data";
}

/** What the readers count of the rows they skip; every import report carries these. */
export interface SkippedRows {
	/** Blank rows below the header (in a CSV, trailing empty lines too). */
	skippedBlank: number;
	/** The 1-based row numbers of the total rows skipped. */
	skippedTotal: number[];
}

/**
 * Count a row the readers skip; true when the row is blank or a total row (and so not data).
 *
 * @example
 * if (skipRow(report, cells, number)) continue;
 */
export function skipRow(report: SkippedRows, cells: readonly string[], row: number): boolean {
	const kind = rowKind(cells);
	if (kind === "blank") report.skippedBlank++;
	else if (kind === "total") report.skippedTotal.push(row);
	return kind !== "data";
}

/**
 * `skipRow` for a row read through a column mapping: a total row is judged on the city's own
 * cells (its 合計 often sits in a column no field is mapped to), a blank row on the cells the
 * mapping reads as well (a row with nothing but an unmapped 通し番号 carries nothing to import).
 *
 * @example
 * if (skipMappedRow(report, cityCells, applied.translate(cityCells), number)) continue;
 */
export function skipMappedRow(
	report: SkippedRows,
	own: readonly string[],
	mapped: readonly string[],
	row: number,
): boolean {
	const kind = rowKind(own);
	if (kind === "total") report.skippedTotal.push(row);
	else if (kind === "blank" || mapped.every((cell) => cell.trim() === "")) report.skippedBlank++;
	else return false;
	return true;
}

/** True when every cell is empty. */
export function isBlank(cells: readonly string[]): boolean {
	return rowKind(cells) === "blank";
}
