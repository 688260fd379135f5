import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type Risk = Schemas["Risk"];
export type RiskOptions = Schemas["RiskOptions"];
export type RiskHeatMap = Schemas["RiskHeatMap"];

export const TREATMENTS = ["reduce", "accept", "transfer", "avoid"] as const;
export const STATUSES = ["open", "treating", "closed"] as const;
export const BANDS = ["low", "medium", "high"] as const;
export const BASES = ["residual", "inherent"] as const;

export const treatmentKey = (value: string) => `risks.treatment.${value}` as MessageKey;
export const statusKey = (value: string) => `risks.status.${value}` as MessageKey;
export const bandKey = (value: string) => `risks.band.${value}` as MessageKey;
export const basisKey = (value: string) => `risks.basis.${value}` as MessageKey;

/** The register's filter as the screen holds it: every value a string, "" when unset. */
export interface RiskFilter {
	q: string;
	status: string;
	treatment: string;
	threat: string;
	unitId: string;
	overdue: string;
	basis: string;
	band: string;
	likelihood: string;
	impact: string;
}

export const EMPTY_FILTER: RiskFilter = {
	q: "",
	status: "",
	treatment: "",
	threat: "",
	unitId: "",
	overdue: "",
	basis: "",
	band: "",
	likelihood: "",
	impact: "",
};

/** The filter as query parameters, leaving out what is not set. */
export function queryOf(filter: RiskFilter): Record<string, string> {
	return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== ""));
}

/** A localized label in the current language. */
export function localized(text: { ja: string; en: string } | null | undefined, lang: string) {
	if (!text) return "";
	return lang === "ja" ? text.ja : text.en;
}

/** The label of a step on the matrix: `高 (3)`. */
export function stepLabel(
	steps: readonly { ja: string; en: string }[],
	step: number,
	lang: string,
): string {
	const label = steps[step - 1];
	return label ? `${localized(label, lang)} (${step})` : String(step);
}
