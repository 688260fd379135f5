import { PassThrough, Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type ExcelJS from "exceljs";
import { type FileIssueCode, type FileIssueParams, fileProblem } from "./file-issues.ts";
import { Problem } from "./problem.ts";
import { boundedWorkbook, DEFAULT_XLSX_LIMITS, type XlsxLimits } from "./xlsx-archive.ts";

/**
 * Spreadsheets in and out (XLSX through ExcelJS, CSV by hand), behind one small API so the
 * library can be replaced. Everything that reads enforces limits and names what is wrong.
 */

export interface TableLimits {
	maxBytes: number;
	maxRows: number;
	maxColumns: number;
	maxCellLength: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = {
	maxBytes: 50 * 1024 * 1024,
	maxRows: 200_000,
	maxColumns: 100,
	maxCellLength: 10_000,
};

/** A sheet's cells as trimmed strings; row 0 is the header. `encoding` says how a CSV was read. */
export interface Table {
	format: "xlsx" | "csv";
	encoding: "utf-8" | "shift_jis" | null;
	sheet: string;
	rows: string[][];
}

/** ExcelJS is large: load it on first use, not at start-up (idle memory, start time). */
let excel: Promise<typeof ExcelJS> | undefined;
function loadExcel(): Promise<typeof ExcelJS> {
	excel ??= import("exceljs").then((module) => {
		decodeAcrossChunks(module.default);
		neverSpool(module.default);
		return module.default;
	});
	return excel;
}

function refuse(code: FileIssueCode, params: FileIssueParams = {}): never {
	throw fileProblem(code, params);
}

/**
 * What a failure inside ExcelJS becomes: its message never reaches a person, only where it
 * happened (the sheet and the row after the last one read).
 */
function unreadable(error: unknown, sheet: string | null, lastRow: number): never {
	if (error instanceof Problem) throw error;
	if (process.env.MAMORI_DEBUG) console.error(error);
	if (sheet === null) refuse("xlsx_unreadable");
	refuse("xlsx_sheet_unreadable", { sheet, row: lastRow + 1 });
}

type WorksheetLike = { name?: string; id?: number };

function sheetName(worksheet: unknown): string {
	const { name, id } = worksheet as WorksheetLike;
	return name ?? `Sheet${id ?? 1}`;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Read the first sheet of an XLSX workbook or a CSV file (UTF-8 with or without BOM, or
 * Shift_JIS), deciding the format from the content, never from the file name.
 *
 * @example
 * const { rows } = await readTable(bytes); // rows[0] is the header
 */
export async function readTable(
	bytes: Uint8Array,
	limits: TableLimits = DEFAULT_TABLE_LIMITS,
	archive: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<Table> {
	if (bytes.length === 0) refuse("file_empty");
	if (bytes.length > limits.maxBytes) {
		throw new Problem("payload_too_large", `the file is larger than ${limits.maxBytes} bytes`);
	}
	if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return readXlsx(bytes, limits, archive);
	return readCsv(bytes, limits);
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return "";
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === "object") {
		if ("richText" in value) return value.richText.map((part) => part.text).join("");
		if ("text" in value && typeof value.text === "string") return value.text;
		if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
		if ("error" in value) return String(value.error);
		return "";
	}
	return String(value);
}

function checkRow(cells: string[], rowNumber: number, limits: TableLimits): string[] {
	if (cells.length > limits.maxColumns)
		refuse("too_many_columns", { row: rowNumber, limit: limits.maxColumns });
	for (const [index, cell] of cells.entries()) {
		if (cell.length > limits.maxCellLength) {
			refuse("cell_too_long", { row: rowNumber, column: index + 1, limit: limits.maxCellLength });
		}
	}
	return cells;
}

async function readXlsx(
	bytes: Uint8Array,
	limits: TableLimits,
	archive: XlsxLimits,
): Promise<Table> {
	const workbook = await boundedWorkbook(bytes, archive);
	const { stream } = await loadExcel();
	const reader = new stream.xlsx.WorkbookReader(Readable.from([workbook]), {
		worksheets: "emit",
		sharedStrings: "cache",
		hyperlinks: "ignore",
		styles: "ignore",
		entries: "ignore",
	});
	let sheet: string | null = null;
	let lastRow = 0;
	try {
		for await (const worksheet of reader) {
			sheet = sheetName(worksheet);
			const rows: string[][] = [];
			for await (const row of worksheet) {
				lastRow = row.number;
				if (rows.length >= limits.maxRows + 1) refuse("too_many_rows", { limit: limits.maxRows });
				const values = row.values as ExcelJS.CellValue[];
				// `values` is sparse (empty cells are holes): Array.from visits the holes too.
				const cells = Array.from(values.slice(1), (v) => cellText(v).trim());
				// Rows are sparse in XLSX: keep numbering honest by filling the skipped ones.
				while (rows.length < row.number - 1) rows.push([]);
				rows.push(checkRow(cells, row.number, limits));
			}
			return { format: "xlsx", encoding: null, sheet, rows: trimTrailingEmpty(rows) };
		}
	} catch (error) {
		unreadable(error, sheet, lastRow);
	}
	refuse("xlsx_no_sheet");
}

/** A workbook's sheets by name, each as `Table.rows` (row 0 is the sheet's first row). */
export interface Workbook {
	sheets: { name: string; rows: string[][] }[];
}

/** Sheets a workbook may have for `readWorkbook`. */
export const MAX_WORKBOOK_SHEETS = 20;

/**
 * Read every sheet of an XLSX workbook, for files laid out over several sheets (a checklist's
 * heading and its items). The limits hold for each sheet; a CSV or any other file is refused
 * (`xlsx_required`), as is a workbook with more than `maxSheets` sheets.
 *
 * @example
 * const { sheets } = await readWorkbook(bytes, limits); // sheets[0].name, sheets[0].rows
 */
export async function readWorkbook(
	bytes: Uint8Array,
	limits: TableLimits = DEFAULT_TABLE_LIMITS,
	archive: XlsxLimits = DEFAULT_XLSX_LIMITS,
	maxSheets: number = MAX_WORKBOOK_SHEETS,
): Promise<Workbook> {
	if (bytes.length === 0) refuse("file_empty");
	if (bytes.length > limits.maxBytes) {
		throw new Problem("payload_too_large", `the file is larger than ${limits.maxBytes} bytes`);
	}
	if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) refuse("xlsx_required");
	const workbook = await boundedWorkbook(bytes, archive);
	const { stream } = await loadExcel();
	const reader = new stream.xlsx.WorkbookReader(Readable.from([workbook]), {
		worksheets: "emit",
		sharedStrings: "cache",
		hyperlinks: "ignore",
		styles: "ignore",
		entries: "ignore",
	});
	const sheets: Workbook["sheets"] = [];
	let sheet: string | null = null;
	let lastRow = 0;
	try {
		for await (const worksheet of reader) {
			if (sheets.length >= maxSheets) refuse("xlsx_too_many_sheets", { limit: maxSheets });
			sheet = sheetName(worksheet);
			const rows: string[][] = [];
			for await (const row of worksheet) {
				lastRow = row.number;
				const values = row.values as ExcelJS.CellValue[];
				const cells = Array.from(values.slice(1), (v) => cellText(v).trim());
				// Formatted but empty rows (a template's prepared lines) are neither data nor counted.
				if (cells.every((cell) => cell === "")) continue;
				if (row.number > limits.maxRows + 1) {
					refuse("too_many_rows", { limit: limits.maxRows, sheet: sheet ?? "" });
				}
				while (rows.length < row.number - 1) rows.push([]);
				rows.push(checkRow(cells, row.number, limits));
			}
			sheets.push({ name: sheet, rows: trimTrailingEmpty(rows) });
		}
	} catch (error) {
		unreadable(error, sheet, lastRow);
	}
	if (sheets.length === 0) refuse("xlsx_no_sheet");
	return { sheets };
}

function trimTrailingEmpty(rows: string[][]): string[][] {
	let end = rows.length;
	while (end > 0 && (rows[end - 1] ?? []).every((cell) => cell === "")) end--;
	return rows.slice(0, end);
}

function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "shift_jis" } {
	if (bytes.includes(0)) refuse("file_binary");
	try {
		return {
			text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes),
			encoding: "utf-8",
		};
	} catch {
		try {
			return {
				text: new TextDecoder("shift_jis", { fatal: true }).decode(bytes),
				encoding: "shift_jis",
			};
		} catch {
			refuse("file_encoding");
		}
	}
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function readCsv(bytes: Uint8Array, limits: TableLimits): Table {
	const { text, encoding } = decodeText(bytes);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = "";
	let quoted = false;
	let i = 0;
	const endField = () => {
		row.push(field.trim());
		field = "";
	};
	const endRow = () => {
		endField();
		if (rows.length >= limits.maxRows + 1) refuse("too_many_rows", { limit: limits.maxRows });
		rows.push(checkRow(row, rows.length + 1, limits));
		row = [];
	};
	while (i < text.length) {
		const char = text[i] as string;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"' && field.trim() === "") {
			quoted = true;
			field = "";
		} else if (char === ",") endField();
		else if (char === "\n" || char === "\r") {
			endRow();
			if (char === "\r" && text[i + 1] === "\n") i++;
		} else field += char;
		if (field.length > limits.maxCellLength) {
			refuse("cell_too_long", {
				row: rows.length + 1,
				column: row.length + 1,
				limit: limits.maxCellLength,
			});
		}
		i++;
	}
	if (quoted) refuse("csv_unclosed_quote", { row: rows.length + 1 });
	if (field !== "" || row.length > 0) endRow();
	return { format: "csv", encoding, sheet: "CSV", rows: trimTrailingEmpty(rows) };
}

