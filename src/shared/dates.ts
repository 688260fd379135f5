const japanTime = new Intl.DateTimeFormat("ja-JP", {
	timeZone: "Asia/Tokyo",
	year: "numeric",
	month: "2-digit",
	day: "2-digit",
	hour: "2-digit",
	minute: "2-digit",
	second: "2-digit",
	hour12: false,
});

const wareki = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
	timeZone: "Asia/Tokyo",
	era: "long",
	year: "numeric",
	month: "long",
	day: "numeric",
});

/** An instant in Japan time, `2026/11/22 11:10:14`. */
export function formatJapanTime(iso: string): string {
	return japanTime.format(new Date(iso));
}

const warekiMonth = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
	timeZone: "Asia/Tokyo",
	era: "long",
	year: "numeric",
	month: "long",
});

const japanParts = new Intl.DateTimeFormat("en-CA", {
	timeZone: "Asia/Tokyo",
	year: "numeric",
	month: "numeric",
	day: "numeric",
	hour: "2-digit",
	minute: "2-digit",
	second: "2-digit",
	hourCycle: "h23",
});

const englishMonths = [
	"Jan",
	"Feb",
	"Mar",
	"Apr",
	"May",
	"Jun",
	"Jul",
	"Aug",
	"Sep",
	"Oct",
	"Nov",
	"Dec",
];

/** How a tenant writes dates: 和暦 (`令和8年12月8日`) or 西暦 (`2026年12月8日`). */
export const DATE_STYLES = ["wareki", "seireki"] as const;
export type DateStyle = (typeof DATE_STYLES)[number];
export type DateLang = "ja" | "en";

/** A date in 和暦, `令和8年11月22日` (first years read 元年). */
export function formatWareki(iso: string): string {
	return wareki.format(new Date(iso)).replace(/^(\D+)1年/, "$1元年");
}

/** The fiscal year (年度) of an instant in Japan time: it starts on 1 April. */
export function fiscalYear(iso: string): number {
	const japan = new Date(Date.parse(iso) + 9 * 3600 * 1000);
	const year = japan.getUTCFullYear();
	return japan.getUTCMonth() < 3 ? year - 1 : year;
}

const JST_OFFSET_MS = 9 * 3600 * 1000;

/**
 * The instants a fiscal year (年度) begins and ends: 1 April 00:00 in Japan, up to (not including)
 * the next 1 April, as UTC ISO strings.
 *
 * @example
 * fiscalYearInstants(2026) // → { from: "2026-03-31T15:00:00.000Z", to: "2027-03-31T15:00:00.000Z" }
 */
export function fiscalYearInstants(year: number): { from: string; to: string } {
	const start = (y: number) => new Date(`${y}-04-01T00:00:00+09:00`).toISOString();
	return { from: start(year), to: start(year + 1) };
}

/** The date in Japan of an instant, `2026-12-06`. */
export function japanDate(at: Date): string {
	return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the Japan day of `at` began (00:00 JST), as an ISO string in UTC. */
export function startOfJapanDay(at: Date): string {
	return new Date(Date.parse(`${japanDate(at)}T00:00:00Z`) - JST_OFFSET_MS).toISOString();
}

/** The instant a value stands for: a Japan day (`YYYY-MM-DD`), a month (`YYYY-MM`), or an instant. */
function instantOf(value: string): Date {
	if (/^\d{4}-\d{2}$/u.test(value)) return new Date(`${value}-15T12:00:00+09:00`);
	if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) return new Date(`${value}T12:00:00+09:00`);
	return new Date(value);
}

/** Year, month, day, hour, minute, second of an instant in Japan time. */
function japanFields(
	at: Date,
): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
	const parts = Object.fromEntries(japanParts.formatToParts(at).map((p) => [p.type, p.value]));
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second),
	};
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * A date the way the tenant writes it, the one date format of the screens, exports and PDFs.
 * Takes a Japan day (`2026-12-08`), a month (`2026-12`, shown without a day) or an instant (shown
 * as its day in Japan). Text that is none of these is returned unchanged.
 *
 * @example
 * formatDate("2026-12-08", "wareki") // → "令和8年12月8日"
 * formatDate("2026-12-08", "seireki") // → "2026年12月8日"
 * formatDate("2026-12-08", "wareki", "en") // → "8 Dec 2026"
 * formatDate("2019-05", "wareki") // → "令和元年5月"
 */
export function formatDate(value: string, style: DateStyle, lang: DateLang = "ja"): string {
	const at = instantOf(value);
	if (Number.isNaN(at.getTime())) return value;
	const monthOnly = /^\d{4}-\d{2}$/u.test(value);
	const { year, month, day } = japanFields(at);
	if (lang === "en") {
		const name = englishMonths[month - 1] ?? String(month);
		return monthOnly ? `${name} ${year}` : `${day} ${name} ${year}`;
	}
	if (style === "wareki") {
		return monthOnly
			? warekiMonth.format(at).replace(/^(\D+)1年/u, "$1元年")
			: formatWareki(at.toISOString());
	}
	return monthOnly ? `${year}年${month}月` : `${year}年${month}月${day}日`;
}

/**
 * An instant as the tenant writes dates, with the time of day in Japan (24 hours).
 *
 * @example
 * formatDateTime("2026-12-08T05:05:09Z", "wareki") // → "令和8年12月8日 14:05"
 * formatDateTime("2026-12-08T05:05:09Z", "seireki", "ja", { seconds: true }) // → "2026年12月8日 14:05:09"
 * formatDateTime("2026-12-08T05:05:09Z", "seireki", "en") // → "8 Dec 2026, 14:05"
 */
export function formatDateTime(
	iso: string,
	style: DateStyle,
	lang: DateLang = "ja",
	options: { seconds?: boolean } = {},
): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return iso;
	const { hour, minute, second } = japanFields(at);
	const time = `${two(hour)}:${two(minute)}${options.seconds ? `:${two(second)}` : ""}`;
	const day = formatDate(iso, style, lang);
	return lang === "en" ? `${day}, ${time}` : `${day} ${time}`;
}

/**
 * A fiscal year (年度, from 1 April) the way the tenant writes dates.
 *
 * @example
 * formatFiscalYear(2026, "wareki") // → "令和8年度"
 * formatFiscalYear(2026, "seireki") // → "2026年度"
 * formatFiscalYear(2026, "wareki", "en") // → "FY2026"
 */
export function formatFiscalYear(year: number, style: DateStyle, lang: DateLang = "ja"): string {
	if (lang === "en") return `FY${year}`;
	if (style === "seireki") return `${year}年度`;
	// The era of the year's December: FY2019 is 令和元年度, FY1988 昭和63年度 (as officials name them).
	return `${formatDate(`${year}-12`, "wareki").replace(/\d+月$/u, "")}度`;
}
