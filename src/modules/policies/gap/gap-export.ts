import { type DateStyle, formatDate } from "../../../shared/dates.ts";
import { type PdfBlock, renderPdf } from "../../../shared/pdf.ts";
import { writeXlsx } from "../../../shared/tabular.ts";
import { term } from "../../../shared/vocabulary.ts";
import type { GapAnalysis, GapItem, GapStatus } from "./gap.schemas.ts";

export type ExportLang = "ja" | "en";

const WORDS = {
	ja: {
		title: "情報セキュリティ基本方針 ギャップ分析",
		sheet: "ギャップ分析",
		header: ["No.", "規定", "標準の位置", "判定", "該当箇所", "見出し", "行", "説明", "パック記録"],
		source: { section: "本文", revision: "改定履歴" },
		pack: (value: boolean | null) => (value === null ? "" : value ? "規定あり" : "規定なし"),
		issued: (date: string) => `作成日: ${date}`,
		summary: (a: GapAnalysis) =>
			`標準「${a.baseline.name.ja}」との比較: ${term("gapStatus", "present")} ${a.summary.present}件、${term("gapStatus", "different")} ${a.summary.different}件、${term("gapStatus", "missing")} ${a.summary.missing}件。`,
		document: (a: GapAnalysis) =>
			`分析した文書: ${a.document.title ?? "（表題なし）"}（節 ${a.document.sections}、改定履歴 ${a.document.revisions}行）`,
	},
	en: {
		title: "Basic information security policy: gap analysis",
		sheet: "Gap analysis",
		header: [
			"No.",
			"Provision",
			"Baseline clause",
			"Status",
			"Found at",
			"Heading",
			"Line",
			"Note",
			"Tenant pack",
		],
		source: { section: "Body", revision: "Revision history" },
		pack: (value: boolean | null) => (value === null ? "" : value ? "in force" : "not in force"),
		issued: (date: string) => `Issued: ${date}`,
		summary: (a: GapAnalysis) =>
			`Against the baseline "${a.baseline.name.en}": ${a.summary.present} present, ${a.summary.different} different, ${a.summary.missing} missing.`,
		document: (a: GapAnalysis) =>
			`Document analysed: ${a.document.title ?? "(untitled)"} (${a.document.sections} sections, ${a.document.revisions} revision rows)`,
	},
} as const;

function statusLabel(status: GapStatus, lang: ExportLang): string {
	return term("gapStatus", status, lang);
}

function row(item: GapItem, index: number, lang: ExportLang): (string | number | null)[] {
	const words = WORDS[lang];
	const clause = item.clause;
	return [
		index + 1,
		item.label[lang],
		item.baselineClause,
		statusLabel(item.status, lang),
		clause ? `${words.source[clause.source]} ${clause.path}` : "",
		clause?.title ?? "",
		clause?.line ?? "",
		item.note[lang],
		words.pack(item.tenantPackInForce),
	];
}

/** The analysis as an Excel workbook: one row per provision, as shown in the UI. */
export function gapAnalysisXlsx(analysis: GapAnalysis, lang: ExportLang): Promise<Buffer> {
	const words = WORDS[lang];
	return writeXlsx([
		{
			name: words.sheet,
			header: [...words.header],
			rows: analysis.items.map((item, index) => row(item, index, lang)),
			widths: [5, 36, 12, 8, 18, 30, 6, 70, 12],
		},
	]);
}

/** The analysis as a PDF with the Japanese font embedded (see `shared/pdf.ts`). */
export function gapAnalysisPdf(
	analysis: GapAnalysis,
	lang: ExportLang,
	issued: { at: string; style: DateStyle },
): Promise<Buffer> {
	const words = WORDS[lang];
	const blocks: PdfBlock[] = [
		{
			kind: "paragraph",
			muted: true,
			text: words.issued(formatDate(issued.at, issued.style, lang)),
		},
		{ kind: "paragraph", text: words.document(analysis) },
		{ kind: "paragraph", text: words.summary(analysis) },
		{
			kind: "table",
			columns: [
				{ header: words.header[0], width: 0.5 },
				{ header: words.header[1], width: 3 },
				{ header: words.header[3], width: 1 },
				{ header: words.header[4], width: 1.8 },
				{ header: words.header[7], width: 5 },
			],
			rows: analysis.items.map((item, index) => {
				const clause = item.clause;
				return [
					String(index + 1),
					`${item.label[lang]}\n(${item.baselineClause})`,
					statusLabel(item.status, lang),
					clause ? `${words.source[clause.source]} ${clause.path}\n${clause.title}` : "—",
					item.note[lang],
				];
			}),
		},
	];
	return renderPdf({ title: words.title, author: "Mamori", blocks });
}