/** An Excel drop-down (list data validation) on one column of a sheet, below its header. */
export interface ListValidation {
	/** The 0-based column of this sheet. */
	column: number;
	/** The allowed values: a range of another sheet (`listSource`) or a few words (`listOfValues`). */
	formula: string;
	/**
	 * `stop`: Excel refuses other values (a closed list); `information`: Excel offers the list
	 * but accepts other text (a cell that may combine values, like the roster's 役割).
	 */
	errorStyle: "stop" | "information";
}

/** ExcelJS's worksheets keep `dataValidations` (range → rule); its type declarations omit it. */
interface WithValidations {
	dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

/** How many rows below the header the drop-downs of a template reach. */
export const VALIDATED_ROWS = 2000;

export type CellOut = string | number | null;

export interface SheetOut {
	name: string;
	header: string[];
	/** The rows, or an async iterable of them: a large export reads its rows page by page. */
	rows: CellOut[][] | AsyncIterable<CellOut[]>;
	/** Column widths in characters; defaults to a width from the header. */
	widths?: number[];
	/** Drop-down lists (data validation) for the sheet's columns. */
	validations?: ListValidation[];
	/**
	 * 0-based columns formatted as text (`@`), so that what a person types there stays as typed:
	 * without it Excel turns a section number `2.10` into the number 2.1 and a code `007` into 7.
	 */
	textColumns?: number[];
}

/** `0` → `A`, `27` → `AB`. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let letters = "";
	while (n > 0) {
		const rest = (n - 1) % 26;
		letters = String.fromCharCode(65 + rest) + letters;
		n = Math.floor((n - 1) / 26);
	}
	return letters;
}

/**
 * A list validation's values as a range of a sheet: rows `from`..`to` (1-based) of the 0-based
 * `column`, the sheet name quoted. An empty range (`to < from`) gives null: no drop-down.
 *
 * @example
 * listSource("所属コード", 0, 2, 40); // "'所属コード'!$A$2:$A$40"
 */
export function listSource(sheet: string, column: number, from: number, to: number) {
	if (to < from) return null;
	const letter = columnLetter(column);
	return `'${sheet.replaceAll("'", "''")}'!$${letter}$${from}:$${letter}$${to}`;
}

/** A list validation's values written out (`"○,×"`): a few short words without commas. */
export function listOfValues(values: readonly string[]): string {
	return `"${values.join(",")}"`;
}

/**
 * Write sheets to an XLSX workbook with ExcelJS's streaming writer (bounded memory for big
 * exports: rows given as an async iterable are read as they are written). Header rows are bold
 * and frozen.
 */
export async function writeXlsx(sheets: SheetOut[]): Promise<Buffer> {
	const sink = new PassThrough();
	const chunks: Buffer[] = [];
	sink.on("data", (chunk: Buffer) => chunks.push(chunk));
	const { stream } = await loadExcel();
	const workbook = new stream.xlsx.WorkbookWriter({
		stream: sink,
		useStyles: true,
		useSharedStrings: false,
	});
	for (const sheet of sheets) {
		const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
			views: [{ state: "frozen", ySplit: 1 }],
		});
		worksheet.columns = sheet.header.map((header, index) => ({
			header,
			width: sheet.widths?.[index] ?? Math.max(10, Math.min(60, header.length * 2 + 4)),
			...(sheet.textColumns?.includes(index) ? { style: { numFmt: "@" } } : {}),
		}));
		worksheet.getRow(1).font = { bold: true };
		worksheet.getRow(1).commit();
		for (const validation of sheet.validations ?? []) {
			const column = columnLetter(validation.column);
			const range = `${column}2:${column}${VALIDATED_ROWS + 1}`;
			(worksheet as unknown as WithValidations).dataValidations.add(range, {
				type: "list",
				allowBlank: true,
				formulae: [validation.formula],
				showErrorMessage: true,
				errorStyle: validation.errorStyle,
				errorTitle: sheet.header[validation.column] ?? "",
				error: "一覧から選んでください。",
			});
		}
		// One style object per column, shared by every cell of that column: ExcelJS gives each
		// new cell a fresh style object and renders it to XML to find its style id, which was half
		// the time of a 360,000-row export; a shared object is looked up once (its WeakMap cache).
		const styles = sheet.header.map((_, index) =>
			sheet.textColumns?.includes(index) ? { numFmt: "@" } : {},
		);
		for await (const values of sheet.rows) {
			const row = worksheet.addRow(values);
			row.eachCell((cell, column) => {
				cell.style = styles[column - 1] ?? {};
			});
			row.commit();
		}
		worksheet.commit();
	}
	await workbook.commit();
	return Buffer.concat(chunks);
}

