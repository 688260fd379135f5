import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { formatDate, formatDateTime, formatFiscalYear } from "../../../shared/dates.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { renderPdf } from "../../../shared/pdf.ts";
import { type CellOut, writeXlsx } from "../../../shared/tabular.ts";
import { term } from "../../../shared/vocabulary.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import type { FindingSummary } from "../findings/findings.schemas.ts";
import { FINDING_SEVERITIES } from "../findings/findings.schemas.ts";
import { findingsOfSource } from "../findings/read-findings.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { listResults } from "./fieldwork.repository.ts";
import type { Conformity, FieldworkView } from "./fieldwork.schemas.ts";
import { assertMayReadFieldwork, openAuditDesk } from "./fieldwork-access.ts";
import { presentAudit } from "./read-audits.ts";
import { fieldworkOf } from "./read-fieldwork.ts";

const COUNT_HEADER = ["はい（適合）", "いいえ（不適合）", "該当なし", "段階評価", "未記入"];
const countCells = (c: Conformity) => [c.yes, c.no, c.na, c.level, c.open];

/** What both report formats are made of, read once for the caller. */
async function reportData(db: Db, actor: Actor, id: string) {
	authorize(actor, auditsPolicy, "assurance_audit.read");
	const desk = await openAuditDesk(db, actor, id);
	assertMayReadFieldwork(desk);
	const [audit, fieldwork, results] = await Promise.all([
		presentAudit(db, actor, desk.row),
		fieldworkOf(db, desk),
		listResults(db, actor.tenantId, id),
	]);
	const findingIds = results.flatMap((r) => (r.finding_id ? [r.finding_id] : []));
	const findings = (await findingsOfSource(db, actor.tenantId, findingIds)).sort(
		(a, b) =>
			FINDING_SEVERITIES.indexOf(a.severity) - FINDING_SEVERITIES.indexOf(b.severity) ||
			a.reference.localeCompare(b.reference),
	);
	const period = `${formatDate(audit.periodStart, "wareki")} 〜 ${formatDate(audit.periodEnd, "wareki")}`;
	const auditors = [
		...(audit.lead ? [`${audit.lead.name}（監査責任者）`] : []),
		...audit.auditors.map((a) => a.name),
	].join("、");
	return { audit, fieldwork, findings, period, auditors };
}

type ReportData = Awaited<ReturnType<typeof reportData>>;

/** The answer of a result in words: はい, いいえ, 該当なし, or the level's own name. */
function resultWords(
	fieldwork: FieldworkView,
	result: FieldworkView["units"][number]["results"][number],
): string {
	if (result.result !== "level") return term("auditResult", result.result);
	const item = fieldwork.checklist?.items.find((i) => i.id === result.itemId);
	return item?.levels[result.levelIndex ?? -1] ?? term("auditResult", "level");
}

/** Per item, the counts of each answer over the audited units. */
function itemCounts(fieldwork: FieldworkView) {
	return (fieldwork.checklist?.items ?? []).map((item) => {
		const given = fieldwork.units.flatMap((u) => u.results.filter((r) => r.itemId === item.id));
		const count = (result: string) => given.filter((r) => r.result === result).length;
		return {
			item,
			counts: {
				yes: count("yes"),
				no: count("no"),
				na: count("na"),
				level: count("level"),
				open: fieldwork.units.length - given.length,
			},
		};
	});
}

function findingRows(findings: readonly FindingSummary[]): string[][] {
	return findings.map((f) => [
		f.reference,
		term("findingSeverity", f.severity),
		f.ownerUnit.name,
		f.clause,
		f.title,
		term("findingState", f.state),
	]);
}

async function logExport(db: Db, actor: Actor, data: ReportData, format: "pdf" | "xlsx") {
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(actor),
			"assurance_audit.report_exported",
			{ title: data.audit.title, format },
			{ recordType: "assurance_audit", recordId: data.audit.id },
		),
	);
}

/**
 * The audit report (監査報告書) as PDF with the embedded Japanese font: the audit, its period in
 * 和暦, auditors and units; conformity per unit and per item; the findings raised from it by
 * severity with their state. Read by the team and those who run audits; audit-logged.
 */
