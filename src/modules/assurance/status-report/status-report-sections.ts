import {
	type DateStyle,
	formatDate,
	formatDateTime,
	formatFiscalYear,
} from "../../../shared/dates.ts";
import { type TermGroup, term } from "../../../shared/vocabulary.ts";
import type { StatusReport } from "./gather-status-report.ts";

/** One line of a section: what is counted and its figure (a number, or words). */
export type StatusLine = [item: string, value: string | number];

/** One part of the report: its heading, its lines, and a note when it has nothing to count. */
export interface StatusSection {
	title: string;
	lines: StatusLine[];
	note?: string;
}

/** What the report writes where a rate has nothing to count. */
export const NO_FIGURE = "—";

const rate = (value: number | null): string | number => value ?? NO_FIGURE;
const percentText = (value: number | null) => (value === null ? NO_FIGURE : `${value}%`);

/** A fiscal year in 和暦 and 西暦: `令和8年度（2026年度）`. */
export function bothYears(fiscalYear: number): string {
	return `${formatFiscalYear(fiscalYear, "wareki")}（${formatFiscalYear(fiscalYear, "seireki")}）`;
}

/** Every code of a vocabulary group with its count, in the vocabulary's order. */
function termLines<G extends TermGroup>(
	group: G,
	prefix: string,
	counts: Readonly<Record<string, number>>,
): StatusLine[] {
	return Object.entries(counts).map(([code, count]) => [`${prefix}${term(group, code)}`, count]);
}

function overview(report: StatusReport, style: DateStyle): StatusSection {
	const y = report.fiscalYear;
	const first = `${y}-04-01`;
	const last = `${y + 1}-03-31`;
	return {
		title: "概要",
		lines: [
			["対象年度", bothYears(y)],
			[
				"対象期間",
				`${formatDate(first, "wareki")}〜${formatDate(last, "wareki")}（${formatDate(first, "seireki")}〜${formatDate(last, "seireki")}）`,
			],
			["集計日時", formatDateTime(report.at, style)],
		],
	};
}

function policies(report: StatusReport, style: DateStyle): StatusSection[] {
	const { versions, acknowledgementRate } = report.policies;
	const adopted = versions.filter((v) => v.change === "adopted").length;
	const label = (v: (typeof versions)[number]) =>
		`${v.documentTitle} 第${v.versionNumber}版（${v.change === "adopted" ? "制定" : "改定"}）`;
	const asked = versions.reduce((sum, v) => sum + v.audience, 0);
	const done = versions.reduce((sum, v) => sum + v.acknowledged, 0);
	const none = "この年度に公表した版はありません。";
	return [
		{
			title: "情報セキュリティポリシーの策定・改定",
			lines: [
				["公表した版（件）", versions.length],
				["うち制定（件）", adopted],
				["うち改定（件）", versions.length - adopted],
				...versions.map((v): StatusLine => [label(v), `${formatDate(v.publishedAt, style)} 公表`]),
			],
			...(versions.length === 0 ? { note: none } : {}),
		},
		{
			title: "ポリシーの職員確認（既読）状況",
			lines: [
				["確認率（%）", rate(acknowledgementRate)],
				["確認を求めた職員（延べ人数）", asked],
				["確認済みの職員（延べ人数）", done],
				...versions.map(
					(v): StatusLine => [
						label(v),
						`${v.acknowledged} / ${v.audience} 人（${percentText(v.audience === 0 ? null : Math.round((v.acknowledged / v.audience) * 1000) / 10)}）`,
					],
				),
			],
			...(versions.length === 0 ? { note: none } : {}),
		},
	];
}

const TRAINING_KIND: Record<StatusReport["training"]["courses"][number]["kind"], string> = {
	in_person: "集合研修",
	e_learning: "eラーニング",
	phishing_drill: "標的型メール訓練",
};

/** `completed / owed 人（rate）`, or a dash when nobody owes it. */
const completionText = (completed: number, owed: number) =>
	`${completed} / ${owed} 人（${percentText(owed === 0 ? null : Math.round((completed / owed) * 1000) / 10)}）`;

function training(report: StatusReport, style: DateStyle): StatusSection {
	const { courses, total, drills } = report.training;
	const share = (part: number) =>
		rate(drills.targeted === 0 ? null : Math.round((part / drills.targeted) * 1000) / 10);
	return {
		title: "情報セキュリティ研修",
		lines: [
			["実施した研修（件）", courses.filter((c) => c.kind !== "phishing_drill").length],
			["対象者（延べ人数）", total.owed],
			["受講済（延べ人数）", total.completed],
			[
				"受講率（%）",
				rate(total.owed === 0 ? null : Math.round((total.completed / total.owed) * 1000) / 10),
			],
			["標的型メール訓練（件）", courses.filter((c) => c.kind === "phishing_drill").length],
			["訓練の対象者（人）", drills.targeted],
			["開封率（%）", share(drills.opened)],
			["クリック率（%）", share(drills.clicked)],
			["報告率（%）", share(drills.reported)],
			...courses.map(
				(c): StatusLine => [
					`${c.title}（${TRAINING_KIND[c.kind]}）`,
					`${completionText(c.completed, c.owed)}（期限 ${formatDate(c.dueOn, style)}）`,
				],
			),
		],
		...(courses.length === 0 ? { note: "この年度の研修はありません。" } : {}),
	};
}

