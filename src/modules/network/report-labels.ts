import { networkFindingText } from "../../shared/network-findings.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import type { CheckReport, Violation } from "./check-model.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { NETWORK_RULES } from "./rules/index.ts";
import { MODEL_LABEL } from "./rules/rule.ts";

export type ReportLang = "ja" | "en";

/** The words of the reports, Japanese first. */
export const REPORT_TEXT = {
	ja: {
		title: "三層分離チェック結果",
		summary: "概要",
		network: "ネットワーク",
		pack: "ポリシー",
		model: "採用モデル",
		result: "判定",
		compliant: "適合",
		notCompliant: "不適合",
		counts: "件数",
		violations: "違反",
		noViolations: "違反はありません。",
		rule: "ルール",
		subject: "対象",
		clause: "根拠",
		message: "内容",
		remedy: "是正策",
		flows: "通信",
		nodes: "ノード",
		segments: "セグメント",
		gateways: "ゲートウェイ",
		verdict: "判定",
		id: "ID",
		ok: "適合",
		violation: "違反",
		byRule: "ルール別件数",
		issued: "作成日",
		exception: "例外",
		exceptionRef: "例外措置",
		excepted: "例外措置の対象",
	},
	en: {
		title: "Three-tier separation check",
		summary: "Summary",
		network: "Network",
		pack: "Policy",
		model: "Model",
		result: "Result",
		compliant: "compliant",
		notCompliant: "not compliant",
		counts: "Counts",
		violations: "Violations",
		noViolations: "No violations.",
		rule: "Rule",
		subject: "Subject",
		clause: "Clause",
		message: "Finding",
		remedy: "Remedy",
		flows: "Flows",
		nodes: "Nodes",
		segments: "Segments",
		gateways: "Gateways",
		verdict: "Verdict",
		id: "ID",
		ok: "ok",
		violation: "violation",
		byRule: "Violations by rule",
		issued: "Issued",
		exception: "exception",
		exceptionRef: "Exception",
		excepted: "Covered by exceptions",
	},
} as const;

/**
 * `通信 f-12` / `ノード 窓口端末` / `モデル全体` for a violation's subject: by name when `names`
 * knows the element or flow (a report for people), else by id (the CLI's table).
 */
export function subjectOf(
	violation: Violation,
	lang: ReportLang,
	names: ReadonlyMap<string, string> = new Map(),
): string {
	const words =
		lang === "ja"
			? { flow: "通信", node: "ノード", model: "モデル全体" }
			: { flow: "flow", node: "node", model: "(model)" };
	if (violation.flow !== null)
		return `${words.flow} ${names.get(`flow:${violation.flow}`) ?? violation.flow}`;
	if (violation.node !== null)
		return `${words.node} ${names.get(violation.node) ?? violation.node}`;
	return words.model;
}

/** What is wrong, in the words of the findings catalogue the screen uses too. */
export function messageOf(violation: Violation, lang: ReportLang): string {
	return networkFindingText(violation, lang).message;
}

/** What to change, in the words of the findings catalogue the screen uses too. */
export function remedyOf(violation: Violation, lang: ReportLang): string {
	return networkFindingText(violation, lang).remedy;
}

/** Names of a model's segments, nodes and gateways by id, and its flows' ends by `flow:<id>`. */
export function namesOf(model: NetworkModelFile): Map<string, string> {
	const names = new Map<string, string>();
	for (const entity of [...model.segments, ...model.nodes, ...model.gateways]) {
		if (entity.name !== undefined) names.set(entity.id, entity.name);
	}
	// A flow has no name of its own: it reads as its two ends.
	for (const flow of model.flows) {
		const end = (id: string) => names.get(id) ?? id;
		names.set(`flow:${flow.id}`, `${end(flow.source)} → ${end(flow.destination)}`);
	}
	return names;
}

/** The title of a rule in the report's language, or its id for a rule this version lacks. */
export function ruleTitleOf(id: string, lang: ReportLang): string {
	return NETWORK_RULES.find((rule) => rule.id === id)?.title[lang] ?? id;
}

/** `β′（ポリシーはα）` when the file's model differs from the pack's. */
export function modelText(
	report: Pick<CheckReport, "model" | "packModel">,
	lang: ReportLang,
): string {
	const model = MODEL_LABEL[report.model];
	if (report.model === report.packModel) return model;
	const packModel = MODEL_LABEL[report.packModel];
	return lang === "ja" ? `${model}（ポリシーは${packModel}）` : `${model} (policy: ${packModel})`;
}

export function packName(pack: PolicyPack, lang: ReportLang): string {
	return `${pack.name[lang]} (${pack.id})`;
}
