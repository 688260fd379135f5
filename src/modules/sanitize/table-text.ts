/**
 * Tables written as text. A data table (at least one row of two cells, no table inside) is laid
 * out in columns padded to a common width; anything else, or a table whose padding would dwarf
 * its content, is written cell by cell, one block per cell.
 */
import { displayWidth, isWide, type TextSink } from "./text-sink.ts";

export interface TableCell {
	sink: TextSink;
	colspan: number;
	rowspan: number;
	/** The cell's text, once the table is rendered. */
	text: string;
}

/** Cells wider than this wrap (at a space, or between wide characters). */
const MAX_COLUMN_WIDTH = 60;
const GAP = 3;
/** Largest span honoured; browsers cap colspan at 1000, a text table needs far less. */
const MAX_SPAN = 50;
const SPACES = " ".repeat(256);

function spaces(count: number): string {
	return count <= SPACES.length ? SPACES.slice(0, count) : " ".repeat(count);
}

/**
 * Text of a table's rows; `nested` when another table is inside it (a layout table).
 *
 * @example
 * renderTable(rows, false); // "品目     金額\n住民票   300円"
 */
export function renderTable(rows: readonly (readonly TableCell[])[], nested: boolean): string {
	let widest = 0;
	/** No spans, and every cell one short line: the common case, laid out without wrapping. */
	let simple = true;
	for (const row of rows) {
		if (row.length > widest) widest = row.length;
		for (const cell of row) {
			const text = cell.sink.text();
			cell.text = text;
			if (
				simple &&
				(cell.colspan !== 1 ||
					cell.rowspan !== 1 ||
					text.length * 2 > MAX_COLUMN_WIDTH ||
					text.includes("\n"))
			)
				simple = false;
		}
	}
	if (!nested && widest >= 2) {
		const columns = simple ? simpleTable(rows, widest) : dataTable(rows);
		if (columns !== null) return columns;
	}
	let out = "";
	for (const row of rows)
		for (const cell of row) if (cell.text !== "") out += out === "" ? cell.text : `\n${cell.text}`;
	return out;
}

/** Reused per table (tables are rendered one at a time, innermost first). */
const scratchWidths: number[] = [];
const scratchStarts: number[] = [];

/** Columns for a table of short one-line cells without spans (same layout as `dataTable`). */
function simpleTable(rows: readonly (readonly TableCell[])[], columns: number): string | null {
	scratchWidths.length = 0;
	for (let c = 0; c < columns; c++) scratchWidths.push(0);
	let content = 0;
	let lineCount = 0;
	for (const row of rows) {
		let filled = false;
		for (let c = 0; c < row.length; c++) {
			const text = (row[c] as TableCell).text;
			if (text === "") continue;
			const width = displayWidth(text);
			if (width > (scratchWidths[c] as number)) scratchWidths[c] = width;
			content += text.length;
			filled = true;
		}
		if (filled) lineCount++;
	}
	scratchStarts.length = 0;
	let total = 0;
	for (let c = 0; c < columns; c++) {
		scratchStarts.push(total);
		if ((scratchWidths[c] as number) > 0) total += (scratchWidths[c] as number) + GAP;
	}
	if (lineCount * total > 4 * content + 4096) return null;
	let out = "";
	for (const row of rows) {
		let line = "";
		let width = 0;
		for (let c = 0; c < row.length; c++) {
			const text = (row[c] as TableCell).text;
			if (text === "") continue;
			const pad = Math.max((scratchStarts[c] as number) - width, width > 0 ? 1 : 0);
			if (pad > 0) {
				line += spaces(pad);
				width += pad;
			}
			line += text;
			width += displayWidth(text);
		}
		if (line !== "") out += out === "" ? line : `\n${line}`;
	}
	return out;
}

interface Placed {
	column: number;
	span: number;
	lines: string[];
	width: number;
}

function clampSpan(value: number, max: number): number {
	return Number.isSafeInteger(value) && value > 1 ? Math.min(value, max) : 1;
}

