import {
	FILE_ISSUE_TEXT,
	type FileIssueCode,
	fileIssueOf,
	fileIssueText,
} from "../../../shared/file-issues.ts";
import { type SkippedRows, skipRow } from "../../../shared/row-kinds.ts";
import {
	columnLetter,
	readWorkbook,
	type TableLimits,
	type Workbook,
} from "../../../shared/tabular.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../../../shared/xlsx-archive.ts";
import {
	CHECKLIST_FORMAT_VERSION,
	CHECKLIST_SHEETS,
	CHOICES,
	foldHeader,
	headerOf,
	INFO_HEADER,
	INFO_ROWS,
	type InfoKey,
	ITEM_COLUMNS,
	ITEM_HEADERS,
	type ItemColumnKey,
	parseAnswerer,
	parseKind,
	parseRequired,
	parseScale,
	splitLevels,
} from "./checklist-format.ts";
import {
	CHECKLIST_LIMITS,
	type ChecklistContent,
	type ChecklistItem,
	type ChecklistKind,
	canonicalItem,
	checkHeading,
	checkItem,
	normalizeClause,
} from "./checklist-model.ts";

/** Files up to 5 MB; a sheet of at most 3,000 items (and its header). */
export const CHECKLIST_IMPORT_LIMITS: TableLimits = {
	maxBytes: 5 * 1024 * 1024,
	maxRows: CHECKLIST_LIMITS.items,
	maxColumns: 40,
	maxCellLength: 5_000,
};

/** At most this many errors are listed; `errorCount` has them all. */
export const MAX_LISTED_ERRORS = 1_000;

/** Why a checklist file is refused, at its place: sheet, row (1-based) and column header. */
export interface ChecklistImportError {
	sheet: string | null;
	row: number | null;
	column: string | null;
	/** A stable code: `fileIssue.*` (the file, its columns) or `issue.checklist_*`. */
	code: string;
	params: Record<string, string | number>;
	/** For developers; people read the catalogue text of `code`. */
	message: string;
}

export interface ParsedChecklist {
	/** The checklist when the file had no error; null otherwise. */
	content: ChecklistContent | null;
	errors: ChecklistImportError[];
	errorCount: number;
	/** Item rows read (blank rows not counted). */
	rows: number;
	/** Blank and total rows below the items' header, skipped. */
	skippedBlank: number;
	skippedTotal: number[];
	/** The heading sheet's row of 種類, for an error about the kind found later. */
	kindRow: number | null;
}

function messageOf(code: string, params: Record<string, string | number>): string {
	if (Object.hasOwn(FILE_ISSUE_TEXT, code))
		return fileIssueText(code as FileIssueCode, params, "en");
	const shown = Object.entries(params).map(([name, value]) => `${name}=${value}`);
	return shown.length > 0 ? `${code} (${shown.join(", ")})` : code;
}

class Errors {
	readonly list: ChecklistImportError[] = [];
	count = 0;
	add(
		sheet: string | null,
		row: number | null,
		column: string | null,
		code: string,
		params: Record<string, string | number> = {},
	): void {
		this.count++;
		if (this.list.length < MAX_LISTED_ERRORS) {
			this.list.push({ sheet, row, column, code, params, message: messageOf(code, params) });
		}
	}
}

type Sheet = Workbook["sheets"][number];

function findSheet(workbook: Workbook, name: string): Sheet | undefined {
	return workbook.sheets.find((sheet) => foldHeader(sheet.name) === foldHeader(name));
}

const isBlank = (cells: readonly string[] | undefined) => !cells || cells.every((c) => c === "");

interface Heading {
	title: string;
	kind: ChecklistKind | null;
	kindRow: number | null;
	description: string | null;
}