export async function exportAuditReportPdf(
	db: Db,
	actor: Actor,
	id: string,
	now: Date = new Date(),
): Promise<{ body: Buffer; fileName: string }> {
	const data = await reportData(db, actor, id);
	const { audit, fieldwork, findings } = data;
	const countColumns = COUNT_HEADER.map((header) => ({ header, width: 1 }));
	const body = await renderPdf({
		title: `${audit.title} 監査報告書`,
		blocks: [
			{ kind: "heading", text: `${audit.title} 監査報告書` },
			{
				kind: "paragraph",
				text: `${formatFiscalYear(audit.fiscalYear, "wareki")}　${term("auditKind", audit.kind)}　${term("auditState", audit.state)}`,
			},
			{ kind: "paragraph", text: `監査期間: ${data.period}` },
			{ kind: "paragraph", text: `監査人: ${data.auditors}` },
			{ kind: "paragraph", text: `監査対象: ${audit.units.map((u) => u.name).join("、")}` },
			{ kind: "paragraph", text: `監査の範囲: ${audit.scope}` },
			{ kind: "paragraph", text: `監査の基準: ${audit.criteria}` },
			{
				kind: "paragraph",
				text: fieldwork.checklist
					? `チェックリスト: ${fieldwork.checklist.title}（第${fieldwork.checklist.version}版）`
					: "チェックリスト: 未指定",
			},
			{ kind: "heading", text: "所属別の結果" },
			{
				kind: "table",
				columns: [{ header: "所属", width: 2 }, ...countColumns],
				rows: [
					...fieldwork.units.map((u) => [u.name, ...countCells(u.counts).map(String)]),
					["合計", ...countCells(fieldwork.totals).map(String)],
				],
			},
			{ kind: "heading", text: "項目別の結果" },
			{
				kind: "table",
				columns: [
					{ header: "番号", width: 0.8 },
					{ header: "点検項目", width: 3 },
					...countColumns,
				],
				rows: itemCounts(fieldwork).map(({ item, counts }) => [
					item.number,
					item.question,
					...countCells(counts).map(String),
				]),
			},
			{ kind: "heading", text: "指摘事項" },
			findings.length === 0
				? { kind: "paragraph", text: "指摘事項はありません。" }
				: {
						kind: "table",
						columns: [
							{ header: "指摘番号", width: 1.2 },
							{ header: "重大度", width: 0.7 },
							{ header: "所管", width: 1.2 },
							{ header: "該当条項", width: 0.9 },
							{ header: "指摘事項", width: 3 },
							{ header: "状態", width: 1.3 },
						],
						rows: findingRows(findings),
					},
			{
				kind: "paragraph",
				text: `${formatDateTime(now.toISOString(), "wareki")} 作成`,
				muted: true,
			},
		],
	});
	await logExport(db, actor, data, "pdf");
	return { body, fileName: datedFileName("auditReport", "pdf", now, [audit.title]) };
}

/**
 * The audit report as XLSX: the audit's facts, every result with its note and evidence count,
 * conformity per unit, and the findings raised from it by severity with their state.
 */
export async function exportAuditReportXlsx(
	db: Db,
	actor: Actor,
	id: string,
	now: Date = new Date(),
): Promise<{ body: Buffer; fileName: string }> {
	const data = await reportData(db, actor, id);
	const { audit, fieldwork, findings } = data;
	const items = fieldwork.checklist?.items ?? [];
	const resultRows: CellOut[][] = fieldwork.units.flatMap((unit) =>
		items.map((item) => {
			const result = unit.results.find((r) => r.itemId === item.id);
			return [
				unit.name,
				item.number,
				item.clause,
				item.question,
				result ? resultWords(fieldwork, result) : "未記入",
				result?.note ?? "",
				unit.evidence.filter((file) => file.itemId === item.id).length,
				result?.finding?.reference ?? "",
				result?.recordedBy ?? "",
			];
		}),
	);
	const body = await writeXlsx([
		{
			name: "概要",
			header: ["項目", "内容"],
			widths: [16, 80],
			rows: [
				["監査名", audit.title],
				["年度", formatFiscalYear(audit.fiscalYear, "wareki")],
				["種別", term("auditKind", audit.kind)],
				["状態", term("auditState", audit.state)],
				["監査期間", data.period],
				["監査人", data.auditors],
				["監査対象", audit.units.map((u) => u.name).join("、")],
				["監査の範囲", audit.scope],
				["監査の基準", audit.criteria],
				[
					"チェックリスト",
					fieldwork.checklist
						? `${fieldwork.checklist.title}（第${fieldwork.checklist.version}版）`
						: "未指定",
				],
			],
		},
		{
			name: "監査結果",
			header: [
				"所属",
				"番号",
				"条項",
				"点検項目",
				"結果",
				"監査所見",
				"証跡ファイル数",
				"指摘番号",
				"記録者",
			],
			widths: [20, 10, 10, 60, 12, 40, 10, 14, 16],
			textColumns: [1, 2],
			rows: resultRows,
		},
		{
			name: "所属別",
			header: ["所属", ...COUNT_HEADER],
			rows: [
				...fieldwork.units.map((u) => [u.name, ...countCells(u.counts)]),
				["合計", ...countCells(fieldwork.totals)],
			],
		},
		{
			name: "指摘事項",
			header: ["指摘番号", "重大度", "所管", "該当条項", "指摘事項", "状態"],
			widths: [14, 8, 20, 10, 60, 20],
			rows: findingRows(findings),
		},
	]);
	await logExport(db, actor, data, "xlsx");
	return { body, fileName: datedFileName("auditReport", "xlsx", now, [audit.title]) };
}
