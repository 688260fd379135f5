/**
 * CSV for Excel: UTF-8 with BOM, CRLF, every field quoted. A cell that Excel would run as a
 * formula (leading = + - @ tab or CR) is prefixed with an apostrophe.
 *
 * @example
 * toCsv(["名前"], [["=1+1"]]) // "\uFEFF\"名前\"\r\n\"'=1+1\"\r\n"
 */
export function toCsv(header: string[], rows: string[][]): string {
	const line = (cells: string[]) => cells.map(quote).join(",");
	return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

function quote(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return `"${safe.replaceAll('"', '""')}"`;
}
