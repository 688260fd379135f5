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
import { filterContext, presentRisk, type Register } from "./register.ts";
import { risksPolicy } from "./risks.policy.ts";
import { linkedAssets, listRisks } from "./risks.repository.ts";
import type { RiskFilter, RiskQuery } from "./risks.schemas.ts";

/** The most rows one export carries; a register is far smaller in practice. */
export const EXPORT_LIMIT = 10_000;

const HEADER = [
	"リスク名",
	"説明",
	"脅威",
	"所管",
	"情報資産",
	"情報システム",
	"固有・発生可能性",
	"固有・影響度",
	"固有スコア",
	"固有レベル",
	"残留・発生可能性",
	"残留・影響度",
	"残留スコア",
	"残留レベル",
	"既存の管理策",
	"対応",
	"対応計画",
	"対応責任者",
	"対応期限",
	"期限超過",
	"状況",
	"受容者",
	"受容日時",
	"受容理由",
	"更新日時",
];

/**
 * The caller's risks under the register's filter, as CSV (Excel-safe) or XLSX, with Japanese
 * headers and labels; the export itself is audit-logged. A filter matching more than `maxRows`
 * is refused, never cut short.
 */
export async function exportRisks(
	db: Db,
	register: Register,
	query: RiskFilter & Pick<RiskQuery, "sort" | "order">,
	format: "csv" | "xlsx",
	maxRows: number = EXPORT_LIMIT,
): Promise<{ body: string | Buffer; fileName: string }> {
	authorize(register.actor, risksPolicy, "risk.read");
	const { rows, total } = await listRisks(db, filterContext(register), {
		...query,
		offset: 0,
		limit: maxRows,
	});
	refuseOversizedExport(total, maxRows);
	const assets = await linkedAssets(
		db,
		register.actor.tenantId,
		rows.map((row) => row.id),
	);
	const style = await tenantDateStyle(db, register.actor.tenantId);
	const table = rows.map((row) => {
		const risk = presentRisk(register, row, assets);
		const label = (steps: { ja: string }[], step: number) => steps[step - 1]?.ja ?? String(step);
		const { likelihood, impact } = register.pack.riskMatrix;
		return [
			risk.title,
			risk.description,
			risk.threat.label?.ja ?? risk.threat.code,
			risk.ownerUnit.name,
			risk.assets.map((asset) => `${asset.code} ${asset.name}`).join("\n"),
			risk.systemName ?? "",
			label(likelihood, risk.inherent.likelihood),
			label(impact, risk.inherent.impact),
			risk.inherent.score,
			term("riskBand", risk.inherent.band),
			label(likelihood, risk.residual.likelihood),
			label(impact, risk.residual.impact),
			risk.residual.score,
			term("riskBand", risk.residual.band),
			risk.existingControls ?? "",
			risk.treatment ? term("riskTreatment", risk.treatment) : "",
			risk.treatmentPlan ?? "",
			risk.treatmentOwner?.displayName ?? "",
			risk.treatmentDue ? formatDate(risk.treatmentDue, style) : "",
			risk.overdue ? "超過" : "",
			term("riskStatus", risk.status),
			risk.acceptance?.byLabel ?? "",
			risk.acceptance ? formatDateTime(risk.acceptance.at, style) : "",
			risk.acceptance?.reason ?? "",
			formatDateTime(risk.updatedAt, style),
		];
	});
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(register.actor), "risk.exported", {
			format,
			rows: table.length,
		}),
	);
	const fileName = datedFileName("risks", format);
	if (format === "csv") {
		return {
			body: toCsv(
				HEADER,
				table.map((cells) => cells.map(String)),
			),
			fileName,
		};
	}
	return {
		body: await writeXlsx([
			{
				name: "リスク管理台帳",
				header: HEADER,
				rows: table,
				widths: [
					30, 40, 16, 20, 30, 20, 10, 10, 8, 8, 10, 10, 8, 8, 30, 8, 30, 16, 12, 8, 8, 16, 22, 30,
					22,
				],
			},
		]),
		fileName,
	};
}