/** One row of a streamed sheet: its 1-based number in the file and its trimmed cells. */
export interface TableRow {
	number: number;
	cells: string[];
}

/** A sheet read row by row: the whole table never sits in memory (ledger imports of 100,000 rows). */
export interface TableStream {
	format: "xlsx" | "csv";
	/** Iterate with `for await`: XLSX rows arrive asynchronously, CSV rows synchronously. */
	rows: AsyncIterable<TableRow> | Iterable<TableRow>;
}

/**
 * Like `readTable`, but yields the first sheet's rows one at a time (empty rows included for CSV,
 * skipped for XLSX, where rows are sparse; `number` stays honest). Limits are checked as rows
 * arrive; a workbook without a sheet fails when iterated.
 *
 * @example
 * for await (const { number, cells } of streamTable(bytes).rows) console.log(number, cells[0]);
 */
export function streamTable(
	bytes: Uint8Array,
	limits: TableLimits = DEFAULT_TABLE_LIMITS,
	archive: XlsxLimits = DEFAULT_XLSX_LIMITS,
): TableStream {
	if (bytes.length === 0) refuse("file_empty");
	if (bytes.length > limits.maxBytes) {
		throw new Problem("payload_too_large", `the file is larger than ${limits.maxBytes} bytes`);
	}
	if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
		return { format: "xlsx", rows: streamXlsxRows(bytes, limits, archive) };
	}
	const { text } = decodeText(bytes);
	return { format: "csv", rows: streamCsvRows(text, limits) };
}

