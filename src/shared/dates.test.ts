import assert from "node:assert/strict";
import { test } from "node:test";
import {
	fiscalYear,
	fiscalYearInstants,
	formatDate,
	formatDateTime,
	formatFiscalYear,
	formatJapanTime,
	formatWareki,
} from "./dates.ts";

test("formatJapanTime shows an instant in Japan time", () => {
	assert.equal(formatJapanTime("2026-11-22T02:10:14Z"), "2026/11/22 11:10:14");
	assert.equal(
		formatJapanTime("2026-03-31T15:00:00.000Z"),
		"2026/04/01 00:00:00",
		"next day in JST",
	);
	assert.equal(formatJapanTime("2026-01-01T00:00:00+09:00"), "2026/01/01 00:00:00");
});

test("formatWareki: 和暦 in Japan time, with 元年 for first years", () => {
	assert.equal(formatWareki("2019-05-01T00:00:00+09:00"), "令和元年5月1日");
	assert.equal(formatWareki("2019-04-30T15:00:00Z"), "令和元年5月1日", "already 1 May in Japan");
	assert.equal(formatWareki("2019-04-30T14:59:59Z"), "平成31年4月30日");
	assert.equal(formatWareki("2019-12-31T00:00:00+09:00"), "令和元年12月31日");
	assert.equal(formatWareki("2020-01-01T00:00:00+09:00"), "令和2年1月1日");
	assert.equal(formatWareki("2026-11-22T00:00:00+09:00"), "令和8年11月22日");
	assert.equal(formatWareki("2028-04-01T00:00:00+09:00"), "令和10年4月1日");
	assert.equal(formatWareki("2029-04-01T00:00:00+09:00"), "令和11年4月1日", "11 is not 元年");
	assert.equal(formatWareki("1989-01-08T00:00:00+09:00"), "平成元年1月8日");
	assert.equal(formatWareki("1989-01-07T00:00:00+09:00"), "昭和64年1月7日");
});

test("fiscalYear: 年度 starts on 1 April in Japan time", () => {
	assert.equal(fiscalYear("2026-03-31T14:59:59.999Z"), 2025, "31 March 23:59:59 JST");
	assert.equal(fiscalYear("2026-03-31T15:00:00.000Z"), 2026, "1 April 00:00 JST");
	assert.equal(fiscalYear("2026-04-01T00:00:00+09:00"), 2026);
	assert.equal(fiscalYear("2026-03-31T23:59:59+09:00"), 2025);
	assert.equal(fiscalYear("2026-01-15T00:00:00+09:00"), 2025, "January belongs to the year before");
	assert.equal(fiscalYear("2026-12-31T15:00:00Z"), 2026, "1 January 2027 JST is still FY2026");
	assert.equal(fiscalYear("2027-03-31T12:00:00Z"), 2026);
});

test("formatDate: one date format, 和暦 or 西暦 as the tenant writes dates", () => {
	assert.equal(formatDate("2026-12-08", "wareki"), "令和8年12月8日");
	assert.equal(formatDate("2026-12-08", "seireki"), "2026年12月8日");
	assert.equal(formatDate("2026-12-08", "wareki", "en"), "8 Dec 2026");
	assert.equal(formatDate("2019-05-01", "wareki"), "令和元年5月1日");
	assert.equal(formatDate("2019-05", "wareki"), "令和元年5月");
	assert.equal(formatDate("2004-03", "seireki"), "2004年3月");
	assert.equal(formatDate("2004-03", "seireki", "en"), "Mar 2004");
	assert.equal(formatDate("2026-12-07T15:30:00Z", "seireki"), "2026年12月8日", "the day in Japan");
	assert.equal(formatDate("2026-12-07T15:30:00Z", "wareki"), "令和8年12月8日");
	assert.equal(formatDate("いつか", "wareki"), "いつか", "not a date: unchanged");
});

test("formatDateTime: the day as the tenant writes it, and the time in Japan", () => {
	assert.equal(formatDateTime("2026-12-08T05:05:09Z", "wareki"), "令和8年12月8日 14:05");
	assert.equal(formatDateTime("2026-12-08T05:05:09Z", "seireki"), "2026年12月8日 14:05");
	assert.equal(
		formatDateTime("2026-12-08T05:05:09Z", "seireki", "ja", { seconds: true }),
		"2026年12月8日 14:05:09",
	);
	assert.equal(formatDateTime("2026-12-07T15:00:00Z", "seireki", "en"), "8 Dec 2026, 00:00");
	assert.equal(formatDateTime("2026-03-31T15:00:00Z", "wareki"), "令和8年4月1日 00:00");
});

test("formatFiscalYear: 年度 in the tenant's style", () => {
	assert.equal(formatFiscalYear(2026, "wareki"), "令和8年度");
	assert.equal(formatFiscalYear(2019, "wareki"), "令和元年度");
	assert.equal(formatFiscalYear(1988, "wareki"), "昭和63年度");
	assert.equal(formatFiscalYear(2026, "seireki"), "2026年度");
	assert.equal(formatFiscalYear(2026, "seireki", "en"), "FY2026");
});

test("fiscalYearInstants: 1 April 00:00 in Japan up to the next 1 April", () => {
	assert.deepEqual(fiscalYearInstants(2026), {
		from: "2026-03-31T15:00:00.000Z",
		to: "2027-03-31T15:00:00.000Z",
	});
});
