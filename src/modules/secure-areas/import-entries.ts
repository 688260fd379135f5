import { randomUUID } from "node:crypto";
import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { columnsTarget } from "../../platform/imports/column-rows.ts";
import { type MappedStream, mapStream } from "../../platform/imports/mapped-stream.ts";
import type { ColumnMapping, MappingTarget } from "../../platform/imports/mapping.schemas.ts";
import { japanDate } from "../../shared/dates.ts";
import {
	type FileIssueCode,
	type FileIssueParams,
	fileIssueOf,
	fileIssueText,
} from "../../shared/file-issues.ts";
import { japaneseDateOrNull } from "../../shared/japanese-dates.ts";
import { halfWidth } from "../../shared/japanese-numbers.ts";
import { Problem } from "../../shared/problem.ts";
import { isBlank, skipRow } from "../../shared/row-kinds.ts";
import { prepareTable, type TableLimits, type TableStream } from "../../shared/tabular.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../../shared/xlsx-archive.ts";
import { unescapeCell } from "../assets/ledger-format.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { type AreaDesk, mayKeep, openAreaDesk } from "./area-desk.ts";
import { personKey } from "./entry-log.ts";
import { staffByNumber } from "./people.ts";
import { permitMap, refusalOf } from "./permits.ts";
import words from "./secure-area-entries-mapping.words.json" with { type: "json" };
import { secureAreasPolicy } from "./secure-areas.policy.ts";
import {
	type AreaRow,
	type EntryRow,
	entryKey,
	insertEntries,
	listAreaRows,
	loggedKeys,
	permitsOf,
} from "./secure-areas.repository.ts";
import { AREA_LIMITS, type EntryImportReport, type EntryRefusal } from "./secure-areas.schemas.ts";

/** A card reader's month fits easily; a year of a busy server room too. */
export const ENTRY_IMPORT_LIMITS: TableLimits = {
	maxBytes: 50 * 1024 * 1024,
	maxRows: 200_000,
	maxColumns: 20,
	maxCellLength: 1_000,
};
const MAX_LISTED_ERRORS = 1_000;

/** The columns of docs/secure-area-entries-csv.md; headers are matched after NFKC folding. */
export const ENTRY_COLUMNS = [
	{ key: "area", header: "区域コード", required: true, max: AREA_LIMITS.code },
	{ key: "enteredAt", header: "入室日時", required: true, max: 40 },
	{ key: "exitedAt", header: "退室日時", required: false, max: 40 },
	{ key: "staffNumber", header: "職員番号", required: false, max: 60 },
	{ key: "visitorName", header: "来訪者氏名", required: false, max: AREA_LIMITS.visitor },
	{ key: "visitorOrganisation", header: "来訪者所属", required: false, max: AREA_LIMITS.visitor },
	{ key: "escortNumber", header: "同行職員番号", required: false, max: 60 },
] as const;
type ColumnKey = (typeof ENTRY_COLUMNS)[number]["key"];
type Column = (typeof ENTRY_COLUMNS)[number];

