import { useCallback } from "react";
import { formatFiscalYear } from "../../../shared/dates.ts";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * A fiscal year in both calendars, the tenant's first: `令和7年度（2025年度）`, or
 * `2025年度（令和7年度）` for a tenant writing 西暦; `FY2025` in English.
 *
 * @example
 * const fiscalYear = useFiscalYear(); fiscalYear(2025); // 令和7年度（2025年度）
 */
export function useFiscalYear(): (year: number) => string {
	const { t, lang } = useI18n();
	const { style } = useDates();
	return useCallback(
		(year: number) => {
			if (lang === "en") return formatFiscalYear(year, style, lang);
			const other = style === "wareki" ? "seireki" : "wareki";
			return t("audits.fiscalYear", {
				primary: formatFiscalYear(year, style, lang),
				secondary: formatFiscalYear(year, other, lang),
			});
		},
		[t, lang, style],
	);
}

/** The fiscal year of a Japan date `YYYY-MM-DD`: it starts on 1 April. */
export function fiscalYearOfDay(day: string): number {
	const [year = 2000, month = 4] = day.split("-").map(Number);
	return month < 4 ? year - 1 : year;
}
