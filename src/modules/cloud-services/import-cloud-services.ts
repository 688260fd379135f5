import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { columnsTarget } from "../../platform/imports/column-rows.ts";
import { type MappedStream, mapStream } from "../../platform/imports/mapped-stream.ts";
import type { ColumnMapping, MappingTarget } from "../../platform/imports/mapping.schemas.ts";
import {
	type FileIssueCode,
	type FileIssueParams,
	fileIssueOf,
	fileIssueText,
} from "../../shared/file-issues.ts";
import { readJapaneseDate } from "../../shared/japanese-dates.ts";
import { Problem } from "../../shared/problem.ts";
import { isBlank, skipRow } from "../../shared/row-kinds.ts";
import { prepareTable, type TableLimits, type TableStream } from "../../shared/tabular.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../../shared/xlsx-archive.ts";
import { unescapeCell } from "../assets/ledger-format.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { changedFields, newServiceRow, type ServiceFields } from "./change-cloud-service.ts";
import { type CloudDesk, mayManage, openCloudDesk } from "./cloud-desk.ts";
import { staleService } from "./cloud-problems.ts";
import { addMonths, levelOf, serviceFlags, storedFlags } from "./cloud-rules.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";
import {
	type CloudServiceRow,
	findByCodes,
	insertCloudServices,
	updateCloudService,
} from "./cloud-services.repository.ts";
import {
	BACKUP_ALIASES,
	BACKUP_LABELS,
	ISMAP_LABELS,
	KIND_LABELS,
	LOCATION_ALIASES,
	LOCATION_LABELS,
	parseLabel,
	SERVICE_COLUMNS,
	SERVICE_HEADERS,
	type ServiceColumn,
	type ServiceColumnKey,
} from "./cloud-services-format.ts";
import words from "./cloud-services-mapping.words.json" with { type: "json" };

export const CLOUD_IMPORT_LIMITS: TableLimits = {
	maxBytes: 20 * 1024 * 1024,
	maxRows: 20_000,
	maxColumns: 40,
	maxCellLength: 10_000,
};
const MAX_LISTED_ERRORS = 1_000;

/** One problem of the file: the spreadsheet row (1 = header) and the column header it is in. */
export interface ServiceImportError {
	row: number | null;
	column: string | null;
	message: string;
	code: string;
	params: Record<string, string | number>;
}

export interface ServiceImportReport {
	format: "xlsx" | "csv" | null;
	errors: ServiceImportError[];
	errorCount: number;
	rows: number;
	skippedBlank: number;
	skippedTotal: number[];
	created: number;
	updated: number;
	unchanged: number;
	applied: boolean;
}

function rowError(
	row: number | null,
	column: string | null,
	code: FileIssueCode,
	params: FileIssueParams = {},
): ServiceImportError {
	return { row, column, message: fileIssueText(code, params, "ja"), code, params };
}

const fold = (text: string) => text.normalize("NFKC").replace(/\s+/gu, "");
const BY_HEADER = new Map<string, ServiceColumn>(SERVICE_COLUMNS.map((c) => [fold(c.header), c]));
const list = (labels: Record<string, string>) => Object.values(labels).join("、");

interface Parsed {
	row: number;
	fields: ServiceFields;
}

/**
 * Read the register from XLSX or CSV (UTF-8 or Shift_JIS), check every row — each error names
 * its row and column — and, in `apply` mode when every row is valid, create new services (in
 * `draft`) and update changed ones in one transaction, all or nothing. Rows equal to the register
 * are counted `unchanged`; state, approval and flags columns are the export's and are ignored.
 */
