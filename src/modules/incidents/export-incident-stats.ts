import type { Db, Engine } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { toCsv } from "../../shared/csv.ts";
import { type DateStyle, formatDate, formatFiscalYear } from "../../shared/dates.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { writeXlsx } from "../../shared/tabular.ts";
import { term } from "../../shared/vocabulary.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import type { IncidentStats, OpenObligations } from "./incident-stats.schemas.ts";
import { incidentStats, openObligations } from "./incident-stats.ts";

const HEADER = ["集計", "項目", "値"];

type Cell = string | number;

/** Hours as the export shows them: hours to one decimal, or empty when nothing was measured. */
const hours = (value: number | null): Cell => (value === null ? "" : value);

/**
 * The figures as rows of one long table (集計 / 項目 / 値), the same in CSV and XLSX, so a sheet
 * of several years can be stacked and pivoted in Excel.
 */
export function statsRows(stats: IncidentStats, open: OpenObligations, style: DateStyle): Cell[][] {
	const rows: Cell[][] = [
		["概要", "年度", formatFiscalYear(stats.fiscalYear, style)],
		["概要", "報告された事案", stats.total],
	];
	if (stats.recalculating || open.recalculating) {
		// A file outlives the moment: it says that its report counts predate a change of the rules.
		rows.push([
			"概要",
			"再計算中",
			"報告ルールの変更を反映中のため、法定報告の件数は変更前のルールによるものです",
		]);
	}
	for (const { state, count } of stats.byState) {
		rows.push(["状態別", term("incidentState", state), count]);
	}
	for (const { code, label, count } of stats.byCategory) {
		rows.push(["区分別", label?.ja ?? code ?? "未分類（トリアージ前）", count]);
	}
	for (const { unit, count } of stats.byUnit) {
		rows.push(["所属別", unit ? `${unit.name}（${unit.code}）` : "所属なし", count]);
	}
	for (const [name, duration] of [
		["トリアージまで", stats.timeToTriage],
		["完了まで", stats.timeToClose],
	] as const) {
		rows.push(
			["対応時間", `${name}の事案数`, duration.cases],
			["対応時間", `${name}の時間（中央値・時間）`, hours(duration.medianHours)],
			["対応時間", `${name}の時間（平均・時間）`, hours(duration.meanHours)],
		);
	}
	for (const entry of stats.reporting) {
		const stage = term("filingStage", entry.stage);
		rows.push(
			["法定報告", `${stage}: 期限内に提出`, entry.onTime],
			["法定報告", `${stage}: 期限後に提出`, entry.late],
			["法定報告", `${stage}: 未提出（期限超過）`, entry.overdue],
			["法定報告", `${stage}: 未提出（期限前）`, entry.pending],
		);
	}
	rows.push(["未提出の報告（全年度）", "件数", open.total]);
	for (const item of open.items) {
		rows.push([
			"未提出の報告（全年度）",
			`${item.reference} ${item.authority.ja} ${item.label.ja}${item.overdue ? "（期限超過）" : ""}`,
			formatDate(item.due, style),
		]);
	}
	return rows;
}

/**
 * The year's incident figures, with the reports owed and not filed, as CSV (Excel-safe) or XLSX under a Japanese dated name
 * (`インシデント統計_令和8年度_20270410.xlsx`); the export is audit-logged.
 *
 * @example
 * const file = await exportIncidentStats(deps, desk, { fiscalYear: 2026 }, "xlsx");
 */
export async function exportIncidentStats(
	deps: { db: Db; engine: Engine },
	desk: IncidentDesk,
	query: { fiscalYear?: number | undefined },
	format: "csv" | "xlsx",
): Promise<{ body: string | Buffer; fileName: string }> {
	const { db } = deps;
	const stats = await incidentStats(deps, desk, query);
	const open = await openObligations(deps, desk);
	const style = await tenantDateStyle(db, desk.actor.tenantId);
	const rows = statsRows(stats, open, style);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "incident.stats_exported", {
			fiscalYear: stats.fiscalYear,
			format,
		}),
	);
	const fileName = datedFileName("incidentStats", format, new Date(), [
		formatFiscalYear(stats.fiscalYear, style),
	]);
	if (format === "csv") {
		return {
			body: toCsv(
				HEADER,
				rows.map((cells) => cells.map(String)),
			),
			fileName,
		};
	}
	return {
		body: await writeXlsx([
			{ name: "インシデント統計", header: HEADER, rows, widths: [22, 50, 16] },
		]),
		fileName,
	};
}
