import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { formatDate, formatDateTime, formatFiscalYear } from "../../../shared/dates.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { renderPdf } from "../../../shared/pdf.ts";
import { type CellOut, writeXlsx } from "../../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize, forbiddenFor } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import type { CampaignRates, Rate } from "./campaigns.schemas.ts";
import { getCampaign } from "./read-campaigns.ts";

/** Answers read per query while the workbook is written: memory stays bounded at 360,000. */
const PAGE = 5000;

const ANSWER_WORDS: Record<string, string> = { yes: "はい", no: "いいえ", na: "該当なし" };

const ANSWER_HEADER = [
	"所属",
	"氏名",
	"番号",
	"条項",
	"点検項目",
	"回答",
	"コメント",
	"証跡ファイル",
	"証跡 SHA-256",
	"回答日時",
	"提出",
];

const percent = (value: number | null) => (value === null ? "" : `${value}%`);
const rateCells = (rate: Rate): CellOut[] => [
	rate.assigned,
	rate.answered,
	rate.yes,
	rate.no,
	percent(rate.responseRate),
	percent(rate.complianceRate),
];
const RATE_HEADER = ["対象項目数", "提出済み回答", "はい（遵守）", "いいえ", "回答率", "遵守率"];

/** The caller's view of the campaign with its rates; refused for someone who sees no unit. */
async function viewWithRates(db: Db, actor: Actor, id: string) {
	authorize(actor, campaignsPolicy, "assurance_campaign.review");
	const detail = await getCampaign(db, actor, id);
	if (!detail.rates) {
		throw forbiddenFor("assurance_campaign.review", campaignsPolicy["assurance_campaign.review"]);
	}
	return { detail, rates: detail.rates };
}

/** Every answer of the units, page by page in key order, as the answers sheet's rows. */
async function* answerRows(
	db: Db,
	campaignId: string,
	unitIds: readonly string[],
	dateTime: (iso: string) => string,
): AsyncGenerator<CellOut[]> {
	let after: { respondent: string; item: string } | null = null;
	for (;;) {
		let q = db
			.selectFrom("assurance_campaign_answers as a")
			.innerJoin("assurance_campaign_respondents as r", "r.id", "a.respondent_id")
			.innerJoin("accounts as p", "p.id", "r.account_id")
			.innerJoin("org_units as u", "u.id", "a.org_unit_id")
			.innerJoin("assurance_checklist_items as i", "i.id", "a.item_id")
			.select([
				"a.respondent_id",
				"a.item_id",
				"u.name as unit",
				"p.display_name as person",
				"i.number",
				"a.clause",
				"i.question",
				"i.levels",
				"a.answer",
				"a.level_index",
				"a.comment",
				"a.evidence_name",
				"a.evidence_sha256",
				"a.answered_at",
				"a.submitted",
			])
			.where("a.campaign_id", "=", campaignId)
			.where("a.org_unit_id", "in", unitIds.length > 0 ? unitIds : ["-"]);
		if (after) {
			const { respondent, item } = after;
			q = q.where((eb) =>
				eb.or([
					eb("a.respondent_id", ">", respondent),
					eb.and([eb("a.respondent_id", "=", respondent), eb("a.item_id", ">", item)]),
				]),
			);
		}
		const page = await q.orderBy("a.respondent_id").orderBy("a.item_id").limit(PAGE).execute();
		for (const row of page) {
			const levels = row.levels ? (JSON.parse(row.levels) as string[]) : [];
			const answer =
				row.answer === "level"
					? (levels[Number(row.level_index)] ?? "")
					: (ANSWER_WORDS[row.answer] ?? row.answer);
			yield [
				row.unit,
				row.person,
				row.number,
				row.clause,
				row.question,
				answer,
				row.comment ?? "",
				row.evidence_name ?? "",
				row.evidence_sha256 ?? "",
				dateTime(row.answered_at),
				Number(row.submitted) === 1 ? "提出済み" : "下書き",
			];
		}
		const last = page.at(-1);
		if (!last || page.length < PAGE) return;
		after = { respondent: last.respondent_id, item: last.item_id };
	}
}

