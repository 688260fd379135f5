import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { dateCell } from "../../platform/imports/cell-values.ts";
import {
	type Column,
	fileError,
	MAX_LISTED_ERRORS,
	mappedLayout,
	readRows,
} from "../../platform/imports/column-rows.ts";
import type { ColumnMapping } from "../../platform/imports/mapping.schemas.ts";
import { toCsv } from "../../shared/csv.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { readTable, type TableLimits, writeXlsx } from "../../shared/tabular.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../../shared/xlsx-archive.ts";
import { type ImportError, rowError } from "../assets/import-row.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { contractClausesOf } from "./contract-clauses.ts";
import { type ContractDesk, mayManageUnit, openContractDesk } from "./contract-desk.ts";
import { createContractor, updateContractor } from "./contractors.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import { CONTRACT_LIMITS } from "./contracts.schemas.ts";
import words from "./contracts-mapping.words.json" with { type: "json" };
import { createContract, updateContract } from "./save-contract.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";

export const CONTRACT_IMPORT_LIMITS: TableLimits = {
	maxBytes: 20 * 1024 * 1024,
	maxRows: 50_000,
	maxColumns: 30,
	maxCellLength: 10_000,
};

export const CONTRACTOR_COLUMNS = [
	{ key: "code", header: "委託先コード", required: true, max: CONTRACT_LIMITS.code },
	{ key: "name", header: "委託先名", required: true, max: CONTRACT_LIMITS.name },
	{ key: "address", header: "所在地", required: false, max: CONTRACT_LIMITS.address },
	{ key: "contact", header: "連絡先", required: false, max: CONTRACT_LIMITS.contact },
	{ key: "notes", header: "備考", required: false, max: CONTRACT_LIMITS.notes },
] as const satisfies readonly Column<string>[];

export const CONTRACT_COLUMNS = [
	{ key: "code", header: "契約番号", required: true, max: CONTRACT_LIMITS.code },
	{ key: "title", header: "件名", required: true, max: CONTRACT_LIMITS.title },
	{ key: "purpose", header: "委託の目的", required: true, max: CONTRACT_LIMITS.purpose },
	{ key: "contractor", header: "委託先コード", required: true, max: CONTRACT_LIMITS.code },
	{ key: "unit", header: "主管課コード", required: true, max: 60 },
	// 和暦 (令和元年12月31日) and a time of day Excel's CSV adds are read: room beyond 10.
	{ key: "startsOn", header: "契約開始日", required: true, max: 24 },
	{ key: "endsOn", header: "契約終了日", required: false, max: 24 },
	{ key: "assets", header: "取扱資産", required: false, max: 10_000 },
	{ key: "clauses", header: "契約条項", required: false, max: 2_000 },
] as const satisfies readonly Column<string>[];

export interface ContractImportReport {
	format: "xlsx" | "csv" | null;
	encoding: "utf-8" | "shift_jis" | null;
	errors: ImportError[];
	errorCount: number;
	rows: number;
	skippedBlank: number;
	skippedTotal: number[];
	created: number;
	updated: number;
	unchanged: number;
	applied: boolean;
}

export interface ContractImportOptions {
	mode: "dry_run" | "apply";
	archive?: XlsxLimits;
	/** The city's own layout, read through a column mapping (docs/column-mapping.md). */
	mapping?: ColumnMapping | null;
}

const split = (text: string) => text.split(/[\s、,;；]+/u).filter((part) => part !== "");

class RollBack extends Error {
	readonly report: ContractImportReport;
	constructor(report: ContractImportReport) {
		super("import rolled back");
		this.report = report;
	}
}

