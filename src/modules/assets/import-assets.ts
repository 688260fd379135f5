import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import type { AssetTable } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { ColumnMapping } from "../../platform/imports/mapping.schemas.ts";
import { type AppliedMapping, applyMapping } from "../../platform/imports/mapping.ts";
import { fileIssueOf, fileIssueText } from "../../shared/file-issues.ts";
import { Problem } from "../../shared/problem.ts";
import { isBlank, skipMappedRow, skipRow } from "../../shared/row-kinds.ts";
import { prepareTable, type TableLimits, type TableStream } from "../../shared/tabular.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../../shared/xlsx-archive.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { inScope } from "./asset-scope.ts";
import { assetsPolicy } from "./assets.policy.ts";
import {
	type ColumnMap,
	type ImportError,
	type ParsedRow,
	parseRow,
	type RowContext,
	readHeader,
	rowError,
	type UnitRef,
} from "./import-row.ts";
import { type ImportWriter, insertNewAssets, planUpdate, writeUpdate } from "./import-write.ts";
import { type Ledger, openLedger } from "./ledger.ts";
import { ledgerMappingTarget } from "./ledger-mapping.ts";

/** Files up to 50 MB and 200,000 data rows; a cell is checked against its column's limit. */
export const ASSET_IMPORT_LIMITS: TableLimits = {
	maxBytes: 50 * 1024 * 1024,
	maxRows: 200_000,
	maxColumns: 60,
	maxCellLength: 10_000,
};

/** At most this many errors are listed; `errorCount` has them all. */
export const MAX_LISTED_ERRORS = 1_000;
/** Rows checked against the ledger (and written) together. */
const BATCH = 500;

export interface ImportOptions {
	mode: "dry_run" | "apply";
	skipInvalid: boolean;
	/** Told the rows checked and written after each batch. */
	progress?: (progress: { checked: number; written: number }) => void;
	/** Bounds on an XLSX file's ZIP (the configured `Config.xlsx`); the defaults when absent. */
	archive?: XlsxLimits;
	/** The city's own layout read through a column mapping (docs/column-mapping.md). */
	mapping?: ColumnMapping | null;
}

export interface ImportReport {
	format: "xlsx" | "csv" | null;
	errors: ImportError[];
	errorCount: number;
	rows: number;
	/** Blank rows below the header, and the row numbers of total rows (合計…), skipped. */
	skippedBlank: number;
	skippedTotal: number[];
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
	applied: boolean;
}

/** Thrown inside the transaction to undo everything when some row is invalid. */
class RollBack extends Error {
	readonly report: ImportReport;
	constructor(report: ImportReport) {
		super("import rolled back");
		this.report = report;
	}
}

async function rowContext(db: Queryable, ledger: Ledger): Promise<RowContext> {
	const units = await listOrgUnits(db, ledger.actor.tenantId);
	const unitsByCode = new Map<string, UnitRef>();
	const names = new Map<string, UnitRef[]>();
	for (const unit of units) {
		const ref = { id: unit.id, code: unit.code, name: unit.name };
		unitsByCode.set(unit.code, ref);
		names.set(unit.name, [...(names.get(unit.name) ?? []), ref]);
	}
	const unitsByName = new Map<string, UnitRef>();
	for (const [name, refs] of names)
		if (refs.length === 1 && refs[0]) unitsByName.set(name, refs[0]);
	return { scheme: ledger.scheme, unitsByCode, unitsByName, write: ledger.write };
}

function existingByCode(db: Queryable, tenantId: string, codes: string[]) {
	return db
		.selectFrom("assets")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("code", "in", codes)
		.execute();
}

/**
 * Read a ledger file (XLSX or CSV, streamed row by row), check every row, and — in `apply` mode,
 * when every row is valid or `skipInvalid` is set — create new assets and update changed ones in
 * one transaction. Rows identical to the ledger are counted `unchanged` and not touched. A
 * refused apply (invalid rows) writes nothing and reports nothing created or updated. Large
 * files run in the import worker thread (`platform/imports`), never on the server's loop.
 *
 * @example
 * const report = await importAssets(db, actor, bytes, { mode: "dry_run", skipInvalid: false });
 * if (report.errorCount > 0) console.table(report.errors);
 */
export async function importAssets(
	db: Db,
	actor: Actor,
	bytes: Uint8Array,
	options: ImportOptions,
	now: string = new Date().toISOString(),
): Promise<ImportReport> {
	authorize(actor, assetsPolicy, "asset.import");
	const ledger = await openLedger(db, actor);
	// The whole-file checks (an XLSX archive is inflated to count it) run before any transaction.
	let table: TableStream | Problem;
	try {
		table = await prepareTable(bytes, ASSET_IMPORT_LIMITS, options.archive ?? DEFAULT_XLSX_LIMITS);
	} catch (error) {
		if (!fileIssueOf(error)) throw error;
		table = error as Problem;
	}
	if (options.mode === "dry_run" || table instanceof Problem) {
		return scan(db, ledger, table, options, null);
	}
	try {
		return await inTransaction(db, async (tx) => {
			const writer: ImportWriter = { tx, ledger, now };
			const report = await scan(tx, ledger, table, options, writer);
			if (!report.applied) throw new RollBack(report);
			if (report.created + report.updated > 0) {
				await recordAudit(tx, auditContextOf(actor), "asset.imported", {
					format: report.format ?? "csv",
					created: report.created,
					updated: report.updated,
					unchanged: report.unchanged,
					skipped: report.skipped,
				});
			}
			return report;
		});
	} catch (error) {
		// A refused apply wrote nothing, and says so.
		if (error instanceof RollBack) return { ...error.report, created: 0, updated: 0 };
		throw error;
	}
}

