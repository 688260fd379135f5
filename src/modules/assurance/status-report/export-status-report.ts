import type { Db, Engine } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { formatFiscalYear } from "../../../shared/dates.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { type PdfBlock, renderPdf } from "../../../shared/pdf.ts";
import { writeXlsx } from "../../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import type { Actor } from "../../authz/roles.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";
import { gatherStatusReport } from "./gather-status-report.ts";
import type { StatusReportFormat } from "./status-report.schemas.ts";
import { bothYears, type StatusSection, statusSections } from "./status-report-sections.ts";

const TITLE = "情報セキュリティ対策の状況報告";

/** The sections as PDF blocks: a numbered heading, a note where empty, a table of figures. */
export function pdfBlocks(sections: readonly StatusSection[]): PdfBlock[] {
	return sections.flatMap((section, index): PdfBlock[] => [
		{ kind: "heading", text: `${index + 1}. ${section.title}` },
		...(section.note ? [{ kind: "paragraph" as const, text: section.note, muted: true }] : []),
		{
			kind: "table",
			columns: [
				{ header: "項目", width: 2 },
				{ header: "値", width: 2 },
			],
			rows: section.lines.map(([item, value]) => [item, String(value)]),
		},
	]);
}

/**
 * The yearly status report of a fiscal year as a PDF (Japanese font embedded) or an XLSX
 * workbook (区分 / 項目 / 値, numbers as numbers), named `情報セキュリティ対策状況報告_令和8年度_…`.
 * The export is audit-logged.
 *
 * @example
 * const file = await exportStatusReport(deps, actor, 2026, "pdf");
 */
export async function exportStatusReport(
	deps: { db: Db; engine: Engine },
	actor: Actor,
	fiscalYear: number | undefined,
	format: StatusReportFormat,
	now: Date = new Date(),
): Promise<{ body: Buffer; fileName: string }> {
	const report = await gatherStatusReport(deps, actor, fiscalYear, now);
	const style = await tenantDateStyle(deps.db, actor.tenantId);
	const sections = statusSections(report, style);
	const title = `${TITLE}（${bothYears(report.fiscalYear)}）`;
	const body =
		format === "pdf"
			? await renderPdf({ title, blocks: pdfBlocks(sections) })
			: await writeXlsx([
					{
						name: "状況報告",
						header: ["区分", "項目", "値"],
						widths: [36, 44, 60],
						rows: sections.flatMap((section) =>
							section.lines.map(([item, value]) => [section.title, item, value]),
						),
					},
				]);
	await inTransaction(deps.db, (tx) =>
		recordAudit(tx, auditContextOf(actor), "assurance_status_report.exported", {
			fiscalYear: report.fiscalYear,
			format,
		}),
	);
	return {
		body,
		fileName: datedFileName("statusReport", format, now, [
			formatFiscalYear(report.fiscalYear, "wareki"),
		]),
	};
}
