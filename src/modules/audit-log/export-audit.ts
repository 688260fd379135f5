import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { toCsv } from "../../shared/csv.ts";
import { formatDateTime } from "../../shared/dates.ts";
import { refuseOversizedExport } from "../../shared/export-limit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { auditLogPolicy } from "./audit-log.policy.ts";
import { type AuditFilter, listAuditEvents } from "./audit-log.repository.ts";
import { auditContextOf, recordAudit } from "./record-audit.ts";

/** The most events one CSV carries; a longer period is refused, to be narrowed. */
export const EXPORT_LIMIT = 100_000;

/**
 * The caller's tenant's events under the filter, newest first, as CSV (UTF-8 with BOM) with
 * a Japan-time column in the tenant's date style and a UTC one; the export is itself audit-logged. A filter matching more than
 * `maxRows` is refused, never cut short: narrow the period instead.
 */
export async function exportAuditCsv(
	db: Db,
	actor: Actor,
	filter: AuditFilter,
	maxRows: number = EXPORT_LIMIT,
): Promise<string> {
	authorize(actor, auditLogPolicy, "audit-log.export");
	const { rows, total } = await listAuditEvents(db, actor.tenantId, filter, {
		limit: maxRows,
		offset: 0,
	});
	refuseOversizedExport(total, maxRows);
	const style = await tenantDateStyle(db, actor.tenantId);
	const csv = toCsv(
		[
			"seq",
			"日時(JST)",
			"occurred_at(UTC)",
			"種別",
			"実行者",
			"実行者ID",
			"IPアドレス",
			"対象種別",
			"対象ID",
			"内容",
			"hash",
		],
		rows.map((r) => [
			String(r.seq),
			formatDateTime(r.occurred_at, style, "ja", { seconds: true }),
			r.occurred_at,
			r.type,
			r.actor_label ?? "",
			r.actor_id ?? "",
			r.ip ?? "",
			r.record_type ?? "",
			r.record_id ?? "",
			r.data,
			r.hash,
		]),
	);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(actor), "audit.exported", {
			format: "csv",
			rows: rows.length,
		}),
	);
	return csv;
}
