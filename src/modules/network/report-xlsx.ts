import { writeXlsx } from "../../shared/tabular.ts";
import {
	exceptionReferences,
	type OverlaidVerdict,
	type ReportedCheck,
} from "./exception-overlay.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { messageOf, modelText, REPORT_TEXT, type ReportLang, remedyOf } from "./report-labels.ts";

/**
 * The check result as a workbook: a summary sheet, every violation, and the verdict of every
 * flow and node (for filtering in Excel). A violation an exception in force covers names its
 * reference, and a flow or node all of whose violations are covered reads `例外 例外-R8-0001`:
 * never `適合`.
 *
 * @example
 * writeFileSync("check.xlsx", await networkReportXlsx(report, model, "ja"));
 */
export async function networkReportXlsx(
	report: ReportedCheck,
	model: NetworkModelFile,
	lang: ReportLang,
): Promise<Buffer> {
	const t = REPORT_TEXT[lang];
	const refs = exceptionReferences(report);
	const verdict = (v: OverlaidVerdict, key: string) =>
		v === "ok"
			? t.ok
			: v === "violation"
				? t.violation
				: [t.exception, ...(refs.get(key) ?? [])].join(" ");
	const flowById = new Map(model.flows.map((flow) => [flow.id, flow]));
	return writeXlsx([
		{
			name: t.summary,
			header: [t.summary, ""],
			widths: [20, 60],
			rows: [
				[t.network, model.name],
				[t.pack, report.packId],
				[t.model, modelText(report, lang)],
				[t.result, report.compliant ? t.compliant : t.notCompliant],
				[t.segments, report.stats.segments],
				[t.nodes, report.stats.nodes],
				[t.gateways, report.stats.gateways],
				[t.flows, report.stats.flows],
				[t.violations, report.stats.violations],
				...(report.excepted ? [[t.excepted, report.excepted]] : []),
				...Object.entries(report.stats.byRule).map(([rule, count]): (string | number)[] => [
					rule,
					count,
				]),
			],
		},
		{
			name: t.violations,
			header: [t.rule, t.flows, t.nodes, t.clause, t.message, t.remedy, t.exceptionRef],
			widths: [28, 16, 16, 36, 70, 60, 16],
			rows: report.violations.map((v) => [
				v.rule,
				v.flow,
				v.node,
				v.clause,
				messageOf(v, lang),
				remedyOf(v, lang),
				v.exception?.reference ?? null,
			]),
		},
		{
			name: t.flows,
			header: [t.id, "source", "destination", "via", "protocol", "port", t.verdict],
			widths: [16, 20, 20, 30, 10, 12, 24],
			rows: report.flows.map(({ id, verdict: v }) => {
				const flow = flowById.get(id);
				return [
					id,
					flow?.source ?? null,
					flow?.destination ?? null,
					flow?.via?.join(" > ") ?? null,
					flow?.protocol ?? null,
					flow?.port === undefined ? null : String(flow.port),
					verdict(v, `flow:${id}`),
				];
			}),
		},
		{
			name: t.nodes,
			header: [t.id, t.verdict],
			widths: [30, 24],
			rows: report.nodes.map(({ id, verdict: v }) => [id, verdict(v, id)]),
		},
	]);
}