/**
 * Like `streamTable`, but every check of the whole file (size, encoding, the XLSX archive's
 * bounds) is done before it returns: call it before opening a transaction, so that a refused
 * file never holds one. The rows are then read as they are iterated.
 *
 * @example
 * const table = await prepareTable(bytes, limits, config.xlsx); // throws validation_failed
 * await inTransaction(db, async (tx) => { for await (const row of table.rows) … });
 */
export async function prepareTable(
	bytes: Uint8Array,
	limits: TableLimits = DEFAULT_TABLE_LIMITS,
	archive: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<TableStream> {
	const table = streamTable(bytes, limits, archive);
	if (table.format === "csv") return table;
	const workbook = await boundedWorkbook(bytes, archive);
	return { format: "xlsx", rows: xlsxRows(workbook, limits) };
}

async function* streamXlsxRows(
	bytes: Uint8Array,
	limits: TableLimits,
	archive: XlsxLimits,
): AsyncGenerator<TableRow> {
	yield* xlsxRows(await boundedWorkbook(bytes, archive), limits);
}

/** The first sheet's rows of a workbook that `boundedWorkbook` has checked and re-ordered. */
async function* xlsxRows(workbook: Buffer, limits: TableLimits): AsyncGenerator<TableRow> {
	const { stream } = await loadExcel();
	const reader = new stream.xlsx.WorkbookReader(Readable.from([workbook]), {
		worksheets: "emit",
		sharedStrings: "cache",
		hyperlinks: "ignore",
		styles: "ignore",
		entries: "ignore",
	});
	let count = 0;
	let sheet: string | null = null;
	let lastRow = 0;
	try {
		for await (const worksheet of reader) {
			sheet = sheetName(worksheet);
			for await (const row of worksheet) {
				count++;
				lastRow = row.number;
				if (count > limits.maxRows + 1) refuse("too_many_rows", { limit: limits.maxRows });
				const values = row.values as ExcelJS.CellValue[];
				const cells = Array.from(values.slice(1), (v) => cellText(v).trim());
				yield { number: row.number, cells: checkRow(cells, row.number, limits) };
			}
			break;
		}
	} catch (error) {
		unreadable(error, sheet, lastRow);
	}
	if (sheet === null) refuse("xlsx_no_sheet");
}

function* streamCsvRows(text: string, limits: TableLimits): Generator<TableRow> {
	let row: string[] = [];
	let field = "";
	let quoted = false;
	let number = 0;
	const finish = (): TableRow => {
		row.push(field.trim());
		field = "";
		number++;
		if (number > limits.maxRows + 1) refuse("too_many_rows", { limit: limits.maxRows });
		const done = { number, cells: checkRow(row, number, limits) };
		row = [];
		return done;
	};
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (let i = start; i < text.length; i++) {
		const char = text[i] as string;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
				continue;
			}
			if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"' && field.trim() === "") {
			quoted = true;
			field = "";
		} else if (char === ",") {
			row.push(field.trim());
			field = "";
		} else if (char === "\n" || char === "\r") {
			yield finish();
			if (char === "\r" && text[i + 1] === "\n") i++;
		} else field += char;
		if (field.length > limits.maxCellLength) {
			refuse("cell_too_long", {
				row: number + 1,
				column: row.length + 1,
				limit: limits.maxCellLength,
			});
		}
	}
	if (quoted) refuse("csv_unclosed_quote", { row: number + 1 });
	if (field !== "" || row.length > 0) yield finish();
}

