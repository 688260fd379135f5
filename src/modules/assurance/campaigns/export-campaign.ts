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
import { campaignOr404 } from "./campaign-access.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import type { CampaignRates, Rate } from "./campaigns.schemas.ts";
import { getCampaign } from "./read-campaigns.ts";

/** Respondents whose answers are read per query while the workbook is written. */
const RESPONDENT_BATCH = 100;

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

/**
 * Every answer of the units as the answers sheet's rows: the respondents and items are read
 * once (3,000 and 120 rows), then the answers of `RESPONDENT_BATCH` respondents at a time
 * through the primary key (campaign, respondent, item), so memory stays bounded at 360,000.
 */
async function* answerRows(
	db: Db,
	campaign: { id: string; version_id: string },
	unitIds: readonly string[],
	dateTime: (iso: string) => string,
): AsyncGenerator<CellOut[]> {
	const scope = unitIds.length > 0 ? unitIds : ["-"];
	const [people, items] = await Promise.all([
		db
			.selectFrom("assurance_campaign_respondents as r")
			.innerJoin("accounts as p", "p.id", "r.account_id")
			.innerJoin("org_units as u", "u.id", "r.org_unit_id")
			.select(["r.id", "p.display_name", "u.name as unit", "u.display_order", "u.code"])
			.where("r.campaign_id", "=", campaign.id)
			.where("r.org_unit_id", "in", scope)
			.orderBy("u.display_order")
			.orderBy("u.code")
			.orderBy("p.display_name")
			.execute(),
		db
			.selectFrom("assurance_checklist_items")
			.select(["id", "number", "question", "levels", "position"])
			.where("version_id", "=", campaign.version_id)
			.execute(),
	]);
	const itemOf = new Map(
		items.map((item) => [
			item.id,
			{
				...item,
				levels: item.levels ? (JSON.parse(item.levels) as string[]) : [],
				position: Number(item.position),
			},
		]),
	);
	const answersOf = (batch: typeof people) =>
		db
			.selectFrom("assurance_campaign_answers")
			.select([
				"respondent_id",
				"item_id",
				"clause",
				"answer",
				"level_index",
				"comment",
				"evidence_name",
				"evidence_sha256",
				"answered_at",
				"submitted",
			])
			.where("campaign_id", "=", campaign.id)
			.where(
				"respondent_id",
				"in",
				batch.map((person) => person.id),
			)
			.execute();
	/** Starts reading a batch; a failure is seen where the batch is awaited, not as unhandled. */
	const prefetch = (batch: typeof people) => {
		const pending = answersOf(batch);
		pending.catch(() => {});
		return pending;
	};
	// The next batch is read while this one is written, so the database and the writer overlap.
	let next = people.length > 0 ? prefetch(people.slice(0, RESPONDENT_BATCH)) : null;
	for (let i = 0; i < people.length; i += RESPONDENT_BATCH) {
		const batch = people.slice(i, i + RESPONDENT_BATCH);
		const answers = await (next ?? answersOf(batch));
		const following = people.slice(i + RESPONDENT_BATCH, i + 2 * RESPONDENT_BATCH);
		next = following.length > 0 ? prefetch(following) : null;
		const byPerson = new Map<string, typeof answers>();
		for (const answer of answers) {
			const list = byPerson.get(answer.respondent_id) ?? [];
			list.push(answer);
			byPerson.set(answer.respondent_id, list);
		}
		for (const person of batch) {
			const given = (byPerson.get(person.id) ?? []).sort(
				(a, b) => (itemOf.get(a.item_id)?.position ?? 0) - (itemOf.get(b.item_id)?.position ?? 0),
			);
			for (const row of given) {
				const item = itemOf.get(row.item_id);
				const answer =
					row.answer === "level"
						? (item?.levels[Number(row.level_index)] ?? "")
						: (ANSWER_WORDS[row.answer] ?? row.answer);
				yield [
					person.unit,
					person.display_name,
					item?.number ?? "",
					row.clause,
					item?.question ?? "",
					answer,
					row.comment ?? "",
					row.evidence_name ?? "",
					row.evidence_sha256 ?? "",
					dateTime(row.answered_at),
					Number(row.submitted) === 1 ? "提出済み" : "下書き",
				];
			}
		}
	}
}

/**
 * A date-time formatter that formats each minute once: an answer's time shows to the minute, and
 * formatting 360,000 instants one by one costs more than the rest of the row.
 */
function minuteFormatter(format: (iso: string) => string): (iso: string) => string {
	const seen = new Map<string, string>();
	return (iso) => {
		const minute = iso.slice(0, 16);
		let text = seen.get(minute);
		if (text === undefined) {
			text = format(iso);
			seen.set(minute, text);
		}
		return text;
	};
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
	const campaign = await campaignOr404(db, actor, id);
	const style = await tenantDateStyle(db, actor.tenantId);
	const unitIds = rates.units.map((u) => u.unitId);
	const body = await writeXlsx([
		{
			name: "回答",
			header: ANSWER_HEADER,
			widths: [20, 16, 10, 10, 60, 12, 40, 24, 20, 22, 10],
			textColumns: [2, 3],
			rows: answerRows(
				db,
				campaign,
				unitIds,
				minuteFormatter((iso) => formatDateTime(iso, style)),
			),
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
