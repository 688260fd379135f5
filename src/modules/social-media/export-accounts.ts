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
import { holderIds, registerNames } from "./read-accounts.ts";
import { socialMediaPolicy } from "./social-media.policy.ts";
import { listSocialAccounts } from "./social-media.repository.ts";
import type { SocialMediaDesk } from "./social-media-desk.ts";
import type { SocialMediaState } from "./social-media-rules.ts";

/** The most rows one export carries; a register is far smaller in practice. */
export const SOCIAL_MEDIA_EXPORT_LIMIT = 10_000;

export const SOCIAL_MEDIA_EXPORT_HEADER = [
	"サービス",
	"アカウント名",
	"所管課",
	"状態",
	"休眠",
	"目的",
	"責任者",
	"運用手順",
	"発信してよい内容",
	"認証情報の管理者",
	"多要素認証",
	"最終見直し日",
	"決定者",
	"決定日時",
	"登録者",
	"登録日時",
];

/**
 * The register of official social-media accounts (公式SNSアカウント台帳), as XLSX or CSV (UTF-8
 * with BOM), with the tenant's date style; the export is audit-logged. Who holds the credentials
 * is named; the credentials are never in Mamori.
 */
export async function exportSocialAccounts(
	db: Db,
	desk: SocialMediaDesk,
	query: {
		format: "csv" | "xlsx";
		state?: SocialMediaState | undefined;
		dormant?: "true" | "false" | undefined;
	},
	maxRows: number = SOCIAL_MEDIA_EXPORT_LIMIT,
): Promise<{ bytes: Uint8Array; type: string; fileName: string }> {
	authorize(desk.actor, socialMediaPolicy, "social_media.export");
	const tenantId = desk.actor.tenantId;
	const { rows, total } = await listSocialAccounts(
		db,
		tenantId,
		{
			state: query.state,
			dormant: query.dormant === undefined ? undefined : query.dormant === "true",
		},
		{ offset: 0, limit: maxRows },
	);
	refuseOversizedExport(total, maxRows);
	const [names, style] = await Promise.all([
		registerNames(db, tenantId),
		tenantDateStyle(db, tenantId),
	]);
	const table = [...rows].reverse().map((row) => [
		row.service,
		row.handle,
		names.units.get(row.org_unit_id) ?? "",
		term("socialMediaState", row.state as SocialMediaState),
		row.dormant_since ? "休眠" : "",
		row.purpose,
		names.staff.get(row.responsible_staff_id)?.name ?? "",
		names.documents.get(row.procedure_document_id) ?? "",
		row.posting_rules,
		holderIds(row)
			.map((id) => names.staff.get(id)?.name ?? "")
			.join("、"),
		row.mfa_enabled ? "有効" : "無効",
		row.last_reviewed_on ? formatDate(row.last_reviewed_on, style) : "",
		row.decided_by_label ?? "",
		row.decided_at ? formatDateTime(row.decided_at, style) : "",
		row.registered_by_label,
		formatDateTime(row.created_at, style),
	]);
	const filter: Record<string, string> = {};
	if (query.state) filter.state = query.state;
	if (query.dormant) filter.dormant = query.dormant;
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "social_media.exported", {
			format: query.format,
			rows: table.length,
			filter,
		}),
	);
	if (query.format === "csv") {
		return {
			bytes: new TextEncoder().encode(toCsv(SOCIAL_MEDIA_EXPORT_HEADER, table)),
			type: "text/csv; charset=utf-8",
			fileName: datedFileName("socialMediaAccounts", "csv"),
		};
	}
	const bytes = await writeXlsx([
		{
			name: "公式SNSアカウント台帳",
			header: SOCIAL_MEDIA_EXPORT_HEADER,
			rows: table,
			widths: [14, 24, 20, 12, 8, 40, 16, 24, 40, 30, 10, 14, 16, 22, 16, 22],
		},
	]);
	return {
		bytes: new Uint8Array(bytes),
		type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		fileName: datedFileName("socialMediaAccounts", "xlsx"),
	};
}