export async function importCloudServices(
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
): Promise<ServiceImportReport> {
	authorize(actor, cloudServicesPolicy, "cloud_service.import");
	const desk = await openCloudDesk(db, actor, now);
	const report: ServiceImportReport = {
		format: null,
		errors: [],
		errorCount: 0,
		rows: 0,
		skippedBlank: 0,
		skippedTotal: [],
		created: 0,
		updated: 0,
		unchanged: 0,
		applied: false,
	};
	let mapped: MappedStream | null = null;
	// Through a mapping, errors name the city's own columns.
	const add = (error: ServiceImportError) => {
		report.errorCount++;
		if (report.errors.length < MAX_LISTED_ERRORS)
			report.errors.push(mapped ? mapped.rename(error) : error);
	};
	let table: TableStream;
	try {
		table = await prepareTable(bytes, CLOUD_IMPORT_LIMITS, options.archive ?? DEFAULT_XLSX_LIMITS);
	} catch (error) {
		return fileError(report, error);
	}
	report.format = table.format;
	if (options.mapping) {
		mapped = mapStream(table, options.mapping, servicesMappingTarget(), (error) =>
			add({ ...error, code: error.code ?? "", params: error.params ?? {} }),
		);
		table = mapped;
	}
	const parsed: Parsed[] = [];
	try {
		await readRows(db, desk, table, report, add, parsed);
	} catch (error) {
		if (!(error instanceof Problem) || error.code !== "validation_failed") throw error;
		return fileError(report, error);
	}
	options.progress?.({ checked: report.rows, written: 0 });
	if (report.errorCount > 0) return report;
	const tenantId = actor.tenantId;
	const existing = new Map<string, CloudServiceRow>();
	for (let i = 0; i < parsed.length; i += 500) {
		const codes = parsed.slice(i, i + 500).map((p) => p.fields.code);
		for (const row of await findByCodes(db, tenantId, codes)) existing.set(row.code, row);
	}
	const fresh: CloudServiceRow[] = [];
	const changes: { before: CloudServiceRow; fields: ServiceFields }[] = [];
	const at = now.toISOString();
	for (const { fields } of parsed) {
		const before = existing.get(fields.code);
		if (fields.next_review_on === "")
			fields.next_review_on =
				before?.next_review_on ?? addMonths(desk.today, desk.scale.reviewMonths);
		if (!before) fresh.push(newServiceRow(desk, fields, at));
		else if (changedFields(before, fields).length > 0) changes.push({ before, fields });
		else report.unchanged++;
	}
	report.created = fresh.length;
	report.updated = changes.length;
	if (options.mode === "dry_run") return report;
	await inTransaction(db, async (tx) => {
		await insertCloudServices(tx, fresh);
		for (const { before, fields } of changes) {
			const flags = serviceFlags(desk.scale, { ...before, ...fields }, desk.today);
			const patch = { ...fields, ...storedFlags(flags), updated_at: at };
			const version = Number(before.version);
			// Changed by someone since it was read: the whole import is undone.
			if (!(await updateCloudService(tx, tenantId, before.id, version, patch)))
				throw staleService();
		}
		if (fresh.length + changes.length > 0)
			await recordAudit(tx, auditContextOf(actor), "cloud_service.imported", {
				format: table.format,
				created: fresh.length,
				updated: changes.length,
				unchanged: report.unchanged,
			});
	});
	options.progress?.({ checked: report.rows, written: fresh.length + changes.length });
	report.applied = true;
	return report;
}

async function readRows(
	db: Db,
	desk: CloudDesk,
	table: TableStream,
	report: ServiceImportReport,
	add: (error: ServiceImportError) => void,
	parsed: Parsed[],
): Promise<void> {
	const units = await listOrgUnits(db, desk.actor.tenantId);
	const byCode = new Map(units.map((unit) => [unit.code, unit]));
	const names = new Map<string, (typeof units)[number][]>();
	for (const unit of units) names.set(unit.name, [...(names.get(unit.name) ?? []), unit]);
	let columns: Map<ServiceColumnKey, number> | null = null;
	const seen = new Map<string, number>();
	for await (const { number, cells } of table.rows) {
		// Below the header, blank rows and a total row (合計…) are counted in the report.
		if (columns === null ? isBlank(cells) : skipRow(report, cells, number)) continue;
		if (columns === null) {
			const header = new Map<ServiceColumnKey, number>();
			let bad = false;
			for (const [index, cell] of cells.entries()) {
				if (cell === "") continue;
				const column = BY_HEADER.get(fold(cell));
				if (!column) {
					bad = true;
					add(
						rowError(number, cell, "column_unknown", {
							header: cell,
							headers: SERVICE_HEADERS.join("、"),
						}),
					);
				} else if (header.has(column.key)) {
					bad = true;
					add(rowError(number, cell, "column_duplicate", { header: cell }));
				} else header.set(column.key, index);
			}
			for (const column of SERVICE_COLUMNS)
				if (column.required && !header.has(column.key)) {
					bad = true;
					add(rowError(number, column.header, "column_missing", { header: column.header }));
				}
			if (bad) return;
			columns = header;
			continue;
		}
		report.rows++;
		const fields = parseRow(desk, byCode, names, columns, cells, number, add);
		if (!fields) continue;
		const first = seen.get(fields.code);
		if (first !== undefined) {
			add(
				rowError(number, "サービス番号", "cloud_service_code_repeated", {
					value: fields.code,
					first,
				}),
			);
			continue;
		}
		seen.set(fields.code, number);
		parsed.push({ row: number, fields });
	}
	// A mapping that does not fit the header has said so already.
	if (columns === null && report.errorCount === 0) add(rowError(null, null, "header_row_missing"));
}

