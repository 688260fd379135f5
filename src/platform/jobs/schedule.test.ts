import assert from "node:assert/strict";
import { test } from "node:test";
import { japanDate, startOfJapanDay } from "../../shared/dates.ts";
import { jobBackoffSeconds, nextDailyOccurrence, occurrenceKey } from "./schedule.ts";

test("the next daily occurrence is today's hour in Japan when it is still ahead, else tomorrow's", () => {
	// 01:00 UTC is 10:00 in Japan: 09:00 has passed, 18:00 has not.
	const now = new Date("2026-12-06T01:00:00Z");
	assert.deepEqual(nextDailyOccurrence(now, 9), {
		dueAt: "2026-12-07T00:00:00.000Z",
		date: "2026-12-07",
	});
	assert.deepEqual(nextDailyOccurrence(now, 18), {
		dueAt: "2026-12-06T09:00:00.000Z",
		date: "2026-12-06",
	});
});

test("the Japan date turns at 15:00 UTC, and the occurrence at exactly its time is the next day's", () => {
	assert.equal(japanDate(new Date("2026-12-06T14:59:59Z")), "2026-12-06");
	assert.equal(japanDate(new Date("2026-12-06T15:00:00Z")), "2026-12-07");
	assert.equal(startOfJapanDay(new Date("2026-12-06T14:59:59Z")), "2026-12-05T15:00:00.000Z");
	assert.equal(startOfJapanDay(new Date("2026-12-06T15:00:00Z")), "2026-12-06T15:00:00.000Z");
	// 23:30 UTC on the 6th is 08:30 on the 7th in Japan.
	assert.equal(nextDailyOccurrence(new Date("2026-12-06T23:30:00Z"), 9).date, "2026-12-07");
	assert.equal(nextDailyOccurrence(new Date("2026-12-07T00:00:00Z"), 9).date, "2026-12-08");
	// Midnight in Japan, across a month and a year.
	assert.deepEqual(nextDailyOccurrence(new Date("2026-12-31T15:00:00Z"), 0), {
		dueAt: "2027-01-01T15:00:00.000Z",
		date: "2027-01-02",
	});
	assert.deepEqual(nextDailyOccurrence(new Date("2026-12-31T14:00:00Z"), 0), {
		dueAt: "2026-12-31T15:00:00.000Z",
		date: "2027-01-01",
	});
});

test("an occurrence key names the job, the tenant (or the instance) and the date", () => {
	assert.equal(occurrenceKey("a.b", "t1", "2026-12-07"), "a.b|t1|2026-12-07");
	assert.equal(occurrenceKey("a.b", null, "2026-12-07"), "a.b|*|2026-12-07");
});

test("backoff doubles from 30 seconds and stops at an hour", () => {
	assert.deepEqual([1, 2, 3, 4, 5].map(jobBackoffSeconds), [30, 60, 120, 240, 480]);
	assert.equal(jobBackoffSeconds(8), 3600);
	assert.equal(jobBackoffSeconds(50), 3600);
	assert.equal(jobBackoffSeconds(0), 30);
});
