import { type ImportError, rowError } from "../../modules/assets/import-row.ts";
import { readJapaneseDate } from "../../shared/japanese-dates.ts";
import { readInteger } from "../../shared/japanese-numbers.ts";

/**
 * The value step of the import pipeline: a cell read as a date or a count the one shared way
 * (`readJapaneseDate`, `readInteger`), its error named with the row and column.
 */

/**
 * A date cell as ISO `YYYY-MM-DD`: 和暦, Western, full width or an Excel serial day. An empty
 * cell is `""`; a wrong one adds its error (`date_invalid`, `date_outside_era`) and gives null.
 *
 * @example
 * const startsOn = dateCell(values.startsOn, row, "契約開始日", add); // "2023-04-01" | "" | null
 */
export function dateCell(
	value: string,
	row: number,
	header: string,
	add: (error: ImportError) => void,
): string | null {
	if (value.trim() === "") return "";
	const read = readJapaneseDate(value);
	if (read.ok) return read.iso;
	add(rowError(row, header, read.error.code, read.error.params));
	return null;
}

/**
 * A whole-number cell (full-width digits, a full-width minus and thousands separators read). An
 * empty cell is undefined; a wrong one adds `number_invalid` and gives null.
 *
 * @example
 * const count = integerCell("１，２００", 4, "台数", add); // 1200
 */
export function integerCell(
	value: string,
	row: number,
	header: string,
	add: (error: ImportError) => void,
): number | null | undefined {
	if (value.trim() === "") return undefined;
	const n = readInteger(value);
	if (n === null) add(rowError(row, header, "number_invalid", { value }));
	return n;
}
