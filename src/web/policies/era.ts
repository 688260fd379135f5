import { formatWareki } from "../../shared/dates.ts";

const warekiMonth = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
	timeZone: "Asia/Tokyo",
	era: "long",
	year: "numeric",
	month: "long",
});

/** A 改定履歴 date (`YYYY-MM` or `YYYY-MM-DD`) in 和暦: `平成16年3月`, `令和元年7月1日`. */
export function revisionWareki(date: string): string {
	const instant = `${date.length === 7 ? `${date}-15` : date}T12:00:00+09:00`;
	if (date.length > 7) return formatWareki(instant);
	return warekiMonth.format(new Date(instant)).replace(/^(\D+)1年/, "$1元年");
}

/** The same date in 西暦: `2004年3月`, `2019年7月1日`. */
export function revisionSeireki(date: string): string {
	const [year, month, day] = date.split("-");
	return `${year}年${Number(month)}月${day ? `${Number(day)}日` : ""}`;
}
