import type { ImportError } from "../../modules/assets/import-row.ts";
import { rowKind } from "../../shared/row-kinds.ts";
import type { TableRow, TableStream } from "../../shared/tabular.ts";
import type { ColumnMapping, MappingTarget } from "./mapping.schemas.ts";
import { type AppliedMapping, applyMapping } from "./mapping.ts";

/** A streamed sheet seen through a column mapping, for the readers that read row by row. */
export interface MappedStream extends TableStream {
	/** An error naming the import's own column → the same error naming the city's column(s). */
	rename<E extends ImportError>(error: E): E;
	/** True once the mapping was found not to fit the file's header (its errors were reported). */
	refused(): boolean;
}

/**
 * Read a streamed sheet in the city's own layout as if it were in the import's layout: rows above
 * the mapping's header are dropped, its last header row becomes the import's header, data rows are
 * translated. Blank and total rows pass as the city wrote them, so the reader counts them on the
 * city's own cells (a 合計 in a column the mapping leaves out is still a total row). A mapping that
 * does not fit the header reports its errors through `report` and ends the rows there.
 *
 * @example
 * const rows = mapping ? mapStream(table, mapping, target, add) : table;
 * for await (const { number, cells } of rows.rows) readOwnLayout(cells);
 */
export function mapStream(
	table: TableStream,
	mapping: ColumnMapping,
	target: MappingTarget,
	report: (error: ImportError) => void,
): MappedStream {
	let applied: AppliedMapping | null = null;
	let refused = false;
	const headerEnd = mapping.headerRows.at(-1) ?? 1;
	async function* rows(): AsyncGenerator<TableRow> {
		const headerCells: string[][] = [];
		for await (const row of table.rows) {
			if (applied === null) {
				const at = mapping.headerRows.indexOf(row.number);
				if (at >= 0) headerCells[at] = row.cells;
				if (row.number < headerEnd) continue;
				applied = applyMapping(
					mapping,
					target,
					mapping.headerRows.map((_, i) => headerCells[i] ?? []),
				);
				if (applied.errors.length > 0) {
					refused = true;
					for (const error of applied.errors) report(error);
					return;
				}
				yield { number: row.number, cells: applied.header };
				continue;
			}
			yield rowKind(row.cells) === "data"
				? { number: row.number, cells: applied.translate(row.cells) }
				: row;
		}
	}
	return {
		format: table.format,
		rows: rows(),
		rename: (error) => (applied ? { ...error, column: applied.rename(error).column } : error),
		refused: () => refused,
	};
}
