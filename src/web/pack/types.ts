import type { Schemas } from "../api/client.ts";

export type TenantPolicyPack = Schemas["TenantPolicyPack"];
export type PolicyPack = TenantPolicyPack["pack"];
export type GapAnalysis = Schemas["PolicyGapAnalysis"];
export type GapItem = GapAnalysis["items"][number];
export type Localized = { ja: string; en: string };
export type PolicyReview = Schemas["PolicyReview"];
export type PolicyReviewList = Schemas["PolicyReviewList"];
export type ReviewInputs = Schemas["PolicyReviewInputs"];

/** `2023-09` → `令和5年9月` (Japanese calendar, as officials write it). */
export function yearMonthWareki(yearMonth: string): string {
	const [year, month] = yearMonth.split("-").map(Number);
	if (!year || !month) return yearMonth;
	return new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
		era: "long",
		year: "numeric",
		month: "long",
		timeZone: "UTC",
	})
		.format(new Date(Date.UTC(year, month - 1, 1)))
		.replace(/^(\D+)1年/u, "$1元年");
}

/** `2026` → `2026年度（令和8年度）`; `FY2026` in English. */
export function fiscalYearLabel(year: number, lang: "ja" | "en"): string {
	if (lang === "en") return `FY${year}`;
	const era = yearMonthWareki(`${year}-04`).replace(/\d+月$/u, "");
	return `${year}年度（${era.replace(/年$/u, "年度")}）`;
}
