import { formatJapanTime, formatWareki } from "../../shared/dates.ts";
import type { Lang } from "./i18n.tsx";

const TOKYO = "Asia/Tokyo";

const englishDateTime = new Intl.DateTimeFormat("en-GB", {
	timeZone: TOKYO,
	year: "numeric",
	month: "short",
	day: "numeric",
	hour: "2-digit",
	minute: "2-digit",
	second: "2-digit",
	hour12: false,
});

const dateOnly: Record<Lang, Intl.DateTimeFormat> = {
	ja: new Intl.DateTimeFormat("ja-JP", {
		timeZone: TOKYO,
		year: "numeric",
		month: "2-digit",
		day: "2-digit",
	}),
	en: new Intl.DateTimeFormat("en-GB", {
		timeZone: TOKYO,
		year: "numeric",
		month: "short",
		day: "numeric",
	}),
};

/** An instant in Japan time, to the second. */
export function dateTime(iso: string, lang: Lang): string {
	return lang === "ja" ? formatJapanTime(iso) : englishDateTime.format(new Date(iso));
}

/** The calendar day of an instant in Japan time. */
export function date(iso: string, lang: Lang): string {
	return dateOnly[lang].format(new Date(iso));
}

/** The 和暦 date of an instant, `令和8年4月1日`, for Japanese readers. */
export function wareki(iso: string): string {
	return formatWareki(iso);
}

/** The first instant of a Japanese calendar day given as `YYYY-MM-DD`, in ISO form. */
export function startOfJapanDay(day: string): string {
	return new Date(`${day}T00:00:00+09:00`).toISOString();
}

/** The first instant after a Japanese calendar day: an exclusive end for "up to and including". */
export function endOfJapanDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00+09:00`) + 24 * 3600 * 1000).toISOString();
}
