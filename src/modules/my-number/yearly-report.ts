import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { formatDate, formatFiscalYear } from "../../shared/dates.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { renderPdf } from "../../shared/pdf.ts";
import { writeXlsx } from "../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { contractSummaries } from "../contracts/contract-summaries.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { myNumberPolicy } from "./my-number.policy.ts";
import { handlersOf, linksOf, listAffairs, provisionsOf } from "./my-number.repository.ts";
import type { MyNumberDesk } from "./my-number-desk.ts";
import { assetLinks, registerNames } from "./read-affairs.ts";

const KIND_TEXT: Record<string, string> = { use: "個人番号利用事務", related: "個人番号関係事務" };
const PIA_LEVEL_TEXT: Record<string, string> = {
	none: "評価不要",
	basic: "基礎項目評価",
	focused: "重点項目評価",
	full: "全項目評価",
};
const PIA_STATUS_TEXT: Record<string, string> = {
	not_required: "対象外",
	not_started: "未着手",
	in_progress: "実施中",
	done: "実施済",
};

export const REPORT_SUMMARY_HEADER = [
	"事務の名称",
	"区分",
	"根拠法令",
	"事務取扱責任者",
	"年度中の事務取扱担当者数",
	"年度末の事務取扱担当者数",
	"年度中の指定終了",
	"保有するシステム・ファイル",
	"マイナンバー利用事務系の外にあるもの",
	"委託先（再委託）",
	"提供件数",
	"提供人数",
	"特定個人情報保護評価",
	"評価の状況",
	"評価実施日",
	"再評価期限",
];

export const REPORT_PROVISION_HEADER = [
	"事務の名称",
	"提供日",
	"提供先",
	"根拠",
	"提供項目",
	"人数",
];

/** The Japan days bounding a fiscal year: from 1 April, to the next 1 April (exclusive). */
function fiscalDays(year: number) {
	return { from: `${year}-04-01`, to: `${year + 1}-04-01` };
}

/**
 * The yearly report of the handling of 特定個人情報 for the 個人情報保護委員会, per affair for a
 * fiscal year: handlers during and at the end of the year, entries ended, systems and files
 * (those outside the My Number tier counted), contractors and 再委託, provisions, PIA. XLSX (two
 * sheets: summary and provisions) or PDF, dates in the tenant's style (和暦 by default); the
 * export is audit-logged. The CISO, 統括 and auditors make it.
 */