function emptyReport(): ContractImportReport {
	return {
		format: null,
		encoding: null,
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
}

async function runImport(
	db: Db,
	actor: Actor,
	bytes: Uint8Array,
	options: ContractImportOptions,
	apply: (
		tx: Queryable,
		desk: ContractDesk,
		rows: string[][],
		report: ContractImportReport,
		write: boolean,
	) => Promise<void>,
	event: "contractor.imported" | "contract.imported",
): Promise<ContractImportReport> {
	authorize(actor, contractsPolicy, "contract.import");
	const report = emptyReport();
	let table: Awaited<ReturnType<typeof readTable>>;
	try {
		table = await readTable(bytes, CONTRACT_IMPORT_LIMITS, options.archive ?? DEFAULT_XLSX_LIMITS);
	} catch (error) {
		return fileError(report, error);
	}
	report.format = table.format;
	report.encoding = table.encoding;
	const desk = await openContractDesk(db, actor);
	if (options.mode === "dry_run") {
		await apply(db, desk, table.rows, report, false);
		return byRow(report);
	}
	try {
		return await inTransaction(db, async (tx) => {
			await apply(tx, desk, table.rows, report, true);
			byRow(report);
			if (report.errorCount > 0) throw new RollBack(report);
			report.applied = true;
			if (report.created + report.updated > 0)
				await recordAudit(tx, auditContextOf(actor), event, {
					format: report.format ?? "csv",
					created: report.created,
					updated: report.updated,
					unchanged: report.unchanged,
				});
			return report;
		});
	} catch (error) {
		if (error instanceof RollBack)
			return { ...error.report, created: 0, updated: 0, applied: false };
		throw error;
	}
}

/** Errors in row order (a row's own errors in column checks' order). */
function byRow(report: ContractImportReport): ContractImportReport {
	report.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	return report;
}

const orNull = (value: string) => (value === "" ? null : value);

/**
 * Import contractors (委託先) from XLSX or CSV (UTF-8 or Shift_JIS): new codes are created,
 * changed ones updated, identical rows left alone; all or nothing, every error with row and column.
 */
export function importContractors(
	db: Db,
	actor: Actor,
	bytes: Uint8Array,
	options: ContractImportOptions,
): Promise<ContractImportReport> {
	return runImport(
		db,
		actor,
		bytes,
		options,
		async (tx, desk, rows, report, write) => {
			const parsed = readRows(
				rows,
				CONTRACTOR_COLUMNS,
				report,
				mappedLayout(
					options.mapping,
					"contracts.contractors",
					CONTRACTOR_COLUMNS,
					words.contractors,
				),
			);
			const seen = new Map<string, number>();
			const existing = new Map(
				(
					await tx
						.selectFrom("contractors")
						.selectAll()
						.where("tenant_id", "=", desk.actor.tenantId)
						.execute()
				).map((row) => [row.code, row]),
			);
			for (const { row, values, ok } of parsed) {
				if (!ok) continue;
				const first = seen.get(values.code);
				if (first !== undefined) {
					report.errorCount++;
					report.errors.push(
						rowError(row, "委託先コード", "value_repeated", { value: values.code, first }),
					);
					continue;
				}
				seen.set(values.code, row);
				const input = {
					code: values.code,
					name: values.name,
					address: orNull(values.address),
					contact: orNull(values.contact),
					notes: orNull(values.notes),
				};
				const before = existing.get(values.code);
				if (!before) {
					report.created++;
					if (write && report.errorCount === 0) await createContractor(tx as never, desk, input);
					continue;
				}
				if (
					before.name === input.name &&
					before.address === input.address &&
					before.contact === input.contact &&
					before.notes === input.notes
				) {
					report.unchanged++;
					continue;
				}
				report.updated++;
				if (write && report.errorCount === 0)
					await updateContractor(tx as never, desk, before.id, {
						...input,
						version: Number(before.version),
					});
			}
		},
		"contractor.imported",
	);
}

/**
 * Import contracts from XLSX or CSV (UTF-8 or Shift_JIS), by contract number: contractor by its
 * code, the unit by its code, the assets by their IDs, the clauses by their codes; all or nothing.
 */
export function importContracts(
	db: Db,
	actor: Actor,
	bytes: Uint8Array,
	options: ContractImportOptions,
): Promise<ContractImportReport> {
	return runImport(
		db,
		actor,
		bytes,
		options,
		async (tx, desk, rows, report, write) => {
			const tenantId = desk.actor.tenantId;
			const parsed = readRows(
				rows,
				CONTRACT_COLUMNS,
				report,
				mappedLayout(options.mapping, "contracts.contracts", CONTRACT_COLUMNS, words.contracts),
			);
			const add = (error: ImportError) => {
				report.errorCount++;
				if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push(error);
			};
			const [contractors, units, contracts] = await Promise.all([
				tx
					.selectFrom("contractors")
					.select(["id", "code"])
					.where("tenant_id", "=", tenantId)
					.execute(),
				listOrgUnits(tx, tenantId),
				tx
					.selectFrom("contracts")
					.select([
						"id",
						"code",
						"title",
						"purpose",
						"contractor_id",
						"owner_unit_id",
						"starts_on",
						"ends_on",
						"clauses",
						"state",
						"version",
					])
					.where("tenant_id", "=", tenantId)
					.execute(),
			]);
			const contractorByCode = new Map(contractors.map((c) => [c.code, c.id]));
			const unitByCode = new Map(units.map((u) => [u.code, u.id]));
			const contractByCode = new Map(contracts.map((c) => [c.code, c]));
			const clauseCodes = contractClausesOf(desk.pack).map((c) => c.code);
			const allAssetCodes = [...new Set(parsed.flatMap((p) => split(p.values.assets)))];
			const assetByCode = new Map<string, string>();
			for (let i = 0; i < allAssetCodes.length; i += 500) {
				const found = await tx
					.selectFrom("assets")
					.select(["id", "code"])
					.where("tenant_id", "=", tenantId)
					.where("code", "in", allAssetCodes.slice(i, i + 500))
					.execute();
				for (const asset of found) assetByCode.set(asset.code, asset.id);
			}
			const linksOf = async (id: string) =>
				(
					await tx
						.selectFrom("contract_assets")
						.select("asset_id")
						.where("tenant_id", "=", tenantId)
						.where("contract_id", "=", id)
						.execute()
				)
					.map((link) => link.asset_id)
					.sort();
			const seen = new Map<string, number>();
			for (const { row, values, ok } of parsed) {
				const before = ok ? errorsBefore(report) : -1;
				const first = seen.get(values.code);
				if (first !== undefined)
					add(rowError(row, "契約番号", "value_repeated", { value: values.code, first }));
				else seen.set(values.code, row);
				const contractorId = contractorByCode.get(values.contractor);
				if (!contractorId)
					add(
						rowError(row, "委託先コード", "contractor_code_unknown", { value: values.contractor }),
					);
				const unitId = unitByCode.get(values.unit);
				if (!unitId) add(rowError(row, "主管課コード", "unit_not_found", { value: values.unit }));
				else if (!mayManageUnit(desk, unitId))
					add(rowError(row, "主管課コード", "unit_not_managed", { value: values.unit }));
				const startsOn = dateCell(values.startsOn, row, "契約開始日", add);
				const endsOn = dateCell(values.endsOn, row, "契約終了日", add);
				if (startsOn && endsOn && endsOn < startsOn) add(rowError(row, "契約終了日", "date_order"));
				const assetIds: string[] = [];
				for (const code of split(values.assets)) {
					const id = assetByCode.get(code);
					if (!id) add(rowError(row, "取扱資産", "contract_asset_code_unknown", { value: code }));
					else if (!assetIds.includes(id)) assetIds.push(id);
				}
				const clauses = split(values.clauses);
				for (const code of clauses)
					if (!clauseCodes.includes(code))
						add(
							rowError(row, "契約条項", "contract_clause_code_unknown", {
								value: code,
								choices: clauseCodes.join(" "),
							}),
						);
				const existing = contractByCode.get(values.code);
				if (
					existing &&
					(existing.state !== "active" || !mayManageUnit(desk, existing.owner_unit_id))
				)
					add(rowError(row, "契約番号", "contract_code_closed", { value: values.code }));
				if (errorsBefore(report) > before || !contractorId || !unitId || !startsOn) continue;
				const ordered = clauseCodes.filter((code) => clauses.includes(code));
				const input = {
					code: values.code,
					title: values.title,
					purpose: values.purpose,
					contractorId,
					orgUnitId: unitId,
					startsOn,
					endsOn: orNull(endsOn ?? ""),
					assetIds,
					clauses: ordered,
				};
				if (!existing) {
					report.created++;
					if (write && report.errorCount === 0) await createContract(tx as never, desk, input);
					continue;
				}
				const same =
					existing.title === input.title &&
					existing.purpose === input.purpose &&
					existing.contractor_id === input.contractorId &&
					existing.owner_unit_id === input.orgUnitId &&
					existing.starts_on === input.startsOn &&
					existing.ends_on === input.endsOn &&
					existing.clauses === JSON.stringify(ordered) &&
					(await linksOf(existing.id)).join() === [...assetIds].sort().join();
				if (same) {
					report.unchanged++;
					continue;
				}
				report.updated++;
				if (write && report.errorCount === 0)
					await updateContract(tx as never, desk, existing.id, {
						...input,
						version: Number(existing.version),
					});
			}
		},
		"contract.imported",
	);
}

const errorsBefore = (report: ContractImportReport) => report.errorCount;

export interface ContractFile {
	bytes: Uint8Array;
	type: string;
	fileName: string;
	rows: number;
}

async function writeFile(
	name: string,
	header: string[],
	rows: string[][],
	format: "csv" | "xlsx",
	title: "contractors" | "contracts",
): Promise<ContractFile> {
	const bytes =
		format === "csv"
			? new TextEncoder().encode(toCsv(header, rows))
			: await writeXlsx([
					{
						name,
						header,
						rows,
						textColumns: header.map((_, index) => index),
					},
				]);
	return {
		bytes,
		type: format === "csv" ? CSV_TYPE : XLSX_TYPE,
		fileName: datedFileName(title, format),
		rows: rows.length,
	};
}

/** The tenant's contractors in the import's layout: the file imports again unchanged. */
export async function exportContractors(db: Db, desk: ContractDesk, format: "csv" | "xlsx") {
	authorize(desk.actor, contractsPolicy, "contract.export");
	const rows = (
		await db
			.selectFrom("contractors")
			.selectAll()
			.where("tenant_id", "=", desk.actor.tenantId)
			.orderBy("code")
			.execute()
	).map((row) => [row.code, row.name, row.address ?? "", row.contact ?? "", row.notes ?? ""]);
	const file = await writeFile(
		"委託先",
		CONTRACTOR_COLUMNS.map((c) => c.header),
		rows,
		format,
		"contractors",
	);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "contractor.exported", { format, rows: file.rows }),
	);
	return file;
}

