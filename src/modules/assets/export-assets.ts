import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { toCsv } from "../../shared/csv.ts";
import { type ListValidation, listSource, type SheetOut, writeXlsx } from "../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
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

/** The second sheet of the template, and the drop-downs it feeds. */
const CHOICES_SHEET = "選択肢";
/** Combinations of CIA levels listed for the drop-down, at most (4 × 4 × 4 is 64). */
const MAX_COMBINATIONS = 300;

const columnOf = (key: (typeof LEDGER_COLUMNS)[number]["key"]) =>
	LEDGER_COLUMNS.findIndex((column) => column.key === key);

/** Every combination of one level per axis, written as the 格付け column takes it (`C3A/I2/A2`). */
function combinations(lists: readonly (readonly { code: string }[])[]): string[] {
	return lists.reduce<string[]>(
		(acc, levels) =>
			acc.flatMap((prefix) => levels.map((l) => (prefix ? `${prefix}/${l.code}` : l.code))),
		[""],
	);
}

/**
 * The second sheet of the template: what each coded column accepts in this tenant, in groups;
 * the ledger sheet's closed columns (種別, 所管課, ネットワーク区分, 格付け, 個人情報, 状態) get
 * Excel drop-downs over their group's values.
 */
async function choicesSheet(
	db: Queryable,
	ledger: Ledger,
): Promise<{ sheet: SheetOut; validations: ListValidation[] }> {
	const { scheme } = ledger;
	const rows: string[][] = [];
	const validations: ListValidation[] = [];
	/** Add a group of rows; when `column` is given, the group's values feed its drop-down. */
	const group = (label: string, values: string[][], column?: number) => {
		const from = rows.length + 2;
		for (const [value = "", description = ""] of values) rows.push([label, value, description]);
		const formula = listSource(CHOICES_SHEET, 1, from, rows.length + 1);
		if (column !== undefined && formula) validations.push({ column, formula, errorStyle: "stop" });
	};
	const axes = scheme.kind === "cia" ? ["機密性", "完全性", "可用性"] : ["重要性"];
	const lists = levelLists(scheme);
	for (const [index, levels] of lists.entries()) {
		const values = levels.map((level) => [level.code, level.label.ja]);
		group(
			`格付け（${axes[index] ?? ""}）`,
			values,
			lists.length === 1 ? columnOf("classification") : undefined,
		);
	}
	const example = lists.map((levels) => levels.at(-1)?.code ?? "").join("/");
	group("格付けの書き方", [[example, `${scheme.name.ja}（${scheme.code}）`]]);
	const combined = lists.length > 1 ? combinations(lists) : [];
	if (combined.length > 0 && combined.length <= MAX_COMBINATIONS) {
		group(
			"格付け（組合せ）",
			combined.map((code) => [code, ""]),
			columnOf("classification"),
		);
	}
	const units = await listOrgUnits(db, ledger.actor.tenantId);
	const managed = units.filter((u) => inScope(ledger.write, u.id));
	group(
		"所管課",
		managed.map((unit) => [unit.code, unit.name]),
		columnOf("unit"),
	);
	const vocabularies: [string, Record<string, string>, number][] = [
		["種別", KIND_LABELS, columnOf("kind")],
		["ネットワーク区分", ZONE_LABELS, columnOf("zone")],
		["個人情報", PERSONAL_DATA_LABELS, columnOf("personalData")],
		["状態", LIFECYCLE_LABELS, columnOf("lifecycle")],
	];
	for (const [header, labels, column] of vocabularies) {
		group(
			header,
			Object.entries(labels).map(([code, label]) => [label, code]),
			column,
		);
	}
	const sheet = { name: CHOICES_SHEET, header: ["列", "値", "説明"], rows, widths: [20, 24, 50] };
	return { sheet, validations };
}

/**
 * An empty ledger in the documented layout. The XLSX template has a second sheet listing the
 * tenant's classification levels, the units the caller manages and the accepted labels, and
 * drop-downs over them on the ledger's closed columns.
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
	const choices = await choicesSheet(db, ledger);
	const bytes = await writeXlsx([
		{
			name: LEDGER_SHEET,
			header: [...LEDGER_HEADERS],
			rows: [],
			widths: WIDTHS,
			validations: choices.validations,
		},
		choices.sheet,
	]);
	return { bytes, type: XLSX_TYPE, rows: 0 };
}