/** The heading sheet: 名称, 種類, 説明 and 様式の版, each a label and its value. */
function readHeading(sheet: Sheet, errors: Errors): Heading {
	const name = sheet.name;
	const labels = INFO_ROWS.map((r) => r.label).join("、");
	const found = new Map<InfoKey, { value: string; row: number }>();
	let headerSeen = false;
	for (const [index, cells] of sheet.rows.entries()) {
		if (isBlank(cells)) continue;
		const row = index + 1;
		const label = cells[0] ?? "";
		const value = cells[1] ?? "";
		if (!headerSeen) {
			headerSeen = true;
			if (foldHeader(label) === INFO_HEADER[0] && foldHeader(value) === INFO_HEADER[1]) continue;
		}
		const info = INFO_ROWS.find((r) => foldHeader(r.label) === foldHeader(label));
		if (!info) {
			errors.add(name, row, INFO_HEADER[0], "checklist_info_unknown", { label, labels });
			continue;
		}
		if (found.has(info.key)) {
			errors.add(name, row, INFO_HEADER[0], "checklist_info_repeated", {
				label,
				first: found.get(info.key)?.row ?? 0,
			});
			continue;
		}
		found.set(info.key, { value, row });
	}
	const at = (key: InfoKey) => found.get(key);
	for (const info of INFO_ROWS) {
		const entry = at(info.key);
		if (info.required && (!entry || entry.value === "")) {
			errors.add(name, entry?.row ?? null, INFO_HEADER[1], "value_required", {
				header: info.label,
			});
		}
	}
	const kindCell = at("kind");
	let kind: ChecklistKind | null = null;
	if (kindCell && kindCell.value !== "") {
		kind = parseKind(kindCell.value) ?? null;
		if (!kind) {
			errors.add(name, kindCell.row, INFO_HEADER[1], "value_not_in_list", {
				value: kindCell.value,
				header: "種類",
				choices: CHOICES.kind.join("、"),
			});
		}
	}
	const format = at("format");
	if (format && format.value !== "" && format.value !== CHECKLIST_FORMAT_VERSION) {
		errors.add(name, format.row, INFO_HEADER[1], "checklist_format_version", {
			value: format.value,
			supported: CHECKLIST_FORMAT_VERSION,
		});
	}
	const heading = {
		title: at("title")?.value ?? "",
		kind,
		kindRow: kindCell?.row ?? null,
		description: (at("description")?.value ?? "") || null,
	};
	for (const issue of checkHeading(heading)) {
		if (issue.code === "value_required") continue;
		const key = issue.field === "title" ? "title" : "description";
		errors.add(name, at(key)?.row ?? null, INFO_HEADER[1], issue.code, issue.params);
	}
	return heading;
}

type ColumnMap = ReadonlyMap<ItemColumnKey, number>;

function readItemHeader(sheet: string, cells: readonly string[], row: number, errors: Errors) {
	const columns = new Map<ItemColumnKey, number>();
	let bad = false;
	for (const [index, cell] of cells.entries()) {
		if (cell === "") continue;
		const column = ITEM_COLUMNS.find((c) => foldHeader(c.header) === foldHeader(cell));
		if (!column) {
			bad = true;
			errors.add(sheet, row, cell, "column_unknown", {
				header: cell,
				headers: ITEM_HEADERS.join("、"),
			});
		} else if (columns.has(column.key)) {
			bad = true;
			errors.add(sheet, row, cell, "column_duplicate", { header: cell });
		} else columns.set(column.key, index);
	}
	for (const column of ITEM_COLUMNS) {
		if (column.required && !columns.has(column.key)) {
			bad = true;
			errors.add(sheet, row, column.header, "column_missing", { header: column.header });
		}
	}
	return bad ? null : columns;
}

/** An item number as people type it, in the stored form: `６（２）－１` → `6(2)-1`. */
export function normalizeNumber(text: string): string {
	return normalizeClause(text).replace(/[－ー−‐]/gu, "-");
}

/** One row as an item, or null with its errors added (every problem of the row, not the first). */
function readItem(
	sheet: string,
	columns: ColumnMap,
	cells: readonly string[],
	row: number,
	errors: Errors,
): ChecklistItem | null {
	const before = errors.count;
	const cell = (key: ItemColumnKey) => {
		const index = columns.get(key);
		return index === undefined ? "" : (cells[index] ?? "");
	};
	const fail = (
		key: keyof ChecklistItem,
		code: string,
		params: Record<string, string | number> = {},
	) => errors.add(sheet, row, headerOf(key), code, params);
	for (const column of ITEM_COLUMNS) {
		const value = cell(column.key);
		if (value.length > column.max)
			fail(column.key, "value_too_long", { max: column.max, length: value.length });
	}
	const closed = <C>(
		key: "answerer" | "scale",
		parse: (text: string) => C | undefined,
	): C | null => {
		const text = cell(key);
		if (text === "") {
			fail(key, "value_required", { header: headerOf(key) });
			return null;
		}
		const code = parse(text);
		if (code === undefined) {
			fail(key, "value_not_in_list", {
				value: text,
				header: headerOf(key),
				choices: CHOICES[key].join("、"),
			});
			return null;
		}
		return code;
	};
	const answerer = closed("answerer", parseAnswerer);
	const scale = closed("scale", parseScale);
	const required = parseRequired(cell("required"));
	if (required === undefined)
		fail("required", "checklist_flag_invalid", { value: cell("required") });
	const item: ChecklistItem = canonicalItem({
		number: normalizeNumber(cell("number")),
		policyClause: normalizeClause(cell("policyClause")) || null,
		standardsChapter: normalizeClause(cell("standardsChapter")) || null,
		question: cell("question"),
		answerer: answerer ?? "all_staff",
		scale: scale ?? "yes_no_na",
		levels: splitLevels(cell("levels")),
		required: required ?? false,
		evidence: cell("evidence") || null,
		packRef: cell("packRef") || null,
	});
	for (const issue of checkItem(item)) {
		// Lengths were checked on the cells; an unknown scale leaves the levels unjudged.
		if (issue.code === "value_too_long") continue;
		if (issue.field === "levels" && scale === null) continue;
		const params =
			issue.code === "value_required" ? { header: headerOf(issue.field) } : issue.params;
		fail(issue.field, issue.code, params);
	}
	return errors.count === before ? item : null;
}