export async function exportYearlyReport(
	db: Db,
	desk: MyNumberDesk,
	query: { format: "xlsx" | "pdf"; fiscalYear: number },
): Promise<{ bytes: Uint8Array; type: string; fileName: string }> {
	authorize(desk.actor, myNumberPolicy, "my_number.report");
	const tenantId = desk.actor.tenantId;
	const period = fiscalDays(query.fiscalYear);
	const affairs = await listAffairs(db, tenantId);
	const ids = affairs.map((a) => a.id);
	const [names, handlers, links, provisions, style] = await Promise.all([
		registerNames(db, tenantId),
		handlersOf(db, tenantId, ids),
		linksOf(db, tenantId, ids),
		provisionsOf(db, tenantId, ids, period),
		tenantDateStyle(db, tenantId),
	]);
	const [assets, contracts] = await Promise.all([
		assetLinks(
			db,
			tenantId,
			links.filter((l) => l.kind === "asset").map((l) => l.target_id),
		),
		contractSummaries(db, tenantId, {
			ids: links.filter((l) => l.kind === "contract").map((l) => l.target_id),
		}),
	]);
	const day = (value: string | null) => (value ? formatDate(value, style) : "");
	const lastDay = `${query.fiscalYear + 1}-03-31`;
	const summary = affairs.map((affair) => {
		const own = handlers.filter((h) => h.affair_id === affair.id);
		const during = own.filter(
			(h) => h.starts_on < period.to && (h.ends_on === null || h.ends_on > period.from),
		);
		const atEnd = own.filter(
			(h) => h.starts_on <= lastDay && (h.ends_on === null || h.ends_on > lastDay),
		);
		const ended = own.filter(
			(h) => h.ends_on !== null && h.ends_on >= period.from && h.ends_on < period.to,
		);
		const affairLinks = links.filter((l) => l.affair_id === affair.id);
		const linkedAssets = assets.filter((a) =>
			affairLinks.some((l) => l.kind === "asset" && l.target_id === a.assetId),
		);
		const linkedContracts = contracts.filter((c) =>
			affairLinks.some((l) => l.kind === "contract" && l.target_id === c.contractId),
		);
		const given = provisions.filter((p) => p.affair_id === affair.id);
		return [
			affair.name,
			KIND_TEXT[affair.kind] ?? affair.kind,
			affair.legal_basis,
			names.staff.get(affair.responsible_staff_id)?.name ?? "",
			String(new Set(during.map((h) => h.staff_id)).size),
			String(new Set(atEnd.map((h) => h.staff_id)).size),
			String(ended.length),
			linkedAssets.map((a) => `${a.code} ${a.name}`).join("、"),
			linkedAssets
				.filter((a) => a.outsideTier)
				.map((a) => a.code)
				.join("、"),
			linkedContracts
				.map((c) => {
					const subs = c.subcontracts.map((s) => s.subcontractor);
					return subs.length > 0 ? `${c.contractorName}（${subs.join("、")}）` : c.contractorName;
				})
				.join("、"),
			String(given.length),
			String(given.reduce((sum, p) => sum + Number(p.person_count), 0)),
			PIA_LEVEL_TEXT[affair.pia_level] ?? affair.pia_level,
			PIA_STATUS_TEXT[affair.pia_status] ?? affair.pia_status,
			day(affair.pia_done_on),
			day(affair.pia_due_on),
		];
	});
	const affairName = new Map(affairs.map((a) => [a.id, a.name]));
	const provisionRows = [...provisions]
		.reverse()
		.map((p) => [
			affairName.get(p.affair_id) ?? "",
			day(p.provided_on),
			p.recipient,
			p.legal_basis,
			p.items,
			String(p.person_count),
		]);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "my_number.report_exported", {
			format: query.format,
			fiscalYear: query.fiscalYear,
			affairs: affairs.length,
		}),
	);
	const year = formatFiscalYear(query.fiscalYear, style);
	const fileName = datedFileName("myNumberReport", query.format, new Date(), [year]);
	if (query.format === "xlsx") {
		const bytes = await writeXlsx([
			{
				name: "取扱状況",
				header: REPORT_SUMMARY_HEADER,
				rows: summary,
				widths: [28, 16, 30, 16, 12, 12, 10, 36, 20, 30, 10, 10, 16, 10, 16, 16],
			},
			{
				name: "提供記録",
				header: REPORT_PROVISION_HEADER,
				rows: provisionRows,
				widths: [28, 16, 28, 30, 40, 10],
			},
		]);
		return {
			bytes: new Uint8Array(bytes),
			type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			fileName,
		};
	}
	const pick = [0, 1, 3, 5, 6, 9, 10, 11, 12, 13, 15];
	const bytes = await renderPdf({
		title: `${year} 特定個人情報の取扱状況報告`,
		blocks: [
			{ kind: "heading", text: "事務ごとの取扱状況" },
			{
				kind: "table",
				columns: pick.map((i) => ({ header: REPORT_SUMMARY_HEADER[i] ?? "", width: 1 })),
				rows: summary.map((row) => pick.map((i) => row[i] ?? "")),
			},
			{ kind: "heading", text: "提供の記録" },
			provisionRows.length === 0
				? { kind: "paragraph", text: "年度中の提供はありません。", muted: true }
				: {
						kind: "table",
						columns: REPORT_PROVISION_HEADER.map((header) => ({ header, width: 1 })),
						rows: provisionRows,
					},
		],
	});
	return { bytes: new Uint8Array(bytes), type: "application/pdf", fileName };
}