/** One pass over the file: validate every row; write through `writer` while that is allowed. */
async function scan(
	db: Queryable,
	ledger: Ledger,
	table: TableStream | Problem,
	options: ImportOptions,
	writer: ImportWriter | null,
): Promise<ImportReport> {
	const report: ImportReport = {
		format: null,
		errors: [],
		errorCount: 0,
		rows: 0,
		skippedBlank: 0,
		skippedTotal: [],
		created: 0,
		updated: 0,
		unchanged: 0,
		skipped: 0,
		applied: false,
	};
	// Through a mapping, rows are rewritten into the ledger's layout and errors name the city's columns.
	const mapping = options.mapping ?? null;
	let applied: AppliedMapping | null = null;
	const headerCells: string[][] = [];
	const addError = (error: ImportError) => {
		report.errorCount++;
		if (report.errors.length < MAX_LISTED_ERRORS)
			report.errors.push(applied ? applied.rename(error) : error);
	};
	if (table instanceof Problem) return fileError(report, table);
	report.format = table.format;
	const context = await rowContext(db, ledger);
	const seen = new Map<string, number>();
	let columns: ColumnMap | null = null;
	let batch: ParsedRow[] = [];
	let invalidRows = 0;
	let written = 0;
	// Writes stop at the first invalid row unless invalid rows are to be skipped.
	const writing = () => writer !== null && (options.skipInvalid || report.errorCount === 0);

	const flush = async () => {
		if (batch.length === 0) return;
		const rows = batch;
		batch = [];
		const found = await existingByCode(
			db,
			ledger.actor.tenantId,
			rows.map((r) => r.code),
		);
		const existing = new Map(found.map((row) => [row.code, row]));
		const fresh: ParsedRow[] = [];
		for (const parsed of rows) {
			const before = existing.get(parsed.code);
			if (!before) {
				fresh.push(parsed);
				continue;
			}
			const refusal = existingRefusal(ledger, before);
			if (refusal) {
				invalidRows++;
				addError(rowError(parsed.row, "資産番号", "asset_code_not_yours", { value: refusal }));
				continue;
			}
			const plan = planUpdate(before, parsed);
			if (!plan) {
				report.unchanged++;
				continue;
			}
			report.updated++;
			if (writing() && writer) {
				await writeUpdate(writer, before, parsed, plan);
				written++;
			}
		}
		report.created += fresh.length;
		if (writing() && writer) {
			await insertNewAssets(writer, fresh);
			written += fresh.length;
		}
		options.progress?.({ checked: report.rows, written });
	};

	try {
		for await (const { number, cells: read } of table.rows) {
			let cells = read;
			if (mapping && applied === null) {
				const at = mapping.headerRows.indexOf(number);
				if (at >= 0) headerCells[at] = read;
				if (number < (mapping.headerRows.at(-1) ?? 1)) continue;
				applied = applyMapping(
					mapping,
					ledgerMappingTarget(ledger.scheme),
					mapping.headerRows.map((_, i) => headerCells[i] ?? []),
				);
				for (const error of applied.errors) addError(error);
				if (applied.errors.length > 0) return report;
				cells = applied.header;
			} else if (columns === null) {
				if (isBlank(read)) continue;
			} else if (applied) {
				// Below the header, blank rows and a total row (合計…) are counted in the report; a
				// total row is judged on the city's own cells (its 合計 may be in a column not mapped).
				cells = applied.translate(read);
				if (skipMappedRow(report, read, cells, number)) continue;
			} else if (skipRow(report, read, number)) continue;
			if (columns === null) {
				const header = readHeader(cells, number);
				for (const error of header.errors) addError(error);
				if (header.errors.length > 0) return report;
				columns = header.columns;
				continue;
			}
			report.rows++;
			const { parsed, errors } = parseRow(context, columns, cells, number);
			if (parsed) {
				const first = seen.get(parsed.code);
				if (first !== undefined) {
					errors.push(
						rowError(number, "資産番号", "asset_code_repeated", { value: parsed.code, first }),
					);
				} else seen.set(parsed.code, number);
			}
			if (errors.length > 0 || !parsed) {
				invalidRows++;
				for (const error of errors) addError(error);
				continue;
			}
			batch.push(parsed);
			if (batch.length >= BATCH) await flush();
		}
		await flush();
	} catch (error) {
		if (!(error instanceof Problem) || error.code !== "validation_failed") throw error;
		return fileError(report, error);
	}
	if (columns === null) {
		addError(rowError(null, null, "header_row_missing"));
		return report;
	}
	if (options.skipInvalid) report.skipped = invalidRows;
	report.applied = writer !== null && (options.skipInvalid || report.errorCount === 0);
	return report;
}

/** Why an existing asset cannot be changed by this caller, or null when it can. */
/** The code of an existing asset the caller may not change, or null. */
function existingRefusal(ledger: Ledger, before: AssetTable): string | null {
	return inScope(ledger.write, before.owner_unit_id) ? null : before.code;
}

/** A file that cannot be read is one error without a row, with the issue's code and parameters. */
function fileError(report: ImportReport, error: unknown): ImportReport {
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
