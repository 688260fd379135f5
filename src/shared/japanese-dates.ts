/**
 * Dates as Japanese offices write them in spreadsheets, read into ISO `YYYY-MM-DD`: Western
 * (2023-04-01, 2023/4/1, 2023.4.1, 2023年4月1日, 20230401), 和暦 (令和5年4月1日, 令和元年5月1日,
 * R5.4.1, R05.04.01, H31.4.30, 昭和64年1月7日, ㋿5.4.1) in full-width or half-width characters,
 * and Excel's serial day numbers (what an XLSX date cell holds when it is read without its style).
 * A 和暦 date is checked against its era: H31.5.1 does not exist (令和 began on 2019-05-01).
 */

/** Each era's first and last day (the last era has none) and its letter. */
export const ERAS = [
	{ name: "明治", letter: "M", first: "1868-10-23", last: "1912-07-29", startYear: 1868 },
	{ name: "大正", letter: "T", first: "1912-07-30", last: "1926-12-24", startYear: 1912 },
	{ name: "昭和", letter: "S", first: "1926-12-25", last: "1989-01-07", startYear: 1926 },
	{ name: "平成", letter: "H", first: "1989-01-08", last: "2019-04-30", startYear: 1989 },
	{ name: "令和", letter: "R", first: "2019-05-01", last: null, startYear: 2019 },
] as const;

export type Era = (typeof ERAS)[number];

const ERA_BY_WORD = new Map<string, Era>(
	ERAS.flatMap((era) => [
		[era.name, era],
		[era.letter, era],
	]),
);

/** Why a text is not a date: not a date at all, or a 和暦 date its era never had. */
export type DateReadError =
	| { code: "date_invalid"; params: { value: string } }
	| {
			code: "date_outside_era";
			params: { value: string; era: string; first: string; last: string };
	  };

export type DateRead = { ok: true; iso: string } | { ok: false; error: DateReadError };

/**
 * Excel's serial days (1900 system) count from 1899-12-30 for every day after 1900-02-28. Only
 * five-digit serials are read (10000 is 1927-05-18, 99999 is 2173-10-14): a short number in a
 * date column is a mistake, not a day in 1900.
 */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

// On the NFKC form: digits and punctuation are ASCII, ㋿ is 令和, ㍻ is 平成.
const SEP = String.raw`\s*[-/.]\s*`;
const WESTERN_SEP = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})$`, "u");
const WESTERN_KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
const ERA_KANJI =
	/^(明治|大正|昭和|平成|令和|[MTSHR])\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/iu;
const ERA_SEP = new RegExp(
	String.raw`^(明治|大正|昭和|平成|令和|[MTSHR])\s*(\d{1,2}|元)${SEP}(\d{1,2})${SEP}(\d{1,2})$`,
	"iu",
);
const SERIAL = /^\d{5}(?:\.\d+)?$/u;
/** A time of day after the date (Excel's CSV writes `2023/4/1 0:00`): ignored. */
const TIME_AFTER = /\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/u;
/** Dashes and long marks people type between numbers, none of which NFKC folds to `-`. */
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70]/gu;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function calendarDay(year: number, month: number, day: number): string | null {
	if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1) return null;
	const at = new Date(Date.UTC(year, month - 1, day));
	at.setUTCFullYear(year);
	if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fromSerial(serial: number): string {
	return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** The form a value is matched in: NFKC, dashes unified, no time of day. */
function recognitionForm(text: string): string {
	return text.normalize("NFKC").replace(DASHES, "-").trim().replace(TIME_AFTER, "");
}

function eraDay(value: string, word: string, yearText: string, month: string, day: string) {
	const era = ERA_BY_WORD.get(word.toUpperCase()) ?? ERA_BY_WORD.get(word);
	if (!era) return invalid(value);
	const year = yearText === "元" ? 1 : Number(yearText);
	if (year < 1) return invalid(value);
	const iso = calendarDay(era.startYear + year - 1, Number(month), Number(day));
	if (iso === null) return invalid(value);
	if (iso < era.first || (era.last !== null && iso > era.last)) {
		return {
			ok: false,
			error: {
				code: "date_outside_era",
				params: { value, era: era.name, first: era.first, last: era.last ?? "" },
			},
		} satisfies DateRead;
	}
	return { ok: true, iso } satisfies DateRead;
}

function invalid(value: string): DateRead {
	return { ok: false, error: { code: "date_invalid", params: { value } } };
}

function western(value: string, year: string, month: string, day: string): DateRead {
	const iso = calendarDay(Number(year), Number(month), Number(day));
	return iso === null ? invalid(value) : { ok: true, iso };
}

/**
 * Read a date a person or a spreadsheet wrote, as ISO `YYYY-MM-DD`, or say why it is not one.
 * The caller decides what an empty cell means: an empty text is `date_invalid`.
 *
 * @example
 * readJapaneseDate("令和元年5月1日"); // { ok: true, iso: "2019-05-01" }
 * readJapaneseDate("Ｒ５．４．１"); // { ok: true, iso: "2023-04-01" }
 * readJapaneseDate("45017"); // { ok: true, iso: "2023-04-01" } (an Excel serial day)
 * readJapaneseDate("H31.5.1"); // { ok: false, error: { code: "date_outside_era", … } }
 */
export function readJapaneseDate(value: string): DateRead {
	const text = recognitionForm(value);
	let match = WESTERN_SEP.exec(text) ?? WESTERN_KANJI.exec(text) ?? COMPACT.exec(text);
	if (match) return western(value, match[1] ?? "", match[2] ?? "", match[3] ?? "");
	match = ERA_KANJI.exec(text) ?? ERA_SEP.exec(text);
	if (match) return eraDay(value, match[1] ?? "", match[2] ?? "", match[3] ?? "", match[4] ?? "");
	if (SERIAL.test(text)) return { ok: true, iso: fromSerial(Number(text)) };
	return invalid(value);
}

/**
 * `readJapaneseDate`'s ISO day, or null when the text is not a date (for callers that have one
 * error of their own for every wrong date).
 *
 * @example
 * japaneseDateOrNull("平成31年4月30日"); // "2019-04-30"
 */
export function japaneseDateOrNull(value: string): string | null {
	const read = readJapaneseDate(value);
	return read.ok ? read.iso : null;
}

/**
 * A day written in 和暦 the way it is read back in: `令和5年4月1日` (元年 for a first year).
 * Used by the tests and the docs' examples; the screens use `formatDate`.
 */
export function warekiOf(iso: string): string {
	const era = [...ERAS].reverse().find((e) => iso >= e.first);
	if (!era) return iso;
	const [year = 0, month = 0, day = 0] = iso.split("-").map(Number);
	const n = year - era.startYear + 1;
	return `${era.name}${n === 1 ? "元" : n}年${month}月${day}日`;
}
