import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { toCsv } from "../../../shared/csv.ts";
import { type DateStyle, formatDate, formatDateTime } from "../../../shared/dates.ts";
import { refuseOversizedExport } from "../../../shared/export-limit.ts";
import { writeXlsx } from "../../../shared/tabular.ts";
import { termsOf } from "../../../shared/vocabulary.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";
import type { AssetZone } from "../assets.schemas.ts";
import { CSV_TYPE, XLSX_TYPE } from "../export-assets.ts";
import { ZONE_LABELS } from "../ledger-format.ts";
import { findTakeOuts } from "./list-take-outs.ts";
import type { TakeOutDesk } from "./take-out-desk.ts";
import { takeOutsPolicy } from "./take-outs.policy.ts";
import type { TakeOutQuery, TakeOutView } from "./take-outs.schemas.ts";

/** The most rows one export carries; far more than a tenant's take-outs in practice. */
export const TAKE_OUT_EXPORT_LIMIT = 10_000;

export const TAKE_OUT_SHEET = "持ち出し管理簿";

/** Column headings of the export, in Japanese as the office reads it. */
export const TAKE_OUT_HEADER = [
	"資産番号",
	"資産名",
	"所管",
	"ネットワーク区分",
	"状況",
	"期限超過",
	"目的",
	"持ち出し先",
	"持ち出し日",
	"返却予定日",
	"暗号化",
	"施錠ケース",
	"申請者",
	"申請日時",
	"承認・却下者",
	"承認・却下日時",
	"承認・却下理由",
	"返却記録者",
	"返却日時",
	"返却時の状態",
];

const WIDTHS = [14, 28, 18, 20, 10, 8, 30, 20, 12, 12, 8, 10, 18, 26, 18, 26, 30, 18, 26, 30];

const STATUS_JA: Record<TakeOutView["status"], string> = termsOf("takeOutStatus");

const yesNo = (value: boolean) => (value ? "あり" : "なし");

/** One take-out as a row of text, for XLSX and CSV alike; dates the tenant's way. */
export function takeOutRow(item: TakeOutView, style: DateStyle): string[] {
	const day = (value: string) => formatDate(value, style);
	const at = (value: string | null) => (value ? formatDateTime(value, style) : "");
	return [
		item.asset.code,
		item.asset.name,
		item.asset.unitName,
		ZONE_LABELS[item.asset.zone as AssetZone] ?? item.asset.zone,
		STATUS_JA[item.status] ?? item.status,
		item.overdue ? "超過" : "",
		item.purpose,
		item.destination,
		day(item.from),
		day(item.until),
		yesNo(item.encrypted),
		yesNo(item.lockedCase),
		item.requestedBy,
		at(item.requestedAt),
		item.decidedBy ?? "",
		at(item.decidedAt),
		item.decisionReason ?? "",
		item.returnedBy ?? "",
		at(item.returnedAt),
		item.returnNote ?? "",
	];
}

/** The list's filters (not its page size): what the export is of. */
export type TakeOutExportFilter = Omit<TakeOutQuery, "offset" | "limit">;

/**
 * The take-outs the caller may see under the list's filter (the same scope and filter code as
 * `GET /api/take-outs`, without its page size), newest request first, as XLSX or CSV (UTF-8 with
 * BOM) with Japanese headers. The export is audit-logged with its filter and row count. A filter
 * matching more than `maxRows` is refused (`validation_failed`), never cut short.
 *
 * @example
 * const file = await exportTakeOuts(db, desk, { view: "all", status: "overdue" }, "csv");
 */
export async function exportTakeOuts(
	db: Db,
	desk: TakeOutDesk,
	filter: TakeOutExportFilter,
	format: "xlsx" | "csv",
	now: string = new Date().toISOString(),
	maxRows: number = TAKE_OUT_EXPORT_LIMIT,
): Promise<{ bytes: Uint8Array; type: string; rows: number }> {
	const { actor } = desk.ledger;
	authorize(actor, takeOutsPolicy, "take_out.read");
	const { items, total } = await findTakeOuts(
		db,
		desk,
		{ ...filter, offset: 0, limit: maxRows },
		now,
	);
	refuseOversizedExport(total, maxRows);
	const style = await tenantDateStyle(db, actor.tenantId);
	const rows = items.map((item) => takeOutRow(item, style));
	const bytes =
		format === "csv"
			? new TextEncoder().encode(toCsv(TAKE_OUT_HEADER, rows))
			: new Uint8Array(
					await writeXlsx([
						{ name: TAKE_OUT_SHEET, header: TAKE_OUT_HEADER, rows, widths: WIDTHS },
					]),
				);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(actor), "take_out.exported", {
			format,
			rows: rows.length,
			filter: {
				view: filter.view,
				status: filter.status ?? null,
				assetId: filter.assetId ?? null,
			},
		}),
	);
	return { bytes, type: format === "csv" ? CSV_TYPE : XLSX_TYPE, rows: rows.length };
}
