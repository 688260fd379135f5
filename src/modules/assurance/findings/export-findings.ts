import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { formatDate, formatDateTime } from "../../../shared/dates.ts";
import { refuseOversizedExport } from "../../../shared/export-limit.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { writeXlsx } from "../../../shared/tabular.ts";
import { term } from "../../../shared/vocabulary.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";
import type { FindingDesk } from "./finding-desk.ts";
import { isOverdue } from "./finding-rules.ts";
import { findingsPolicy } from "./findings.policy.ts";
import { listFindings } from "./findings.repository.ts";
import type { FindingFilter } from "./findings.schemas.ts";
import { unitNames } from "./read-findings.ts";

/** The most rows one export carries; a register is far smaller in practice. */
export const FINDINGS_EXPORT_LIMIT = 10_000;

const HEADER = [
	"指摘番号",
	"指摘事項",
	"内容",
	"発生源",
	"発生源の記録",
	"該当条項",
	"所管",
	"重大度",
	"状態",
	"是正期限",
	"期限超過",
	"是正処置",
	"是正責任者",
	"完了の内容",
	"完了記録者",
	"完了日時",
	"確認者",
	"確認日時",
	"確認コメント",
	"リスク受容の理由",
	"登録者",
	"登録日時",
];

/**
 * The caller's findings under the register's filter as an XLSX workbook, with Japanese headers,
 * the tenant's date style and the shared words for states; the export is audit-logged. A filter
 * matching more than `maxRows` is refused, never cut short.
 */
export async function exportFindings(
	db: Db,
	desk: FindingDesk,
	filter: FindingFilter,
	maxRows: number = FINDINGS_EXPORT_LIMIT,
): Promise<{ body: Buffer; fileName: string }> {
	authorize(desk.actor, findingsPolicy, "finding.read");
	const tenantId = desk.actor.tenantId;
	const { rows, total } = await listFindings(
		db,
		{ tenantId, scope: desk.scope, today: desk.today },
		filter,
		{ offset: 0, limit: maxRows },
	);
	refuseOversizedExport(total, maxRows);
	const [units, style] = await Promise.all([
		unitNames(db, tenantId),
		tenantDateStyle(db, tenantId),
	]);
	const date = (value: string | null) => (value ? formatDate(value, style) : "");
	const dateTime = (value: string | null) => (value ? formatDateTime(value, style) : "");
	const table = rows.map((row) => [
		row.reference,
		row.title,
		row.description,
		term("findingSource", row.source),
		row.source_label ?? "",
		row.clause,
		units.get(row.owner_unit_id) ?? "",
		term("findingSeverity", row.severity),
		term("findingState", row.state),
		date(row.due_on),
		isOverdue(row, desk.today) ? "超過" : "",
		row.plan ?? "",
		row.plan_owner_label ?? "",
		row.done_note ?? "",
		row.done_by_label ?? "",
		dateTime(row.done_at),
		row.verified_by_label ?? "",
		dateTime(row.verified_at),
		row.verification_comment ?? "",
		row.risk_acceptance_reason ?? "",
		row.raised_by_label,
		dateTime(row.created_at),
	]);
	const applied = Object.fromEntries(
		Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
	);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "finding.exported", {
			format: "xlsx",
			rows: table.length,
			filter: applied,
		}),
	);
	return {
		body: await writeXlsx([
			{
				name: "指摘事項管理簿",
				header: HEADER,
				rows: table,
				widths: [
					14, 30, 40, 14, 24, 16, 20, 8, 16, 14, 8, 40, 16, 30, 16, 22, 16, 22, 30, 30, 16, 22,
				],
			},
		]),
		fileName: datedFileName("findings", "xlsx"),
	};
}
