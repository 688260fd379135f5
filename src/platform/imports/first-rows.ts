import type { AppDeps } from "../../deps.ts";
import { streamTable } from "../../shared/tabular.ts";

/**
 * The file's first `count` rows, row 0 = spreadsheet row 1 (rows an XLSX leaves out are empty):
 * what a header is looked for in, without reading the rest of the file.
 *
 * @example
 * const rows = await firstRows(deps, bytes, HEADER_SCAN_ROWS + 1);
 */
export async function firstRows(
	deps: Pick<AppDeps, "config">,
	bytes: Uint8Array,
	count: number,
): Promise<string[][]> {
	const rows: string[][] = [];
	for await (const { number, cells } of streamTable(bytes, undefined, deps.config.xlsx).rows) {
		if (number > count) break;
		while (rows.length < number - 1) rows.push([]);
		rows.push(cells);
	}
	return rows;
}