/** Columns, or null when the padded table would be mostly padding (a hostile or odd table). */
function dataTable(rows: readonly (readonly TableCell[])[]): string | null {
	/** Per column, how many more rows a cell from above still covers. */
	const covered: number[] = [];
	const placedRows: Placed[][] = [];
	let content = 0;
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r] as readonly TableCell[];
		const placed: Placed[] = [];
		let column = 0;
		for (let c = 0; c < row.length; c++) {
			const cell = row[c] as TableCell;
			while ((covered[column] ?? 0) > 0) column++;
			const span = clampSpan(cell.colspan, MAX_SPAN);
			const down = clampSpan(cell.rowspan, rows.length - r);
			for (let k = 0; k < span; k++) covered[column + k] = down;
			const text = cell.text;
			content += text.length;
			const lines = text === "" ? [] : wrapLines(text);
			let width = 0;
			for (const line of lines) width = Math.max(width, displayWidth(line));
			placed.push({ column, span, lines, width });
			column += span;
		}
		for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, (covered[k] ?? 0) - 1);
		placedRows.push(placed);
	}

	const widths: number[] = [];
	for (const placed of placedRows)
		for (const cell of placed)
			if (cell.span === 1) widths[cell.column] = Math.max(widths[cell.column] ?? 0, cell.width);
	for (const placed of placedRows)
		for (const cell of placed) {
			if (cell.span === 1 || cell.width === 0) continue;
			let have = 0;
			for (let k = 0; k < cell.span; k++)
				if ((widths[cell.column + k] ?? 0) > 0) have += (widths[cell.column + k] ?? 0) + GAP;
			const last = cell.column + cell.span - 1;
			const missing = cell.width + GAP - have;
			if (missing > 0) widths[last] = (widths[last] ?? 0) + missing;
		}
	/** Where each column starts; empty columns take no room. */
	const starts: number[] = [];
	let total = 0;
	for (let k = 0; k < widths.length; k++) {
		starts[k] = total;
		if ((widths[k] ?? 0) > 0) total += (widths[k] ?? 0) + GAP;
	}

	let lineCount = 0;
	for (const placed of placedRows) {
		let height = 0;
		for (const cell of placed) height = Math.max(height, cell.lines.length);
		lineCount += height;
	}
	// Padding is at most `total` columns a line; refuse tables where it would dwarf the text.
	if (lineCount * total > 4 * content + 4096) return null;

	const out: string[] = [];
	for (const placed of placedRows) {
		let height = 0;
		for (const cell of placed) height = Math.max(height, cell.lines.length);
		for (let k = 0; k < height; k++) {
			let line = "";
			let width = 0;
			for (const cell of placed) {
				const text = cell.lines[k];
				if (text === undefined || text === "") continue;
				const start = starts[cell.column] ?? 0;
				if (width > 0 || start > 0) {
					const pad = Math.max(start - width, width > 0 ? 1 : 0);
					line += spaces(pad);
					width += pad;
				}
				line += text;
				width += displayWidth(text);
			}
			out.push(line);
		}
	}
	return out.join("\n");
}

/** A cell's lines, each wrapped to MAX_COLUMN_WIDTH where it can break. */
function wrapLines(text: string): string[] {
	if (text.length * 2 <= MAX_COLUMN_WIDTH && !text.includes("\n")) return [text];
	const lines = text.split("\n");
	if (lines.every((line) => line.length * 2 <= MAX_COLUMN_WIDTH)) return lines;
	const out: string[] = [];
	for (const line of lines) wrap(line, out);
	return out;
}

/**
 * Break at the last space before the limit, or between two characters one of which is wide
 * (Japanese breaks between any characters); a long unbroken Latin word (a URL) is left whole.
 */
function wrap(line: string, out: string[]): void {
	let start = 0;
	let width = 0;
	/** Index where the current line may end, and where the next then starts. */
	let breakEnd = -1;
	let breakNext = -1;
	for (let i = start; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code === 0x20) {
			breakEnd = i;
			breakNext = i + 1;
		} else if (i > start && (isWide(code) || isWide(line.charCodeAt(i - 1)))) {
			if (!(code >= 0xdc00 && code <= 0xdfff)) {
				breakEnd = i;
				breakNext = i;
			}
		}
		width += code >= 0xdc00 && code <= 0xdfff ? 0 : isWide(code) ? 2 : 1;
		if (width > MAX_COLUMN_WIDTH && breakEnd > start) {
			out.push(line.slice(start, breakEnd).trimEnd());
			start = breakNext;
			while (line.charCodeAt(start) === 0x20) start++;
			width = displayWidth(line.slice(start, i + 1));
			breakEnd = -1;
			breakNext = -1;
		}
	}
	if (start < line.length) out.push(line.slice(start));
}
