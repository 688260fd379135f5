import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { toCsv } from "../../shared/csv.ts";
import { formatDate, formatDateTime } from "../../shared/dates.ts";
import { refuseOversizedExport } from "../../shared/export-limit.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { writeXlsx } from "../../shared/tabular.ts";
import { term } from "../../shared/vocabulary.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import type { ExceptionDesk } from "./exception-desk.ts";
import type { ExceptionState } from "./exception-rules.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import { listExceptions } from "./exceptions.repository.ts";
import { unitNames } from "./read-exceptions.ts";

/** The most rows one export carries; a register is far smaller in practice. */
export const EXCEPTIONS_EXPORT_LIMIT = 10_000;

export const EXCEPTION_EXPORT_HEADER = [
	"例外番号",
	"状態",
	"申請部署",
	"対象の条項・規則",
	"例外の内容",
	"理由",
	"代替措置",
	"開始日",
	"終了日",
	"決定者",
	"決定日時",
	"決定の理由",
	"更新元",
	"申請者",
	"申請日時",
];

/**
 * The periodic report of exceptions (例外措置の実施状況) under a filter (state, fiscal year), as
 * XLSX or CSV (UTF-8 with BOM), with the tenant's date style; the export is audit-logged. A
 * filter matching more than the limit is refused, never cut short.
 */
export async function exportExceptions(
	db: Db,
	desk: ExceptionDesk,
	query: {
		format: "csv" | "xlsx";
		state?: ExceptionState | undefined;
		fiscalYear?: number | undefined;
	},
	maxRows: number = EXCEPTIONS_EXPORT_LIMIT,
): Promise<{ bytes: Uint8Array; type: string; fileName: string }> {
	authorize(desk.actor, exceptionsPolicy, "exception.export");
	const tenantId = desk.actor.tenantId;
	const { rows, total } = await listExceptions(
		db,
		tenantId,
		{ state: query.state, fiscalYear: query.fiscalYear },
		{ offset: 0, limit: maxRows },
	);
	refuseOversizedExport(total, maxRows);
	const [units, style] = await Promise.all([
		unitNames(db, tenantId),
		tenantDateStyle(db, tenantId),
	]);
	const references = new Map(rows.map((row) => [row.id, row.reference]));
	const table = [...rows]
		.reverse()
		.map((row) => [
			row.reference,
			term("exceptionState", row.state as ExceptionState),
			units.get(row.org_unit_id) ?? "",
			row.clause,
			row.deviation,
			row.reason,
			row.compensating_measures,
			formatDate(row.starts_on, style),
			formatDate(row.ends_on, style),
			row.decided_by_label ?? "",
			row.decided_at ? formatDateTime(row.decided_at, style) : "",
			row.decision_reason ?? "",
			row.renewal_of ? (references.get(row.renewal_of) ?? "") : "",
			row.requested_by_label,
			formatDateTime(row.created_at, style),
		]);
	const filter: Record<string, string> = {};
	if (query.state) filter.state = query.state;
	if (query.fiscalYear !== undefined) filter.fiscalYear = String(query.fiscalYear);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "exception.exported", {
			format: query.format,
			rows: table.length,
			filter,
		}),
	);
	if (query.format === "csv") {
		return {
			bytes: new TextEncoder().encode(toCsv(EXCEPTION_EXPORT_HEADER, table)),
			type: "text/csv; charset=utf-8",
			fileName: datedFileName("exceptions", "csv"),
		};
	}
	const bytes = await writeXlsx([
		{
			name: "例外措置一覧",
			header: EXCEPTION_EXPORT_HEADER,
			rows: table,
			widths: [16, 10, 20, 24, 40, 40, 40, 14, 14, 16, 22, 30, 16, 16, 22],
		},
	]);
	return {
		bytes: new Uint8Array(bytes),
		type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		fileName: datedFileName("exceptions", "xlsx"),
	};
}
