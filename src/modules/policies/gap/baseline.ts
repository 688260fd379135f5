import type { LocalizedLabel, LocalizedText } from "../pack/pack.primitives.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import type { GapGroup } from "./gap.schemas.ts";

/**
 * How to find a provision in an imported policy: a heading title, or wording that must all occur
 * within one section (the most specific section holding every pattern is taken).
 */
export type Finder = { title: RegExp } | { text: RegExp[] };

export type PackProvision = keyof PolicyPack["provisions"];

export interface BaselineProvision {
	code: string;
	group: GapGroup;
	label: LocalizedLabel;
	/** Position in the baseline structure (the MIC order both seeds follow). */
	baselineClause: string;
	/** Whether the baseline pack asks for this provision at all. */
	applies?: (baseline: PolicyPack) => boolean;
	/** Tried in order over the sections; the first that finds a section wins. */
	find: Finder[];
	/** Also look in the revision history when the body does not state it. */
	searchRevisions?: boolean;
	/** The found section must also say this; otherwise the provision is worded differently. */
	expect?: { pattern: RegExp; note: LocalizedText; applies?: (baseline: PolicyPack) => boolean };
	/** When not found: wording that covers the same ground in another way. */
	instead?: { find: Finder[]; note: LocalizedText };
	missingNote: LocalizedText;
	/** The pack field recording whether the tenant's policy has this provision. */
	packProvision?: PackProvision;
}

const inForce = (key: PackProvision) => (baseline: PolicyPack) => baseline.provisions[key].inForce;

/**
 * The checklist: what a 基本方針 following the MIC guideline states, in the order of the standard
 * pack. Detection is by headings and key terms, so it reads policies that number and word their
 * sections in their own way.
 */
