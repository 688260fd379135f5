import { type DateStyle, formatDate } from "../../shared/dates.ts";
import { type PdfBlock, renderPdf } from "../../shared/pdf.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import type { ReportedCheck } from "./exception-overlay.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import {
	messageOf,
	modelText,
	namesOf,
	packName,
	REPORT_TEXT,
	type ReportLang,
	remedyOf,
	ruleTitleOf,
	subjectOf,
} from "./report-labels.ts";

/** A PDF lists at most this many violations; the XLSX and JSON outputs carry them all. */
export const PDF_MAX_VIOLATIONS = 2_000;

/**
 * The check result as an A4 PDF with the Japanese font embedded: summary, counts per rule, then
 * each violation with its clause and remedy. When exceptions in force cover violations, a column
 * names the reference of the one covering each (例外措置): the violation stays listed.
 *
 * @example
 * const issued = { at: new Date().toISOString(), style: "wareki" } as const;
 * writeFileSync("check.pdf", await networkReportPdf(report, model, pack, "ja", issued));
 */
export async function networkReportPdf(
	report: ReportedCheck,
	model: NetworkModelFile,
	pack: PolicyPack,
	lang: ReportLang,
	issued: { at: string; style: DateStyle },
): Promise<Buffer> {
	const t = REPORT_TEXT[lang];
	const names = namesOf(model);
	const blocks: PdfBlock[] = [
		{ kind: "heading", text: t.summary },
		{
			kind: "table",
			columns: [
				{ header: t.summary, width: 1 },
				{ header: "", width: 3 },
			],
			rows: [
				[t.issued, formatDate(issued.at, issued.style, lang)],
				[t.network, model.name],
				[t.pack, packName(pack, lang)],
				[t.model, modelText(report, lang)],
				[t.result, report.compliant ? t.compliant : t.notCompliant],
				[
					t.counts,
					`${t.segments} ${report.stats.segments} / ${t.nodes} ${report.stats.nodes} / ${t.gateways} ${report.stats.gateways} / ${t.flows} ${report.stats.flows} / ${t.violations} ${report.stats.violations}`,
				],
				...(report.excepted ? [[t.excepted, String(report.excepted)]] : []),
			],
		},
	];
	const counted = Object.entries(report.stats.byRule).filter(([, count]) => count > 0);
	if (counted.length > 0) {
		blocks.push(
			{ kind: "heading", text: t.byRule },
			{
				kind: "table",
				columns: [
					{ header: t.rule, width: 3 },
					{ header: t.violations, width: 1 },
				],
				rows: counted.map(([rule, count]) => [ruleTitleOf(rule, lang), String(count)]),
			},
		);
	}
	blocks.push({ kind: "heading", text: t.violations });
	if (report.violations.length === 0) {
		blocks.push({ kind: "paragraph", text: t.noViolations });
	} else {
		const excepted = report.violations.some((v) => v.exception);
		blocks.push({
			kind: "table",
			columns: [
				{ header: t.rule, width: 2 },
				{ header: t.subject, width: 1.6 },
				{ header: t.clause, width: 2 },
				{ header: t.message, width: excepted ? 2.8 : 3.4 },
				{ header: t.remedy, width: excepted ? 2.4 : 3 },
				...(excepted ? [{ header: t.exceptionRef, width: 1.2 }] : []),
			],
			rows: report.violations
				.slice(0, PDF_MAX_VIOLATIONS)
				.map((v) => [
					ruleTitleOf(v.rule, lang),
					subjectOf(v, lang, names),
					v.clause,
					messageOf(v, lang),
					remedyOf(v, lang),
					...(excepted ? [v.exception ? `${t.exception} ${v.exception.reference}` : ""] : []),
				]),
		});
		const rest = report.violations.length - PDF_MAX_VIOLATIONS;
		if (rest > 0) {
			blocks.push({
				kind: "paragraph",
				muted: true,
				text:
					lang === "ja"
						? `ほか ${rest} 件はXLSXまたはJSONの出力を参照。`
						: `${rest} more: see the XLSX or JSON output.`,
			});
		}
	}
	return renderPdf({ title: `${t.title}: ${model.name}`, author: "Mamori", blocks });
}