/**
 * The fields a column mapping can fill for the register: the columns of its own layout, less
 * the export's informational ones (state, approval, flags), with the words cities use for them.
 */
export function servicesMappingTarget(): MappingTarget {
	const columns = SERVICE_COLUMNS.filter((column) => !("informational" in column));
	return columnsTarget("cloud-services", columns, words.services);
}

function parseRow(
	desk: CloudDesk,
	byCode: ReadonlyMap<string, { id: string; code: string; name: string }>,
	byName: ReadonlyMap<string, { id: string; code: string; name: string }[]>,
	columns: ReadonlyMap<ServiceColumnKey, number>,
	cells: readonly string[],
	row: number,
	add: (error: ServiceImportError) => void,
): ServiceFields | null {
	let failed = false;
	const fail = (column: ServiceColumn, code: FileIssueCode, params: FileIssueParams = {}) => {
		failed = true;
		add(rowError(row, column.header, code, { header: column.header, ...params }));
	};
	const values = new Map<ServiceColumnKey, string>();
	for (const column of SERVICE_COLUMNS) {
		const index = columns.get(column.key);
		if (index === undefined || "informational" in column) continue;
		const value = unescapeCell(cells[index] ?? "").trim();
		if (value.length > column.max)
			fail(column, "value_too_long", { max: column.max, length: value.length });
		else if (column.required && value === "") fail(column, "value_required");
		else values.set(column.key, value);
	}
	const col = (key: ServiceColumnKey) =>
		SERVICE_COLUMNS.find((c) => c.key === key) as ServiceColumn;
	const get = (key: ServiceColumnKey) => values.get(key) ?? "";
	const code = get("code");
	if (values.has("code") && !/^[^\s,]+$/u.test(code)) fail(col("code"), "cloud_service_code_chars");
	const pick = <T extends string>(
		key: ServiceColumnKey,
		labels: Record<T, string>,
		aliases: Record<string, T> = {},
	): T | undefined => {
		if (!values.has(key)) return undefined;
		const found = parseLabel(labels, get(key), aliases);
		if (!found) fail(col(key), "value_not_in_list", { value: get(key), choices: list(labels) });
		return found;
	};
	const kind = pick("kind", KIND_LABELS);
	const ismap = pick("ismap", ISMAP_LABELS, { "ISMAP LIU": "ismap_liu", 未登録: "none" });
	const location = pick("dataLocation", LOCATION_LABELS, LOCATION_ALIASES);
	const backups = pick("backups", BACKUP_LABELS, BACKUP_ALIASES);
	let unitId: string | undefined;
	if (values.has("unit")) {
		const text = get("unit");
		const named = byName.get(text);
		const unit = byCode.get(text) ?? (named?.length === 1 ? named[0] : undefined);
		if (!unit) fail(col("unit"), "unit_not_found", { value: text });
		else if (!mayManage(desk, unit.id))
			fail(col("unit"), "unit_not_managed", { value: `${unit.code} ${unit.name}` });
		else unitId = unit.id;
	}
	let level: string | undefined;
	if (values.has("dataLevel")) {
		level = levelOf(desk.scale, get("dataLevel"));
		if (!level)
			fail(col("dataLevel"), "class_not_in_scheme", {
				value: get("dataLevel"),
				allowed: desk.scale.levels.map((l) => l.code).join(", "),
			});
	}
	let review: string | undefined;
	if (get("nextReviewOn") !== "") {
		const read = readJapaneseDate(get("nextReviewOn"));
		if (read.ok) review = read.iso;
		else if (read.error.code === "date_invalid")
			fail(col("nextReviewOn"), "cloud_service_date_invalid", read.error.params);
		else fail(col("nextReviewOn"), read.error.code, read.error.params);
	}
	if (failed || !kind || !ismap || !location || !backups || !unitId || !level) return null;
	return {
		code,
		name: get("name"),
		provider: get("provider"),
		kind,
		org_unit_id: unitId,
		purpose: get("purpose"),
		data_description: get("dataDescription"),
		data_level: level,
		ismap,
		data_location: location,
		location_detail: get("locationDetail"),
		sla_uptime: get("slaUptime"),
		sla_recovery: get("slaRecovery"),
		backups: backups === "yes" ? 1 : 0,
		notes: get("notes"),
		// Empty: the register keeps its date (a new service: the pack's interval from today).
		next_review_on: review ?? "",
	};
}

/** A file that cannot be read is one error without a row, with the issue's code and parameters. */
function fileError(report: ServiceImportReport, error: unknown): ServiceImportReport {
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
