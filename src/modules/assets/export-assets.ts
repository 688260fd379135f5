import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { toCsv } from "../../shared/csv.ts";
import { type SheetOut, writeXlsx } from "../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../audit/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { inScope } from "./asset-scope.ts";
import { assetsPolicy } from "./assets.policy.ts";
import { type AssetFilter, type AssetRow, filterAssets, withUnit } from "./assets.repository.ts";
import type { AssetKind, AssetZone, LifecycleState } from "./assets.schemas.ts";
import { levelLists } from "./classification.ts";
import { type Ledger, openLedger } from "./ledger.ts";
import {
	KIND_LABELS,
	LEDGER_COLUMNS,
	LEDGER_HEADERS,
	LIFECYCLE_LABELS,
	PERSONAL_DATA_LABELS,
	ZONE_LABELS,
} from "./ledger-format.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";
export const LEDGER_SHEET = "情報資産管理台帳";
/** Rows read from the database per query while exporting. */
const PAGE = 5_000;

export interface LedgerFile {
	bytes: Uint8Array;
	type: string;
	rows: number;
}

const WIDTHS = LEDGER_COLUMNS.map((column) => Math.max(12, Math.min(50, column.max / 4)));

/** One asset as a row of the documented layout: labels for codes, the unit's code and name. */
export function ledgerRow(row: AssetRow): string[] {
	const values: Record<(typeof LEDGER_COLUMNS)[number]["key"], string> = {
		code: row.code,
		name: row.name,
		kind: KIND_LABELS[row.kind as AssetKind] ?? row.kind,
		unit: row.unit_code,
		unitName: row.unit_name,
		managerName: row.manager_name ?? "",
		location: row.location ?? "",
		zone: ZONE_LABELS[row.zone as AssetZone] ?? row.zone,
		classification: row.class_key,
		personalData:
			PERSONAL_DATA_LABELS[row.personal_data as keyof typeof PERSONAL_DATA_LABELS] ??
			row.personal_data,
		retention: row.retention ?? "",
		lifecycle: LIFECYCLE_LABELS[row.lifecycle as LifecycleState] ?? row.lifecycle,
		relatedSystem: row.related_system ?? "",
		notes: row.notes ?? "",
	};
	return LEDGER_COLUMNS.map((column) => values[column.key]);
}

/** Every asset the caller may see under the filter, in asset-ID order, a page at a time. */
async function* readAssets(db: Queryable, ledger: Ledger, filter: AssetFilter) {
	let after: string | null = null;
	for (;;) {
		let query = withUnit(
			filterAssets(db.selectFrom("assets"), ledger.actor.tenantId, ledger.read, filter),
		);
		if (after !== null) query = query.where("assets.code", ">", after);
		const page: AssetRow[] = await query.orderBy("assets.code").limit(PAGE).execute();
		yield* page;
		const last = page.at(-1);
		if (page.length < PAGE || !last) return;
		after = last.code;
	}
}

/**
 * The assets the caller may see under `filter` (the same filters as the ledger list), as XLSX
 * or CSV (UTF-8 with BOM) in the documented layout, so that the file can be edited and imported
 * again. The export is audit-logged with its row count.
 *
 * @example
 * const file = await exportAssets(db, actor, { zone: "lgwan" }, "xlsx");
 */
export async function exportAssets(
	db: Db,
	actor: Actor,
	filter: AssetFilter,
	format: "xlsx" | "csv",
): Promise<LedgerFile> {
	authorize(actor, assetsPolicy, "asset.read");
	const ledger = await openLedger(db, actor);
	const rows: string[][] = [];
	for await (const row of readAssets(db, ledger, filter)) rows.push(ledgerRow(row));
	const bytes =
		format === "csv"
			? new TextEncoder().encode(toCsv([...LEDGER_HEADERS], rows))
			: await writeXlsx([
					{ name: LEDGER_SHEET, header: [...LEDGER_HEADERS], rows, widths: WIDTHS },
				]);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(actor), "asset.exported", { format, rows: rows.length }),
	);
	return { bytes, type: format === "csv" ? CSV_TYPE : XLSX_TYPE, rows: rows.length };
}

/** The second sheet of the template: what each coded column accepts in this tenant. */
async function choicesSheet(db: Queryable, ledger: Ledger): Promise<SheetOut> {
	const { scheme } = ledger;
	const rows: string[][] = [];
	const axes = scheme.kind === "cia" ? ["機密性", "完全性", "可用性"] : ["重要性"];
	for (const [index, levels] of levelLists(scheme).entries()) {
		for (const level of levels) {
			rows.push([`格付け（${axes[index] ?? ""}）`, level.code, level.label.ja]);
		}
	}
	const example = levelLists(scheme)
		.map((levels) => levels.at(-1)?.code ?? "")
		.join("/");
	rows.push(["格付けの書き方", example, `${scheme.name.ja}（${scheme.code}）`]);
	const units = await listOrgUnits(db, ledger.actor.tenantId);
	for (const unit of units.filter((u) => inScope(ledger.write, u.id))) {
		rows.push(["所管課", unit.code, unit.name]);
	}
	const vocabularies: [string, Record<string, string>][] = [
		["種別", KIND_LABELS],
		["ネットワーク区分", ZONE_LABELS],
		["個人情報", PERSONAL_DATA_LABELS],
		["状態", LIFECYCLE_LABELS],
	];
	for (const [header, labels] of vocabularies) {
		for (const [code, label] of Object.entries(labels)) rows.push([header, label, code]);
	}
	return { name: "選択肢", header: ["列", "値", "説明"], rows, widths: [20, 24, 50] };
}

/**
 * An empty ledger in the documented layout. The XLSX template has a second sheet listing the
 * tenant's classification levels, the units the caller manages and the accepted labels.
 */
export async function ledgerTemplate(
	db: Queryable,
	actor: Actor,
	format: "xlsx" | "csv",
): Promise<LedgerFile> {
	authorize(actor, assetsPolicy, "asset.import");
	if (format === "csv") {
		const bytes = new TextEncoder().encode(toCsv([...LEDGER_HEADERS], []));
		return { bytes, type: CSV_TYPE, rows: 0 };
	}
	const ledger = await openLedger(db, actor);
	const bytes = await writeXlsx([
		{ name: LEDGER_SHEET, header: [...LEDGER_HEADERS], rows: [], widths: WIDTHS },
		await choicesSheet(db, ledger),
	]);
	return { bytes, type: XLSX_TYPE, rows: 0 };
}