function selfInspection(report: StatusReport, style: DateStyle): StatusSection {
	const s = report.selfInspection;
	return {
		title: "自己点検",
		lines: [
			["実施した自己点検（件）", s.current.campaigns],
			["回答率（%）", rate(s.current.responseRate)],
			["遵守率（%）", rate(s.current.complianceRate)],
			["前年度の回答率（%）", rate(s.previous.responseRate)],
			["前年度の遵守率（%）", rate(s.previous.complianceRate)],
			...s.campaigns.map(
				(c): StatusLine => [
					c.title,
					`回答率 ${percentText(c.responseRate)}、遵守率 ${percentText(c.complianceRate)}（期限 ${formatDate(c.dueOn, style)}）`,
				],
			),
		],
		...(s.campaigns.length === 0 ? { note: "この年度の自己点検はありません。" } : {}),
	};
}

function audits(report: StatusReport): StatusSection {
	const a = report.audits;
	const byState = new Map<string, number>();
	for (const audit of a.audits) byState.set(audit.state, (byState.get(audit.state) ?? 0) + 1);
	const coverage = a.coverage;
	return {
		title: "情報セキュリティ監査",
		lines: [
			["実施・計画した監査（件）", a.audits.length],
			...[...byState].map(([state, n]): StatusLine => [`状態: ${term("auditState", state)}`, n]),
			...(coverage
				? ([
						["年度監査計画の対象部署", coverage.planned],
						["監査済みの部署", coverage.audited],
						[
							"監査の実施率（%）",
							rate(
								coverage.planned === 0
									? null
									: Math.round((coverage.audited / coverage.planned) * 1000) / 10,
							),
						],
						["未監査の部署", coverage.notAudited.join("、") || "なし"],
					] satisfies StatusLine[])
				: ([["年度監査計画", "なし"]] satisfies StatusLine[])),
		],
	};
}

function findings(report: StatusReport): StatusSection {
	const f = report.findings.current;
	const closed = f.byState.verified + f.byState.accepted_as_risk;
	return {
		title: "指摘事項（是正処置）",
		lines: [
			["指摘事項（件）", f.total],
			["未完了（件）", f.total - closed],
			["完了（件）", closed],
			["是正期限超過（件）", f.overdue],
			...termLines("findingState", "状態: ", f.byState),
			...termLines("findingSeverity", "重大度: ", f.bySeverity),
			...termLines("findingSource", "発生源: ", f.bySource),
		],
	};
}

function incidents(report: StatusReport): StatusSection {
	const i = report.incidents;
	return {
		title: "インシデント",
		lines: [
			["報告された事案（件）", i.total],
			...i.byCategory.map(
				(c): StatusLine => [`区分: ${c.label?.ja ?? c.code ?? "未分類（トリアージ前）"}`, c.count],
			),
			...i.byState.map((s): StatusLine => [`状態: ${term("incidentState", s.state)}`, s.count]),
		],
	};
}

function custody(report: StatusReport): StatusSection {
	const { takeOuts, disposals } = report.custody;
	return {
		title: "情報資産の持ち出し・廃棄",
		lines: [
			["持ち出しの申請（件）", takeOuts.total],
			...termLines("takeOutStatus", "持ち出し: ", takeOuts.byStatus),
			["廃棄・返却（件）", disposals.total],
			...termLines("disposalMethod", "方法: ", disposals.byMethod),
			...termLines("disposalStatus", "記録: ", disposals.byStatus),
		],
	};
}

function network(report: StatusReport, style: DateStyle): StatusSection {
	const n = report.network;
	const drawn = n.revision > 0;
	return {
		title: "三層分離（ネットワーク）チェック",
		lines: [
			["判定", !drawn ? "構成未登録" : n.compliant ? "適合" : "不適合"],
			["指摘（件）", n.violations],
			["違反のある通信（件）", n.violatingFlows],
			["違反のある機器・セグメント（件）", n.violatingNodes],
			["構成の版", drawn ? `第${n.revision}版` : "初期モデル"],
			["構成の最終更新", n.updatedAt ? formatDateTime(n.updatedAt, style) : NO_FIGURE],
		],
	};
}

/**
 * The report's sections in the order of the national survey (総務省「地方公共団体における情報
 * セキュリティ対策の状況調査」): policy, acknowledgement, training, self-inspection, audit,
 * findings, incidents, assets, network. The same sections make the PDF and the workbook.
 */
export function statusSections(report: StatusReport, style: DateStyle): StatusSection[] {
	return [
		overview(report, style),
		...policies(report, style),
		training(report, style),
		selfInspection(report, style),
		audits(report),
		findings(report),
		incidents(report),
		custody(report),
		network(report, style),
	];
}