export const BASELINE_PROVISIONS: readonly BaselineProvision[] = [
	{
		code: "purpose",
		group: "structure",
		label: { ja: "目的・基本的な考え方", en: "Purpose" },
		baselineClause: "1",
		find: [{ title: /目的|基本的な考え方|基本理念/u }],
		missingNote: { ja: "方針の目的を述べる節がない。", en: "No section states the purpose." },
	},
	{
		code: "definitions",
		group: "structure",
		label: { ja: "定義", en: "Definitions" },
		baselineClause: "2",
		find: [{ title: /定義/u }],
		missingNote: { ja: "用語の定義がない。", en: "Terms are not defined." },
	},
	{
		code: "threats",
		group: "structure",
		label: { ja: "対象とする脅威", en: "Threats addressed" },
		baselineClause: "3",
		find: [{ title: /脅威/u }],
		missingNote: { ja: "想定する脅威を挙げていない。", en: "No list of threats." },
	},
	{
		code: "scope_agencies",
		group: "structure",
		label: { ja: "適用範囲（行政機関）", en: "Scope: agencies" },
		baselineClause: "4(1)",
		find: [{ text: [/行政機関/u, /適用/u] }],
		missingNote: {
			ja: "どの行政機関に適用するかを定めていない。",
			en: "Does not say which agencies the policy applies to.",
		},
	},
	{
		code: "scope_assets",
		group: "structure",
		label: { ja: "適用範囲（情報資産）", en: "Scope: information assets" },
		baselineClause: "4(2)",
		find: [{ text: [/電磁的記録媒体/u, /システム関連文書|仕様書/u] }],
		missingNote: {
			ja: "対象とする情報資産の範囲を定めていない。",
			en: "Does not say which information assets are covered.",
		},
	},
	{
		code: "staff_duty",
		group: "structure",
		label: { ja: "職員等の遵守義務", en: "Staff duty to comply" },
		baselineClause: "5",
		find: [{ title: /遵守義務/u }, { text: [/職員等/u, /遵守しなければならない/u] }],
		expect: {
			pattern: /実施手順|運用マニュアル/u,
			applies: (baseline) => baseline.dutyToComply === "policy_and_procedures",
			note: {
				ja: "遵守の対象がポリシーだけで、実施手順（運用マニュアル）の遵守を求めていない。",
				en: "Staff must comply with the policy only; compliance with the procedures is not required.",
			},
		},
		missingNote: {
			ja: "職員等の遵守義務を定めていない。",
			en: "No duty for staff to comply.",
		},
	},
	{
		code: "organisation",
		group: "measures",
		label: { ja: "組織体制", en: "Organisation" },
		baselineClause: "6(1)",
		find: [{ title: /組織体制/u }],
		missingNote: { ja: "推進体制を定めていない。", en: "No security organisation." },
	},
	{
		code: "classification",
		group: "measures",
		label: { ja: "情報資産の分類と管理", en: "Asset classification and management" },
		baselineClause: "6(2)",
		find: [{ title: /分類/u }],
		expect: {
			pattern: /機密性/u,
			applies: (baseline) =>
				baseline.classification.schemes.find(
					(s) => s.code === baseline.classification.defaultScheme,
				)?.kind === "cia",
			note: {
				ja: "機密性・完全性・可用性ではなく、別の尺度（重要度の段階など）で分類している。",
				en: "Classifies by another scale (such as importance levels) instead of confidentiality, integrity and availability.",
			},
		},
		missingNote: {
			ja: "情報資産の分類に応じた対策を定めていない。",
			en: "No classification of assets with matching measures.",
		},
	},
	{
		code: "three_tier",
		group: "measures",
		label: { ja: "情報システム全体の強靭性の向上（三層の対策）", en: "Three-tier separation" },
		baselineClause: "6(3)",
		find: [{ title: /強靭/u }],
		expect: {
			pattern: /マイナンバー利用事務系[\s\S]*LGWAN[\s\S]*インターネット接続系/u,
			note: {
				ja: "三つの系それぞれの対策が揃っていない。",
				en: "Not every one of the three tiers has its measures.",
			},
		},
		missingNote: {
			ja: "マイナンバー利用事務系・LGWAN接続系・インターネット接続系の分離を定めていない。",
			en: "No separation of the My Number, LGWAN and Internet tiers.",
		},
	},
	{
		code: "mynumber_mfa",
		group: "measures",
		label: { ja: "マイナンバー利用事務系の多要素認証", en: "MFA in the My Number tier" },
		baselineClause: "6(3)①",
		find: [{ text: [/マイナンバー利用事務系/u, /多要素認証/u] }],
		searchRevisions: true,
		missingNote: {
			ja: "マイナンバー利用事務系の端末に多要素認証を求めていない。",
			en: "Multi-factor authentication is not required in the My Number tier.",
		},
	},
	{
		code: "security_cloud",
		group: "measures",
		label: { ja: "自治体情報セキュリティクラウド", en: "Security cloud" },
		baselineClause: "6(3)③",
		find: [{ text: [/情報セキュリティクラウド/u] }],
		missingNote: {
			ja: "インターネット接続を自治体情報セキュリティクラウドに集約していない。",
			en: "Internet traffic is not gathered through the security cloud.",
		},
	},
	{
		code: "physical",
		group: "measures",
		label: { ja: "物理的セキュリティ", en: "Physical security" },
		baselineClause: "6(4)",
		find: [{ title: /物理的/u }],
		missingNote: { ja: "物理的な対策を定めていない。", en: "No physical measures." },
	},
	{
		code: "human",
		group: "measures",
		label: { ja: "人的セキュリティ（教育・啓発）", en: "Human security (training)" },
		baselineClause: "6(5)",
		find: [{ title: /人的/u }],
		expect: {
			pattern: /教育|研修|啓発|訓練/u,
			note: { ja: "教育・啓発に触れていない。", en: "Training and awareness are not mentioned." },
		},
		missingNote: { ja: "人的な対策を定めていない。", en: "No human measures." },
	},
	{
		code: "technical",
		group: "measures",
		label: { ja: "技術的セキュリティ", en: "Technical security" },
		baselineClause: "6(6)",
		find: [{ title: /技術的/u }],
		missingNote: { ja: "技術的な対策を定めていない。", en: "No technical measures." },
	},
	{
		code: "operations",
		group: "measures",
		label: { ja: "運用（監視・遵守状況の確認）", en: "Operations (monitoring, compliance)" },
		baselineClause: "6(7)",
		find: [{ title: /^運用$|^運用[面管]/u }],
		missingNote: { ja: "運用面の対策を定めていない。", en: "No operational measures." },
	},
	{
		code: "incident_plan",
		group: "incident",
		label: { ja: "緊急時対応計画", en: "Emergency response plan" },
		baselineClause: "6(7)",
		find: [{ text: [/緊急時対応計画/u] }],
		instead: {
			find: [{ text: [/侵害|インシデント/u, /対応/u] }],
			note: {
				ja: "侵害時に迅速・適正に対応するとだけ述べ、緊急時対応計画の策定を定めていない。",
				en: "Only says breaches get a prompt, proper response; no emergency response plan is required.",
			},
		},
		missingNote: {
			ja: "侵害が起きたときの対応を定めていない。",
			en: "Nothing on responding to breaches.",
		},
	},
	{
		code: "csirt",
		group: "incident",
		label: { ja: "CSIRT（インシデント対応チーム）", en: "CSIRT" },
		baselineClause: "6(7)",
		applies: (baseline) => baseline.incident.csirt,
		find: [{ text: [/CSIRT|情報セキュリティ対応チーム/u] }],
		searchRevisions: true,
		missingNote: {
			ja: "CSIRTを置くことを定めていない。",
			en: "No CSIRT is set up.",
		},
	},
	{
		code: "outsourcing",
		group: "external",
		label: { ja: "業務委託", en: "Outsourcing" },
		baselineClause: "6(8)",
		find: [{ text: [/業務委託|委託事業者/u, /契約/u] }],
		missingNote: {
			ja: "委託先の選定や契約での要件を定めていない。",
			en: "No rules for choosing contractors or contract requirements.",
		},
		packProvision: "outsourcing",
	},
	{
		code: "cloud_services",
		group: "external",
		label: { ja: "クラウドサービスの利用", en: "Cloud services" },
		baselineClause: "6(8)",
		applies: inForce("cloudServices"),
		find: [{ text: [/クラウドサービス/u, /利用/u] }, { text: [/外部サービス/u, /利用/u] }],
		searchRevisions: true,
		missingNote: {
			ja: "クラウドサービスの利用規定がない。",
			en: "No rules for cloud services.",
		},
		packProvision: "cloudServices",
	},
	{
		code: "external_services",
		group: "external",
		label: { ja: "外部サービスの利用", en: "External services" },
		baselineClause: "6(8)",
		applies: inForce("externalServices"),
		find: [{ text: [/外部サービス/u] }],
		instead: {
			find: [{ text: [/クラウドサービス/u] }],
			note: {
				ja: "クラウドサービスだけを扱い、外部サービス全般には触れていない。",
				en: "Covers cloud services only, not external services in general.",
			},
		},
		missingNote: {
			ja: "外部サービスの利用規定がない。",
			en: "No rules for external services.",
		},
		packProvision: "externalServices",
	},
	{
		code: "social_media",
		group: "external",
		label: { ja: "ソーシャルメディアの利用", en: "Social media" },
		baselineClause: "6(8)",
		applies: inForce("socialMedia"),
		find: [{ text: [/ソーシャルメディア|SNS/u] }],
		missingNote: {
			ja: "公式アカウントの責任者・運用手順・発信内容の規定がない。",
			en: "No responsible person, procedure or posting rules for official accounts.",
		},
		packProvision: "socialMedia",
	},
	{
		code: "evaluation",
		group: "evaluation",
		label: { ja: "評価・見直し（対策の一部として）", en: "Evaluation and review (as a measure)" },
		baselineClause: "6(9)",
		find: [{ title: /評価/u }],
		missingNote: {
			ja: "対策の評価と改善を定めていない。",
			en: "No evaluation and improvement of measures.",
		},
	},
	{
		code: "audit_self_inspection",
		group: "evaluation",
		label: { ja: "監査及び自己点検（毎年度）", en: "Audit and self-inspection (yearly)" },
		baselineClause: "7",
		find: [{ title: /監査/u }, { text: [/監査/u, /自己点検/u] }],
		expect: {
			pattern: /毎年度|毎年|年度ごと/u,
			applies: (baseline) => baseline.cadence.audit.every === "fiscal_year",
			note: {
				ja: "監査・自己点検を「定期的又は必要に応じて」行うとし、毎年度とは定めていない。",
				en: "Audits and self-inspections are periodic or as needed, not every fiscal year.",
			},
		},
		missingNote: {
			ja: "監査と自己点検の実施を定めていない。",
			en: "No audits or self-inspections.",
		},
	},
	{
		code: "review",
		group: "evaluation",
		label: { ja: "ポリシーの見直し（毎年度）", en: "Policy review (yearly)" },
		baselineClause: "8",
		find: [{ title: /ポリシーの見直し|^見直し$/u }],
		expect: {
			pattern: /毎年度|毎年|年度ごと/u,
			applies: (baseline) => baseline.cadence.review.every === "fiscal_year",
			note: {
				ja: "見直しは必要が生じたときだけで、毎年度の見直しを定めていない。",
				en: "The policy is reviewed only when needed, not every fiscal year.",
			},
		},
		missingNote: { ja: "ポリシーの見直しを定めていない。", en: "No policy review." },
	},
	{
		code: "review_risk_analysis",
		group: "evaluation",
		label: {
			ja: "見直し前のリスク分析（発生の可能性と損失）",
			en: "Risk analysis before review (likelihood and loss)",
		},
		baselineClause: "8",
		applies: (baseline) => baseline.cadence.review.requiresRiskAnalysis,
		find: [{ text: [/見直/u, /可能性/u, /損失/u] }],
		instead: {
			find: [{ title: /ポリシーの見直し|^見直し$/u }],
			note: {
				ja: "監査結果や状況の変化を踏まえて見直すが、脅威の発生の可能性と損失の分析を求めていない。",
				en: "Reviews follow audit results and changes, but no analysis of likelihood and loss is required.",
			},
		},
		missingNote: {
			ja: "見直しの前提となるリスク分析を定めていない。",
			en: "No risk analysis before revising the policy.",
		},
	},
	{
		code: "standards_document",
		group: "documents",
		label: { ja: "対策基準の策定", en: "Security standards document" },
		baselineClause: "9",
		find: [{ title: /対策基準/u }],
		missingNote: {
			ja: "対策基準を策定することを定めていない。",
			en: "No security standards are to be drawn up.",
		},
	},
	{
		code: "procedures_document",
		group: "documents",
		label: { ja: "実施手順の策定（非公開）", en: "Procedures document (non-public)" },
		baselineClause: "10",
		find: [{ title: /実施手順/u }],
		expect: {
			pattern: /非公開/u,
			applies: (baseline) => baseline.documents.procedures.publication === "non_public",
			note: {
				ja: "手順書を非公開とする旨がない。",
				en: "Does not say the procedures are kept non-public.",
			},
		},
		instead: {
			find: [{ title: /マニュアル|手順/u }],
			note: {
				ja: "同じ役割の文書を別の名称（運用マニュアルなど）で定めている。",
				en: "The same document is given another name (such as an operations manual).",
			},
		},
		missingNote: {
			ja: "具体的な手順書を策定することを定めていない。",
			en: "No procedures document is to be drawn up.",
		},
	},
	{
		code: "specific_personal_information",
		group: "rules",
		label: { ja: "特定個人情報の取扱い", en: "My Number data (特定個人情報)" },
		baselineClause: "11",
		applies: inForce("specificPersonalInformation"),
		find: [{ title: /特定個人情報/u }, { text: [/特定個人情報/u, /規程|管理|取扱い/u] }],
		missingNote: {
			ja: "特定個人情報の取扱いに関する規程に触れていない。",
			en: "No rules for handling My Number data.",
		},
		packProvision: "specificPersonalInformation",
	},
	{
		code: "free_mail",
		group: "rules",
		label: { ja: "フリーメールの利用", en: "Free mail services" },
		baselineClause: "6(6)",
		applies: inForce("freeMail"),
		find: [{ text: [/フリーメール/u] }],
		searchRevisions: true,
		missingNote: { ja: "フリーメールの扱いに触れていない。", en: "Free mail is not addressed." },
		packProvision: "freeMail",
	},
	{
		code: "web_conferencing",
		group: "rules",
		label: { ja: "Web会議の利用", en: "Web conferencing" },
		baselineClause: "6(6)",
		applies: inForce("webConferencing"),
		find: [{ text: [/Web会議|ウェブ会議|オンライン会議/iu] }],
		searchRevisions: true,
		missingNote: {
			ja: "Web会議を使うときの対策に触れていない。",
			en: "Web conferencing is not addressed.",
		},
		packProvision: "webConferencing",
	},
	{
		code: "non_business_browsing",
		group: "rules",
		label: { ja: "業務外のウェブ閲覧の禁止", en: "No non-business browsing" },
		baselineClause: "6(5)",
		applies: inForce("nonBusinessBrowsingBan"),
		find: [{ text: [/業務(以外|外)/u, /閲覧/u] }],
		searchRevisions: true,
		missingNote: {
			ja: "業務外のウェブ閲覧を禁じていない。",
			en: "Non-business browsing is not forbidden.",
		},
		packProvision: "nonBusinessBrowsingBan",
	},
];