const fold = (text: string) => text.normalize("NFKC").replace(/\s+/gu, "");
const BY_HEADER = new Map<string, Column>(ENTRY_COLUMNS.map((c) => [fold(c.header), c]));
const JST_OFFSET_MS = 9 * 3_600_000;
/** The common case, read without the date reader: `2026-04-01 08:30[:15]`, `2026/4/1 8:30`. */
const NUMERIC_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/u;
/** Any other day `readJapaneseDate` reads (和暦, full width) and a time. */
const LOCAL_TIME = /^(.+?)[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/u;
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/u;
const ASCII = /^[\x20-\x7e]*$/u;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A reader's time as an instant (ms since the epoch) and the Japan date it falls on. */
export interface ReaderTime {
	ms: number;
	day: string;
}
/** An XLSX date-time cell read without its format: Excel's serial day and its fraction. */
const SERIAL_TIME = /^(\d{5})\.(\d+)$/u;

/**
 * A card reader's time: a day as `readJapaneseDate` reads it (`2026-04-01`, `2026/4/1`,
 * `令和8年4月1日`, full width too) and a time `8:30[:15]`, in Japan time; ISO 8601 with its
 * offset; or an Excel serial date-time. Undefined when it is none or not a real calendar time.
 */
export function parseReaderTime(text: string): Date | undefined {
	const at = readReaderTime(text);
	return at && new Date(at.ms);
}

/**
 * `parseReaderTime` without a Date per value: an import reads two per row. Full-width digits
 * are folded (NFKC) only when the text is not plain ASCII already.
 */
export function readReaderTime(text: string): ReaderTime | undefined {
	const value = (ASCII.test(text) ? text : text.normalize("NFKC")).trim();
	if (ZONED_TIME.test(value)) {
		const ms = Date.parse(value);
		if (Number.isNaN(ms)) return undefined;
		return { ms, day: japanDate(new Date(ms)) };
	}
	const serial = SERIAL_TIME.exec(value);
	if (serial) {
		const day = japaneseDateOrNull(serial[1] ?? "");
		const seconds = Math.round(Number(`0.${serial[2]}`) * 86_400);
		if (day === null || seconds >= 86_400) return undefined;
		return { ms: Date.parse(`${day}T00:00:00Z`) + seconds * 1000 - JST_OFFSET_MS, day };
	}
	const n = NUMERIC_TIME.exec(value);
	if (n) return numericTime(n);
	const m = LOCAL_TIME.exec(value);
	if (!m) return undefined;
	const day = japaneseDateOrNull(m[1] ?? "");
	const [h, mi, s] = m.slice(2).map((part) => Number(part ?? 0)) as [number, number, number];
	if (day === null || h > 23 || mi > 59 || s > 59) return undefined;
	return {
		ms: Date.parse(`${day}T00:00:00Z`) + ((h * 60 + mi) * 60 + s) * 1000 - JST_OFFSET_MS,
		day,
	};
}

function numericTime(m: RegExpExecArray): ReaderTime | undefined {
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	const h = Number(m[4]);
	const mi = Number(m[5]);
	const s = m[6] === undefined ? 0 : Number(m[6]);
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	const days = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
	if (y < 100 || mo < 1 || d < 1 || d > days || h > 23 || mi > 59 || s > 59) return undefined;
	const day = `${m[1]}-${mo < 10 ? "0" : ""}${mo}-${d < 10 ? "0" : ""}${d}`;
	return { ms: Date.UTC(y, mo - 1, d, h, mi, s) - JST_OFFSET_MS, day };
}

type ImportError = EntryImportReport["errors"][number];

function rowError(
	row: number | null,
	column: string | null,
	code: FileIssueCode,
	params: FileIssueParams = {},
): ImportError {
	return { row, column, message: fileIssueText(code, params, "ja"), code, params };
}

interface Parsed {
	row: number;
	area: AreaRow;
	staffId: string | null;
	visitorName: string | null;
	visitorOrganisation: string | null;
	escortId: string | null;
	enteredAt: string;
	/** The Japan date of the entry. */
	enteredDay: string;
	exitedAt: string | null;
}

/**
 * Import a card reader's entry log (CSV in UTF-8 or Shift_JIS, or XLSX; one row per stay, see
 * docs/secure-area-entries-csv.md). Every row is checked, each error names its row and column;
 * in `apply` mode, when every row is valid, the new stays are written in one transaction with one
 * audit event for the whole file (all or nothing). Stays already in the log are `unchanged`.
 * People without a permit (or past it) and visitors whose escort has none are written flagged.
 */
export async function importEntries(
	db: Db,
	actor: Actor,
	bytes: Uint8Array,
	options: {
		mode: "dry_run" | "apply";
		archive?: XlsxLimits;
		progress?: (progress: { checked: number; written: number }) => void;
		/** The city's own layout, read through a column mapping (docs/column-mapping.md). */
		mapping?: ColumnMapping | null;
	},
	now: Date = new Date(),
): Promise<EntryImportReport> {
	authorize(actor, secureAreasPolicy, "secure_area.keep");
	const desk = await openAreaDesk(db, actor, now);
	const report: EntryImportReport = {
		format: null,
		errors: [],
		errorCount: 0,
		rows: 0,
		skippedBlank: 0,
		skippedTotal: [],
		created: 0,
		updated: 0,
		unchanged: 0,
		flagged: 0,
		applied: false,
	};
	let mapped: MappedStream | null = null;
	// Through a mapping, errors name the city's own columns.
	const add = (error: ImportError) => {
		report.errorCount++;
		if (report.errors.length < MAX_LISTED_ERRORS)
			report.errors.push(mapped ? mapped.rename(error) : error);
	};
	let table: TableStream;
	try {
		table = await prepareTable(bytes, ENTRY_IMPORT_LIMITS, options.archive ?? DEFAULT_XLSX_LIMITS);
	} catch (error) {
		return fileError(report, error);
	}
	report.format = table.format;
	if (options.mapping) {
		mapped = mapStream(table, options.mapping, entriesMappingTarget(), add);
		table = mapped;
	}
	const parsed: Parsed[] = [];
	try {
		await readRows(db, desk, table, report, add, parsed, now);
	} catch (error) {
		if (!(error instanceof Problem) || error.code !== "validation_failed") throw error;
		return fileError(report, error);
	}
	options.progress?.({ checked: report.rows, written: 0 });
	if (report.errorCount > 0) return report;
	const fresh = await newEntries(db, desk, parsed, now);
	report.created = fresh.length;
	report.unchanged = parsed.length - fresh.length;
	report.flagged = fresh.filter((row) => row.refusal !== null).length;
	if (options.mode === "dry_run") return report;
	await inTransaction(db, async (tx) => {
		await insertEntries(tx, fresh);
		if (fresh.length > 0)
			await recordAudit(tx, auditContextOf(actor), "secure_area.entries_imported", {
				format: table.format,
				rows: report.rows,
				created: fresh.length,
				unchanged: report.unchanged,
				flagged: report.flagged,
				areaIds: [...new Set(fresh.map((row) => row.area_id))].sort(),
			});
	});
	options.progress?.({ checked: report.rows, written: fresh.length });
	report.applied = true;
	return report;
}

/** The parsed stays not yet in the log, as rows with their refusal judged against the permits. */
async function newEntries(
	db: Db,
	desk: AreaDesk,
	parsed: readonly Parsed[],
	now: Date,
): Promise<EntryRow[]> {
	if (parsed.length === 0) return [];
	const tenantId = desk.actor.tenantId;
	const areaIds = [...new Set(parsed.map((p) => p.area.id))];
	let from = parsed[0]?.enteredAt ?? "";
	let to = from;
	for (const p of parsed) {
		if (p.enteredAt < from) from = p.enteredAt;
		if (p.enteredAt > to) to = p.enteredAt;
	}
	const logged = await loggedKeys(db, tenantId, areaIds, from, to);
	const permits = permitMap(await permitsOf(db, tenantId, areaIds));
	const created = now.toISOString();
	const rows: EntryRow[] = [];
	for (const p of parsed) {
		const key = personKey(p.staffId, p.visitorName);
		if (logged.has(entryKey(p.area.id, p.enteredAt, key))) continue;
		const day = p.enteredDay;
		let refusal: EntryRefusal | null = null;
		if (p.staffId) refusal = refusalOf(permits, p.area.id, p.staffId, day);
		else if (p.escortId && refusalOf(permits, p.area.id, p.escortId, day) !== null)
			refusal = "escort_not_permitted";
		rows.push({
			id: randomUUID(),
			tenant_id: tenantId,
			area_id: p.area.id,
			staff_id: p.staffId,
			visitor_name: p.visitorName,
			visitor_organisation: p.visitorOrganisation,
			escort_staff_id: p.escortId,
			person_key: key,
			entered_at: p.enteredAt,
			exited_at: p.exitedAt,
			entry_day: day,
			refusal,
			flagged: refusal !== null || p.exitedAt === null,
			source: "card_reader",
			recorded_by: desk.actor.accountId,
			created_at: created,
		});
	}
	return rows;
}

async function readRows(
	db: Db,
	desk: AreaDesk,
	table: TableStream,
	report: EntryImportReport,
	add: (error: ImportError) => void,
	parsed: Parsed[],
	now: Date,
): Promise<void> {
	const tenantId = desk.actor.tenantId;
	const areas = new Map((await listAreaRows(db, tenantId)).map((area) => [area.code, area]));
	const staff = await staffByNumber(db, tenantId);
	const latest = now.getTime() + 5 * 60_000;
	let columns: Map<ColumnKey, number> | null = null;
	const seen = new Map<string, number>();
	for await (const { number, cells } of table.rows) {
		// Below the header, blank rows and a total row (合計…) are counted in the report.
		if (columns === null ? isBlank(cells) : skipRow(report, cells, number)) continue;
		if (columns === null) {
			columns = header(cells, number, add);
			if (columns === null) return;
			continue;
		}
		report.rows++;
		const row = parseRow(columns, cells, number, add, { areas, staff, desk, latest });
		if (!row) continue;
		const key = entryKey(row.area.id, row.enteredAt, personKey(row.staffId, row.visitorName));
		const first = seen.get(key);
		if (first !== undefined) {
			add(rowError(number, "入室日時", "value_repeated", { value: row.enteredAt, first }));
			continue;
		}
		seen.set(key, number);
		parsed.push(row);
	}
	// A mapping that does not fit the header has said so already.
	if (columns === null && report.errorCount === 0) add(rowError(null, null, "header_row_missing"));
}

/**
 * The fields a column mapping can fill for a card reader's log: the columns of
 * docs/secure-area-entries-csv.md, with the words card-reader exports use for them.
 */
export function entriesMappingTarget(): MappingTarget {
	return columnsTarget("secure-areas.entries", ENTRY_COLUMNS, words.entries);
}

function header(
	cells: readonly string[],
	number: number,
	add: (error: ImportError) => void,
): Map<ColumnKey, number> | null {
	const found = new Map<ColumnKey, number>();
	let bad = false;
	for (const [index, cell] of cells.entries()) {
		if (cell === "") continue;
		const column = BY_HEADER.get(fold(cell));
		if (!column) {
			bad = true;
			add(
				rowError(number, cell, "column_unknown", {
					header: cell,
					headers: ENTRY_COLUMNS.map((c) => c.header).join("、"),
				}),
			);
		} else if (found.has(column.key)) {
			bad = true;
			add(rowError(number, cell, "column_duplicate", { header: cell }));
		} else found.set(column.key, index);
	}
	for (const column of ENTRY_COLUMNS)
		if (column.required && !found.has(column.key)) {
			bad = true;
			add(rowError(number, column.header, "column_missing", { header: column.header }));
		}
	return bad ? null : found;
}

function parseRow(
	columns: ReadonlyMap<ColumnKey, number>,
	cells: readonly string[],
	row: number,
	add: (error: ImportError) => void,
	known: {
		areas: ReadonlyMap<string, AreaRow>;
		staff: ReadonlyMap<string, string>;
		desk: AreaDesk;
		latest: number;
	},
): Parsed | null {
	let failed = false;
	const fail = (column: string, code: FileIssueCode, params: FileIssueParams = {}) => {
		failed = true;
		add(rowError(row, column, code, { header: column, ...params }));
	};
	// In the order of ENTRY_COLUMNS; a value too long or missing reads as "".
	const values: string[] = [];
	for (const column of ENTRY_COLUMNS) {
		const index = columns.get(column.key);
		const value = index === undefined ? "" : unescapeCell(cells[index] ?? "").trim();
		if (value.length > column.max) {
			fail(column.header, "value_too_long", { max: column.max, length: value.length });
			values.push("");
		} else {
			if (column.required && value === "") fail(column.header, "value_required");
			values.push(value);
		}
	}
	const [areaCode, enteredText, exitedText, staffNumber, visitorName, organisation, escortNumber] =
		values as [string, string, string, string, string, string, string];
	let area: AreaRow | undefined;
	if (areaCode !== "") {
		area = known.areas.get(areaCode) ?? known.areas.get(halfWidth(areaCode));
		if (!area) fail("区域コード", "secure_area_unknown", { value: areaCode });
		else if (!mayKeep(known.desk, area))
			fail("区域コード", "secure_area_not_managed", { value: `${area.code} ${area.name}` });
	}
	const time = (text: string, header: string): ReaderTime | null | undefined => {
		if (text === "") return null;
		const at = readReaderTime(text);
		if (!at) fail(header, "secure_area_time_invalid", { value: text });
		else if (at.ms > known.latest) fail(header, "secure_area_time_in_future", { value: text });
		else return at;
		return undefined;
	};
	const entered = time(enteredText, "入室日時");
	const exited = time(exitedText, "退室日時");
	if (entered && exited && exited.ms < entered.ms)
		fail("退室日時", "secure_area_exit_before_entry");
	const person = (text: string, header: string): string | null => {
		if (text === "") return null;
		// A staff number typed in full width (０１２３) is the same number.
		const id = known.staff.get(text) ?? known.staff.get(halfWidth(text));
		if (!id) fail(header, "secure_area_staff_unknown", { value: text });
		return id ?? null;
	};
	const staffId = person(staffNumber, "職員番号");
	const escortId = person(escortNumber, "同行職員番号");
	const visitor = visitorName === "" ? null : visitorName;
	if ((staffNumber === "") === (visitor === null)) fail("職員番号", "secure_area_person_one_of");
	else if (visitor !== null && escortNumber === "")
		fail("同行職員番号", "secure_area_escort_missing");
	else if (visitor === null && escortNumber !== "")
		fail("同行職員番号", "secure_area_escort_for_staff");
	if (failed || !area || !entered || exited === undefined) return null;
	return {
		row,
		area,
		staffId,
		visitorName: visitor,
		visitorOrganisation: visitor && organisation !== "" ? organisation : null,
		escortId: visitor ? escortId : null,
		enteredAt: new Date(entered.ms).toISOString(),
		enteredDay: entered.day,
		exitedAt: exited === null ? null : new Date(exited.ms).toISOString(),
	};
}

/** A file that cannot be read is one error without a row, with the issue's code and parameters. */
function fileError(report: EntryImportReport, error: unknown): EntryImportReport {
	const issue = fileIssueOf(error);
	if (!issue) throw error;
	const row = typeof issue.params.row === "number" ? issue.params.row : null;
	report.errorCount++;
	report.errors.push({
		row,
		column: null,
		message: `ファイルを読めません: ${fileIssueText(issue.code, issue.params, "ja")}`,
		code: issue.code,
		params: issue.params,
	});
	return report;
}
