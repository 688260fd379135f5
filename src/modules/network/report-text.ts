import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import type { CheckReport } from "./check-model.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import {
	messageOf,
	modelText,
	packName,
	REPORT_TEXT,
	type ReportLang,
	remedyOf,
	subjectOf,
} from "./report-labels.ts";

/** Terminal columns a full-width (Japanese) character takes. */
function widthOf(text: string): number {
	let width = 0;
	for (const char of text)
		width +=
			/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
				char,
			)
				? 2
				: 1;
	return width;
}

function pad(text: string, width: number): string {
	return text + " ".repeat(Math.max(0, width - widthOf(text)));
}

/**
 * The check result for a terminal: a summary line, then a table of violations (rule, subject,
 * clause) each followed by its message and remedy, indented.
 *
 * @example
 * console.log(formatNetworkReport(report, model, pack, "ja"));
 */
export function formatNetworkReport(
	report: CheckReport,
	model: NetworkModelFile,
	pack: PolicyPack,
	lang: ReportLang,
): string {
	const t = REPORT_TEXT[lang];
	const s = report.stats;
	const lines = [
		`${t.title}: ${model.name}`,
		`${t.pack}: ${packName(pack, lang)}   ${t.model}: ${modelText(report, lang)}`,
		`${t.result}: ${report.compliant ? t.compliant : t.notCompliant}   ${t.violations} ${s.violations} (${t.flows} ${s.violatingFlows}/${s.flows}, ${t.nodes} ${s.violatingNodes}/${s.segments + s.nodes + s.gateways})`,
	];
	if (report.violations.length === 0) return lines.join("\n");
	const rows = report.violations.map((v) => [v.rule, subjectOf(v, lang), v.clause]);
	const widths = [t.rule, t.subject, t.clause].map((header, i) =>
		Math.max(widthOf(header), ...rows.map((row) => widthOf(row[i] ?? ""))),
	);
	const line = (cells: string[]) =>
		cells.map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join("  ");
	lines.push("", line([t.rule, t.subject, t.clause]));
	lines.push(widths.map((w) => "-".repeat(w)).join("  "));
	report.violations.forEach((v, i) => {
		lines.push(line(rows[i] ?? []));
		lines.push(`    ${messageOf(v, lang)}`);
		lines.push(`    → ${remedyOf(v, lang)}`);
	});
	const counted = Object.entries(s.byRule).filter(([, count]) => count > 0);
	lines.push("", `${t.byRule}: ${counted.map(([rule, count]) => `${rule} ${count}`).join(", ")}`);
	return lines.join("\n");
}
