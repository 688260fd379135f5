import type { I18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/ja.ts";

/** The months of each fiscal quarter: April–June is the first. */
export const QUARTER_MONTHS: Record<number, readonly number[]> = {
	1: [4, 5, 6],
	2: [7, 8, 9],
	3: [10, 11, 12],
	4: [1, 2, 3],
};

/** A unit's timing as one select value: `q3` (a quarter), `m11` (a month) or `` (not fixed). */
export function timingValue(quarter: number | null, month: number | null): string {
	if (month !== null) return `m${month}`;
	if (quarter !== null) return `q${quarter}`;
	return "";
}

/** The quarter and month of a select value. */
export function timingOfValue(value: string): { quarter: number | null; month: number | null } {
	const number = Number(value.slice(1));
	if (value.startsWith("m")) return { quarter: null, month: number };
	if (value.startsWith("q")) return { quarter: number, month: null };
	return { quarter: null, month: null };
}

/** How a timing reads: `第3四半期（10〜12月）`, `11月`, `未定`. */
export function timingText(t: I18n["t"], quarter: number | null, month: number | null): string {
	if (month !== null) return t("audits.timing.month", { month });
	if (quarter !== null) {
		return t("audits.timing.quarter", {
			quarter,
			months: t(`audits.timing.q${quarter}` as MessageKey),
		});
	}
	return t("audits.timing.none");
}
