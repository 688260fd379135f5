import { ERAS } from "../../../shared/japanese-dates.ts";
import { cleanText, recognitionView } from "./normalize.ts";

/** First Gregorian year of each era, by name and by letter; year N of an era is `start + N - 1`. */
const ERA_START: Record<string, number> = Object.fromEntries(
	ERAS.flatMap((era) => [
		[era.name, era.startYear],
		[era.letter, era.startYear],
	]),
);

export interface DateAtStart {
	/** `YYYY-MM` or `YYYY-MM-DD`. */
	iso: string;
	/** The date as written, stray spaces removed: 「平成16年3月」. */
	text: string;
	/** Length of the date in the original string (to cut the rest of the line). */
	length: number;
}

// Recognition form (NFKC): digits are ASCII here whatever the source used.
const KANJI_ERA =
	/^(明治|大正|昭和|平成|令和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/u;
const LETTER_ERA = /^([MTSHR])\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?:\s*[.\-/]\s*(\d{1,2}))?(?!\d)/iu;
const WESTERN =
	/^(\d{4})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|[.\-/]\s*(\d{1,2})(?:\s*[.\-/]\s*(\d{1,2}))?(?!\d))/u;

function iso(year: number, month: number, day: number | undefined): string | null {
	if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return null;
	const yyyy = String(year).padStart(4, "0");
	const mm = String(month).padStart(2, "0");
	return day === undefined ? `${yyyy}-${mm}` : `${yyyy}-${mm}-${String(day).padStart(2, "0")}`;
}

function optionalNumber(text: string | undefined): number | undefined {
	return text === undefined ? undefined : Number(text);
}

/**
 * Read a date at the start of `text`: 和暦 (平成16年3月, 令和元年7月1日), abbreviated (H16.3,
 * R5.9.1) or Western (2004年3月, 2004/3).
 *
 * @example
 * parseDateAtStart("平成16 年3 月 初版策定"); // { iso: "2004-03", text: "平成16年3月", length: 10 }
 */
export function parseDateAtStart(text: string): DateAtStart | null {
	const view = recognitionView(text);
	const kanji = KANJI_ERA.exec(view.text);
	const letter = kanji ? null : LETTER_ERA.exec(view.text);
	const western = kanji || letter ? null : WESTERN.exec(view.text);
	let result: string | null = null;
	let matched: string | undefined;
	if (kanji) {
		const [whole, era = "", year = "", month = "", day] = kanji;
		const start = ERA_START[era] ?? 0;
		result = iso(
			start + (year === "元" ? 1 : Number(year)) - 1,
			Number(month),
			optionalNumber(day),
		);
		matched = whole;
	} else if (letter) {
		const [whole, era = "", year = "", month = "", day] = letter;
		const start = ERA_START[era.toUpperCase()] ?? 0;
		result = iso(start + Number(year) - 1, Number(month), optionalNumber(day));
		matched = whole;
	} else if (western) {
		const [whole, year = "", month1, day1, month2, day2] = western;
		result = iso(Number(year), Number(month1 ?? month2), optionalNumber(day1 ?? day2));
		matched = whole;
	}
	if (result === null || matched === undefined) return null;
	const length = view.originalIndex(matched.length);
	return { iso: result, text: cleanText(text.slice(0, length)), length };
}