/** The two methods of ExcelJS's streaming reader that hand raw XML chunks to its parser. */
interface ChunkedReader {
	_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
	_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
	utf8Safe?: true;
}

async function* decodedChunks(chunks: AsyncIterable<unknown>): AsyncGenerator<unknown> {
	const decoder = new StringDecoder("utf8");
	for await (const chunk of chunks) {
		yield chunk instanceof Uint8Array ? decoder.write(chunk) : chunk;
	}
	const rest = decoder.end();
	if (rest !== "") yield rest;
}

/**
 * ExcelJS's streaming reader decodes each chunk of a sheet's XML on its own, so a Japanese
 * character split across two chunks becomes U+FFFD (exceljs issues #2063, #2084: a cell in a few
 * hundred of a large ledger). The reader's sheet and shared-string parsing is wrapped so that
 * chunks reach the XML parser already decoded as one UTF-8 stream.
 */
function decodeAcrossChunks(library: typeof ExcelJS): void {
	const reader = library.stream.xlsx.WorkbookReader.prototype as unknown as ChunkedReader;
	// Private methods of ExcelJS 4.4: after an upgrade that renames them, the test of a large
	// Japanese ledger (assets-import.test.ts) fails rather than this wrapper crashing reads.
	if (reader.utf8Safe || typeof reader._parseWorksheet !== "function") return;
	if (typeof reader._parseSharedStrings !== "function") return;
	const parseWorksheet = reader._parseWorksheet;
	const parseSharedStrings = reader._parseSharedStrings;
	reader._parseWorksheet = function (this: ChunkedReader, iterator, sheetNo) {
		return parseWorksheet.call(this, decodedChunks(iterator), sheetNo);
	};
	reader._parseSharedStrings = function (this: ChunkedReader, entry) {
		return parseSharedStrings.call(this, entry.pipe(new PassThrough()).setEncoding("utf8"));
	};
	reader.utf8Safe = true;
}

interface RelsReader {
	_parseRels(entry: unknown): Promise<void>;
	workbookRels?: unknown;
	spoolFree?: true;
}

/**
 * ExcelJS's streaming reader writes a sheet to a temporary file (removed only at process exit)
 * when it meets the sheet before it has both shared strings and workbook relationships.
 * `boundedWorkbook` puts both first; this makes relationships that parse to nothing (an empty
 * part) count as read, so no workbook can take the spooling path.
 */
function neverSpool(library: typeof ExcelJS): void {
	const reader = library.stream.xlsx.WorkbookReader.prototype as unknown as RelsReader;
	if (reader.spoolFree || typeof reader._parseRels !== "function") return;
	const parseRels = reader._parseRels;
	reader._parseRels = async function (this: RelsReader, entry) {
		await parseRels.call(this, entry);
		this.workbookRels ??= [];
	};
	reader.spoolFree = true;
}
