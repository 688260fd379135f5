import { japanDate } from "./dates.ts";

/**
 * The titles exports are saved under: the names of the registers as the office calls them, the
 * same words as their sheet names. One list, so every export route names its file alike.
 */
export const EXPORT_TITLES = {
	assetLedger: "情報資産管理台帳",
	assetLedgerTemplate: "情報資産管理台帳_取込様式",
	takeOuts: "持ち出し管理簿",
	disposals: "廃棄・返却記録簿",
	risks: "リスク管理台帳",
	auditLog: "監査ログ",
	gapAnalysis: "ギャップ分析",
	networkReport: "三層分離チェック結果",
	unacknowledged: "未確認者一覧",
	rosterTemplate: "職員名簿_取込様式",
	rosterPasswords: "初期パスワード",
	incidentReportDraft: "漏えい等報告書案",
	incidentStats: "インシデント統計",
	checklist: "点検チェックリスト",
	checklistTemplate: "点検チェックリスト_取込様式",
	findings: "指摘事項管理簿",
	selfInspection: "自己点検結果",
	selfInspectionReport: "自己点検報告書",
	statusReport: "情報セキュリティ対策状況報告",
	auditReport: "情報セキュリティ監査報告書",
	exceptions: "例外措置一覧",
	socialMediaAccounts: "公式SNSアカウント台帳",
	trainingCompletion: "研修受講状況",
	cloudServices: "クラウドサービス等利用台帳",
	contractors: "委託先一覧",
	contracts: "業務委託契約一覧",
	myNumberReport: "特定個人情報取扱状況報告",
	secureAreaEntries: "入退室記録",
} as const;

export type ExportTitle = keyof typeof EXPORT_TITLES;

/**
 * The name an export is saved under: its Japanese title, any qualifiers, and the day it was made
 * in Japan, `情報資産管理台帳_20261205.xlsx`. Send it through `attachmentDisposition`
 * (http/content-disposition.ts), which writes the UTF-8 name (RFC 5987/8187) and an ASCII fallback.
 *
 * @example
 * datedFileName("assetLedger", "xlsx", new Date("2026-12-05T03:00:00Z")) // → "情報資産管理台帳_20261205.xlsx"
 * datedFileName("networkReport", "pdf", at, ["r3"]) // → "三層分離チェック結果_r3_20261205.pdf"
 */
export function datedFileName(
	title: ExportTitle,
	extension: string,
	at: Date = new Date(),
	qualifiers: readonly string[] = [],
): string {
	const day = japanDate(at).replaceAll("-", "");
	return `${[EXPORT_TITLES[title], ...qualifiers, day].join("_")}.${extension}`;
}

/** A template's name: its title without a date (a form to fill in, not a record of a day). */
export function templateFileName(
	title: "assetLedgerTemplate" | "rosterTemplate" | "checklistTemplate",
	extension: string,
): string {
	return `${EXPORT_TITLES[title]}.${extension}`;
}