/**
 * Read a checklist workbook in the documented layout and check all of it: every error with its
 * sheet, row and column, never only the first. A file that cannot be read at all is one error.
 *
 * @example
 * const { content, errors } = await readChecklistWorkbook(bytes);
 * if (!content) console.table(errors);
 */
export async function readChecklistWorkbook(
	bytes: Uint8Array,
	archive: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<ParsedChecklist> {
	const errors = new Errors();
	let heading: Heading | null = null;
	const skipped: SkippedRows = { skippedBlank: 0, skippedTotal: [] };
	const done = (content: ChecklistContent | null, rows: number): ParsedChecklist => ({
		content: errors.count === 0 ? content : null,
		errors: errors.list,
		errorCount: errors.count,
		rows,
		...skipped,
		kindRow: heading?.kindRow ?? null,
	});
	let workbook: Workbook;
	try {
		workbook = await readWorkbook(bytes, CHECKLIST_IMPORT_LIMITS, archive);
	} catch (error) {
		const issue = fileIssueOf(error);
		if (!issue) throw error;
		const { sheet, row, column } = issue.params;
		errors.add(
			typeof sheet === "string" ? sheet : null,
			typeof row === "number" ? row : null,
			typeof column === "number" ? columnLetter(column - 1) : null,
			issue.code,
			issue.params,
		);
		return done(null, 0);
	}
	const infoSheet = findSheet(workbook, CHECKLIST_SHEETS.info);
	const itemSheet = findSheet(workbook, CHECKLIST_SHEETS.items);
	for (const [sheet, name] of [
		[infoSheet, CHECKLIST_SHEETS.info],
		[itemSheet, CHECKLIST_SHEETS.items],
	] as const) {
		if (!sheet) errors.add(name, null, null, "checklist_sheet_missing", { sheet: name });
	}
	heading = infoSheet ? readHeading(infoSheet, errors) : null;
	if (!itemSheet) return done(null, 0);
	const items: ChecklistItem[] = [];
	const firstRow = new Map<string, number>();
	let columns: ColumnMap | null | undefined;
	let rows = 0;
	for (const [index, cells] of itemSheet.rows.entries()) {
		const row = index + 1;
		// Below the header, blank rows and a total row (合計…) are counted in the report.
		if (columns === undefined ? isBlank(cells) : skipRow(skipped, cells, row)) continue;
		if (columns === undefined) {
			columns = readItemHeader(itemSheet.name, cells, row, errors);
			if (columns === null) break;
			continue;
		}
		if (columns === null) break;
		rows++;
		const item = readItem(itemSheet.name, columns, cells, row, errors);
		const number = normalizeNumber(cells[columns.get("number") ?? -1] ?? "");
		const first = firstRow.get(number);
		if (number !== "" && first !== undefined) {
			errors.add(itemSheet.name, row, headerOf("number"), "checklist_number_repeated", {
				value: number,
				first,
			});
		} else if (number !== "") firstRow.set(number, row);
		if (item) items.push(item);
	}
	if (columns === undefined) errors.add(itemSheet.name, null, null, "header_row_missing");
	else if (columns !== null && rows === 0)
		errors.add(itemSheet.name, null, null, "checklist_no_items");
	if (!heading?.kind) return done(null, rows);
	return done(
		{ kind: heading.kind, title: heading.title, description: heading.description, items },
		rows,
	);
}