function rateSheets(rates: CampaignRates) {
	return [
		{
			name: "所属別",
			header: ["所属", "回答者", "提出者", ...RATE_HEADER, "管理者の確認"],
			rows: rates.units.map((u) => [
				u.unitName,
				u.respondents,
				u.submitted,
				...rateCells(u),
				u.signedOffAt ? `確認済み（${u.signedOffBy ?? ""}）` : "未確認",
			]),
		},
		{
			name: "部局別",
			header: ["部局", ...RATE_HEADER],
			rows: rates.departments.map((d) => [d.departmentName, ...rateCells(d)]),
		},
		{
			name: "条項別",
			header: ["条項", ...RATE_HEADER],
			rows: rates.clauses.map((c) => [c.clause, ...rateCells(c)]),
		},
	];
}

/**
 * The campaign as XLSX: every answer of the units the caller sees (streamed from the database
 * page by page into ExcelJS's streaming writer) and the rate tables per unit, department and
 * clause. The export is audit-logged.
 */
export async function exportCampaignXlsx(
	db: Db,
	actor: Actor,
	id: string,
	now: Date = new Date(),
): Promise<{ body: Buffer; fileName: string }> {
	const { detail, rates } = await viewWithRates(db, actor, id);
	const style = await tenantDateStyle(db, actor.tenantId);
	const unitIds = rates.units.map((u) => u.unitId);
	const body = await writeXlsx([
		{
			name: "回答",
			header: ANSWER_HEADER,
			widths: [20, 16, 10, 10, 60, 12, 40, 24, 20, 22, 10],
			textColumns: [2, 3],
			rows: answerRows(db, id, unitIds, (iso) => formatDateTime(iso, style)),
		},
		...rateSheets(rates),
	]);
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(actor),
			"assurance_campaign.exported",
			{ campaign: detail.campaign.title, format: "xlsx", units: unitIds.length },
			{ recordType: "assurance_campaign", recordId: id },
		),
	);
	return { body, fileName: datedFileName("selfInspection", "xlsx", now, [detail.campaign.title]) };
}

/** The campaign's report as PDF (embedded Japanese font): its facts and the rate tables. */
export async function exportCampaignPdf(
	db: Db,
	actor: Actor,
	id: string,
	now: Date = new Date(),
): Promise<{ body: Buffer; fileName: string }> {
	const { detail, rates } = await viewWithRates(db, actor, id);
	const style = await tenantDateStyle(db, actor.tenantId);
	const c = detail.campaign;
	const fiscal = `${formatFiscalYear(c.fiscalYear, "wareki")}（${formatFiscalYear(c.fiscalYear, "seireki")}）`;
	const rateColumns = [
		{ header: "回答率", width: 1 },
		{ header: "遵守率", width: 1 },
		{ header: "いいえ", width: 1 },
	];
	const rateRow = (r: Rate) => [percent(r.responseRate), percent(r.complianceRate), String(r.no)];
	const body = await renderPdf({
		title: c.title,
		blocks: [
			{ kind: "heading", text: c.title },
			{
				kind: "paragraph",
				text: `${fiscal}　期限 ${formatDate(c.dueOn, style)}　${c.checklistTitle}（第${c.version}版）　回答者 ${c.respondents} 人`,
			},
			{
				kind: "paragraph",
				text: `全体: 回答率 ${percent(rates.total.responseRate) || "—"}、遵守率 ${percent(rates.total.complianceRate) || "—"}（${formatDateTime(now.toISOString(), style)} 時点）`,
			},
			{ kind: "heading", text: "所属別" },
			{
				kind: "table",
				columns: [
					{ header: "所属", width: 2 },
					...rateColumns,
					{ header: "管理者の確認", width: 1.5 },
				],
				rows: rates.units.map((u) => [
					u.unitName,
					...rateRow(u),
					u.signedOffAt ? "確認済み" : "未確認",
				]),
			},
			{ kind: "heading", text: "部局別" },
			{
				kind: "table",
				columns: [{ header: "部局", width: 2 }, ...rateColumns],
				rows: rates.departments.map((d) => [d.departmentName, ...rateRow(d)]),
			},
			{ kind: "heading", text: "条項別" },
			{
				kind: "table",
				columns: [{ header: "条項", width: 2 }, ...rateColumns],
				rows: rates.clauses.map((cl) => [cl.clause, ...rateRow(cl)]),
			},
		],
	});
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(actor),
			"assurance_campaign.exported",
			{ campaign: c.title, format: "pdf", units: rates.units.length },
			{ recordType: "assurance_campaign", recordId: id },
		),
	);
	return { body, fileName: datedFileName("selfInspectionReport", "pdf", now, [c.title]) };
}
