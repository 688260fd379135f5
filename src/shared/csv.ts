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

/** What a spreadsheet may run as a formula when a cell starts with it (full-width forms too). */
const FORMULA_LEAD = new Set(["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]);
/** A plain number ("-12", "+3.5", "-1,000"): a sign in front of it starts no formula. */
const SIGNED_NUMBER = /^[+\-＋－]?\d[\d,]*(\.\d+)?$/;

function startsFormula(text: string, start: number, end: number): boolean {
	let at = start;
	while (at < end && (text[at] === " " || text[at] === "\u3000")) at++;
	if (at >= end || !FORMULA_LEAD.has(text[at] as string)) return false;
	return !SIGNED_NUMBER.test(text.slice(at, end).trim());
}

/**
 * Rewrite received CSV text so that no cell starts a formula: such a cell gets a leading
 * apostrophe inside its quotes, or in front of it when unquoted; everything else (quoting,
 * delimiters, line ends) is kept. Quote-aware, one pass, linear in the text. A first line
 * `sep=;` (Excel's delimiter directive) sets the delimiter.
 *
 * @example
 * neutraliseCsv('a,=1+1,"@SUM(A1)"\r\n'); // { text: "a,'=1+1,\"'@SUM(A1)\"\r\n", cells: 2 }
 */
export function neutraliseCsv(text: string, delimiter = ","): { text: string; cells: number } {
	const directive = /^sep=(.)\r?\n/i.exec(text);
	const separator = directive?.[1] ?? delimiter;
	const escaped = /[\w]/.test(separator) ? separator : `\\${separator}`;
	const cellStop = new RegExp(`[${escaped}\\r\\n]`, "g");
	const out: string[] = [];
	let last = 0;
	let cells = 0;
	let index = directive ? directive[0].length : 0;
	const length = text.length;
	while (index < length) {
		let contentStart = index;
		let contentEnd = -1;
		if (text.charCodeAt(index) === 0x22) {
			contentStart = index + 1;
			let at = contentStart;
			for (;;) {
				const quote = text.indexOf('"', at);
				if (quote < 0) {
					at = length;
					break;
				}
				if (text.charCodeAt(quote + 1) === 0x22) at = quote + 2;
				else {
					at = quote;
					break;
				}
			}
			contentEnd = at;
			cellStop.lastIndex = Math.min(at + 1, length);
		} else cellStop.lastIndex = index;
		const stop = cellStop.exec(text);
		const cellEnd = stop ? stop.index : length;
		if (contentEnd < 0) contentEnd = cellEnd;
		if (startsFormula(text, contentStart, contentEnd)) {
			out.push(text.slice(last, contentStart), "'");
			last = contentStart;
			cells++;
		}
		if (cellEnd >= length) break;
		index =
			text.charCodeAt(cellEnd) === 0x0d && text.charCodeAt(cellEnd + 1) === 0x0a
				? cellEnd + 2
				: cellEnd + 1;
	}
	out.push(text.slice(last));
	return { text: out.join(""), cells };
}
