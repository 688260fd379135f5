import { useMemo } from "react";
import { type DateStyle, formatDate, formatDateTime } from "../../shared/dates.ts";
import { useSession } from "../session.tsx";
import { useI18n } from "./i18n.tsx";

export interface Dates {
	/** How the tenant writes dates (和暦 or 西暦). */
	style: DateStyle;
	/** A day (`2026-12-08`), a month (`2026-12`) or an instant's day in Japan, the tenant's way. */
	date(value: string): string;
	/** An instant with its time in Japan, to the minute (or the second). */
	dateTime(iso: string, options?: { seconds?: boolean }): string;
}

/**
 * The one date format of the screens: the same functions as the exports and PDFs
 * (src/shared/dates.ts), in the reader's language and the tenant's style (a tenant setting).
 *
 * @example
 * const { date } = useDates();
 * <td>{date(item.until)}</td> // 令和8年12月8日
 */
export function useDates(): Dates {
	const { lang } = useI18n();
	const style = useSession().session?.tenant.dateStyle ?? "wareki";
	return useMemo(
		() => ({
			style,
			date: (value) => formatDate(value, style, lang),
			dateTime: (iso, options) => formatDateTime(iso, style, lang, options),
		}),
		[style, lang],
	);
}

/** The first instant of a Japanese calendar day given as `YYYY-MM-DD`, in ISO form. */
export function startOfJapanDay(day: string): string {
	return new Date(`${day}T00:00:00+09:00`).toISOString();
}

/** The first instant after a Japanese calendar day: an exclusive end for "up to and including". */
export function endOfJapanDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00+09:00`) + 24 * 3600 * 1000).toISOString();
}