/** The contracts the caller sees, in the import's layout: the file imports again unchanged. */
export async function exportContracts(db: Db, desk: ContractDesk, format: "csv" | "xlsx") {
	authorize(desk.actor, contractsPolicy, "contract.export");
	const tenantId = desk.actor.tenantId;
	let query = db
		.selectFrom("contracts")
		.innerJoin("contractors", "contractors.id", "contracts.contractor_id")
		.innerJoin("org_units", "org_units.id", "contracts.owner_unit_id")
		.select([
			"contracts.id",
			"contracts.code",
			"contracts.title",
			"contracts.purpose",
			"contractors.code as contractor_code",
			"org_units.code as unit_code",
			"contracts.starts_on",
			"contracts.ends_on",
			"contracts.clauses",
		])
		.where("contracts.tenant_id", "=", tenantId);
	if (desk.visibleUnits !== undefined)
		query =
			desk.visibleUnits.size === 0
				? query.where("contracts.id", "=", "")
				: query.where("contracts.owner_unit_id", "in", [...desk.visibleUnits]);
	const contracts = await query.orderBy("contracts.code").execute();
	const links = await db
		.selectFrom("contract_assets")
		.innerJoin("assets", "assets.id", "contract_assets.asset_id")
		.select(["contract_assets.contract_id", "assets.code"])
		.where("contract_assets.tenant_id", "=", tenantId)
		.orderBy("assets.code")
		.execute();
	const assets = new Map<string, string[]>();
	for (const link of links) {
		const list = assets.get(link.contract_id);
		if (list) list.push(link.code);
		else assets.set(link.contract_id, [link.code]);
	}
	const rows = contracts.map((row) => [
		row.code,
		row.title,
		row.purpose,
		row.contractor_code,
		row.unit_code,
		row.starts_on,
		row.ends_on ?? "",
		(assets.get(row.id) ?? []).join(" "),
		(JSON.parse(row.clauses) as string[]).join(" "),
	]);
	const file = await writeFile(
		"業務委託契約",
		CONTRACT_COLUMNS.map((c) => c.header),
		rows,
		format,
		"contracts",
	);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "contract.exported", { format, rows: file.rows }),
	);
	return file;
}
