import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { japaneseDateOrNull, readJapaneseDate, warekiOf } from "./japanese-dates.ts";

const iso = (text: string) => japaneseDateOrNull(text);

test("Western dates in the forms offices write them", () => {
	assert.equal(iso("2023-04-01"), "2023-04-01");
	assert.equal(iso("2023/4/1"), "2023-04-01");
	assert.equal(iso("2023.4.1"), "2023-04-01");
	assert.equal(iso("2023年4月1日"), "2023-04-01");
	assert.equal(iso("20230401"), "2023-04-01");
	assert.equal(iso("2023/4/1 0:00"), "2023-04-01", "Excel's CSV adds a time of day");
	assert.equal(iso("２０２３／０４／０１"), "2023-04-01", "full-width digits and slashes");
	assert.equal(iso("２０２３年４月１日"), "2023-04-01");
	assert.equal(iso("2023－4－1"), "2023-04-01", "full-width hyphen-minus");
	assert.equal(iso("2023−4−1"), "2023-04-01", "minus sign");
});

test("和暦 in every common form", () => {
	assert.equal(iso("令和5年4月1日"), "2023-04-01");
	assert.equal(iso("令和元年5月1日"), "2019-05-01");
	assert.equal(iso("令和 元年 5月 1日"), "2019-05-01");
	assert.equal(iso("R5.4.1"), "2023-04-01");
	assert.equal(iso("R05.04.01"), "2023-04-01");
	assert.equal(iso("r5/4/1"), "2023-04-01");
	assert.equal(iso("Ｒ５．４．１"), "2023-04-01");
	assert.equal(iso("令和５年４月１日"), "2023-04-01");
	assert.equal(iso("㋿5年4月1日"), "2023-04-01", "the era ligature");
	assert.equal(iso("H31.4.30"), "2019-04-30");
	assert.equal(iso("平成31年4月30日"), "2019-04-30");
	assert.equal(iso("平成元年1月8日"), "1989-01-08");
	assert.equal(iso("㍻元年1月8日"), "1989-01-08");
	assert.equal(iso("S64.1.7"), "1989-01-07");
	assert.equal(iso("昭和64年1月7日"), "1989-01-07");
	assert.equal(iso("昭和51年10月5日"), "1976-10-05");
	assert.equal(iso("令和5.4.1"), "2023-04-01");
});

test("a 和暦 date its era never had is an error naming the value and the era", () => {
	assert.deepEqual(readJapaneseDate("H31.5.1"), {
		ok: false,
		error: {
			code: "date_outside_era",
			params: { value: "H31.5.1", era: "平成", first: "1989-01-08", last: "2019-04-30" },
		},
	});
	for (const text of ["令和元年4月30日", "S64.1.8", "平成元年1月7日", "昭和65年1月1日"]) {
		const read = readJapaneseDate(text);
		assert.equal(read.ok, false, text);
		assert.equal(read.ok ? "" : read.error.code, "date_outside_era", text);
	}
});

test("what is not a date says so with the value", () => {
	for (const text of [
		"",
		"2023-02-29",
		"2023-13-01",
		"令和5年2月30日",
		"R0.4.1",
		"X5.4.1",
		"4/1",
		"2023/4",
		"明日",
		"123",
		"1234567",
	]) {
		assert.deepEqual(readJapaneseDate(text), {
			ok: false,
			error: { code: "date_invalid", params: { value: text } },
		});
	}
	assert.equal(iso("2024-02-29"), "2024-02-29", "a leap day");
});

test("Excel serial days (an XLSX date cell read without its format)", () => {
	assert.equal(iso("45017"), "2023-04-01");
	assert.equal(iso("43586"), "2019-05-01");
	assert.equal(iso("45017.5"), "2023-04-01", "a time of day is dropped");
	assert.equal(iso("４５０１７"), "2023-04-01");
});

const days = fc
	.integer({ min: Date.UTC(1926, 11, 25), max: Date.UTC(2099, 11, 31) })
	.map((ms) => new Date(ms).toISOString().slice(0, 10));

const fullWidth = (text: string) =>
	text.replace(/[0-9./]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

test("property: every day reads back from 和暦, its letter form and full width", () => {
	fc.assert(
		fc.property(days, (day) => {
			const kanji = warekiOf(day);
			assert.equal(iso(kanji), day, kanji);
			assert.equal(iso(fullWidth(kanji)), day);
			const [y = 0, m = 0, d = 0] = day.split("-").map(Number);
			const letter = { 令和: "R", 平成: "H", 昭和: "S" }[kanji.slice(0, 2)] ?? "?";
			const n = kanji.startsWith(`${kanji.slice(0, 2)}元`) ? 1 : Number(/\d+/u.exec(kanji)?.[0]);
			const short = `${letter}${String(n).padStart(2, "0")}.${m}.${d}`;
			assert.equal(iso(short), day, short);
			assert.equal(iso(fullWidth(`${y}/${m}/${d}`)), day);
		}),
	);
});

test("property: a day past its era's end is refused with the era's name", () => {
	fc.assert(
		fc.property(fc.integer({ min: 1, max: 240 }), (offset) => {
			const day = new Date(Date.UTC(2019, 4, 1) + (offset - 1) * 86_400_000);
			const [m, d] = [day.getUTCMonth() + 1, day.getUTCDate()];
			const year = day.getUTCFullYear() - 1989 + 1;
			const read = readJapaneseDate(`平成${year}年${m}月${d}日`);
			assert.equal(read.ok, false);
			if (!read.ok) assert.equal(read.error.params.value, `平成${year}年${m}月${d}日`);
		}),
	);
});
