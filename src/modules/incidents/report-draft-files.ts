import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { type PdfBlock, renderPdf } from "../../shared/pdf.ts";
import { writeXlsx } from "../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import { type ReportDraft, reportDraft } from "./report-draft.ts";

export type DraftFormat = "pdf" | "xlsx";

/** A blank cell of the PDF keeps room to write in by hand. */
const BLANK_LINES = "\n\n\n";

const OBLIGATION_HEADER = [
	"報告先",
	"法令・条項",
	"報告の要否",
	"速報の期限",
	"速報の提出日",
	"確報の期限",
	"確報の提出日",
];

const itemHeading = (item: ReportDraft["items"][number], index: number) =>
	`${index + 1} ${item.label}${item.asks ? `\n（${item.asks}）` : ""}`;

/** A due date with its filing, once recorded. */
const dueCell = (due: string, filed: string) => (filed ? `${due}\n提出: ${filed}` : due);

function obligationRows(draft: ReportDraft): string[][] {
	return draft.obligations.map((o) => [
		o.authority,
		o.law,
		o.required ? "要" : "不要",
		o.preliminaryDue,
		o.preliminaryFiled,
		o.finalDue,
		o.finalFiled,
	]);
}

/** The draft as an A4 PDF with the Japanese font embedded. */
export function reportDraftPdf(draft: ReportDraft): Promise<Buffer> {
	const blocks: PdfBlock[] = [
		{
			kind: "paragraph",
			muted: true,
			text: "Mamori が事案の記録から作成した下書きです。空欄を記入し、内容を確認してから提出してください。",
		},
		{
			kind: "table",
			columns: [
				{ header: "報告者・事案", width: 1 },
				{ header: "", width: 3 },
			],
			rows: draft.header.map(([label, value]) => [label, value]),
		},
		{ kind: "heading", text: "報告対象事態" },
		{ kind: "paragraph", text: draft.situations.join("\n") || BLANK_LINES },
		{ kind: "heading", text: "報告事項" },
		{
			kind: "table",
			columns: [
				{ header: "項目", width: 1.3 },
				{ header: "内容", width: 4 },
			],
			rows: draft.items.map((item, index) => [itemHeading(item, index), item.text || BLANK_LINES]),
		},
		{ kind: "heading", text: "報告義務と期限" },
		{
			kind: "table",
			columns: [
				{ header: "報告先", width: 1.3 },
				{ header: "法令・条項", width: 2.2 },
				{ header: "要否", width: 0.6 },
				{ header: "速報の期限", width: 1.3 },
				{ header: "確報の期限", width: 1.3 },
			],
			rows: draft.obligations.map((o) => [
				o.authority,
				o.law,
				o.required ? "要" : "不要",
				dueCell(o.preliminaryDue, o.preliminaryFiled),
				dueCell(o.finalDue, o.finalFiled),
			]),
		},
	];
	return renderPdf({ title: draft.title, author: "Mamori", blocks });
}

/** The draft as a workbook: the form on one sheet, the obligations and due dates on another. */
export function reportDraftXlsx(draft: ReportDraft): Promise<Buffer> {
	return writeXlsx([
		{
			name: "報告書案",
			header: ["項目", "内容"],
			rows: [
				...draft.header,
				["報告対象事態", draft.situations.join("\n")],
				...draft.items.map((item, index) => [itemHeading(item, index), item.text]),
			],
			widths: [36, 90],
		},
		{
			name: "報告義務と期限",
			header: OBLIGATION_HEADER,
			rows: obligationRows(draft),
			widths: [24, 48, 10, 18, 18, 18, 18],
		},
	]);
}

/**
 * The draft of a case's legal report as a file named in Japanese with the case and the day, e.g.
 * `漏えい等報告書案_INC-2026-0001_20261205.pdf`. It carries the case's personal-data facts, so
 * each download is recorded in the audit log.
 */
export async function exportReportDraft(
	db: Db,
	desk: IncidentDesk,
	incidentId: string,
	format: DraftFormat,
	now: Date = new Date(),
): Promise<{ bytes: Buffer; fileName: string; type: string }> {
	const draft = await reportDraft(db, desk, incidentId, now);
	const bytes = format === "pdf" ? await reportDraftPdf(draft) : await reportDraftXlsx(draft);
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(desk.actor),
			"incident.report_draft_exported",
			{ reference: draft.reference, format },
			{ recordType: "incident", recordId: incidentId },
		),
	);
	return {
		bytes,
		fileName: datedFileName("incidentReportDraft", format, now, [draft.reference]),
		type:
			format === "pdf"
				? "application/pdf"
				: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	};
}
