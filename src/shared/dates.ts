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

/** The date in Japan of an instant, `2026-12-06`. */
export function japanDate(at: Date): string {
	return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the Japan day of `at` began (00:00 JST), as an ISO string in UTC. */
export function startOfJapanDay(at: Date): string {
	return new Date(Date.parse(`${japanDate(at)}T00:00:00Z`) - JST_OFFSET_MS).toISOString();
}
