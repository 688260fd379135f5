import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBundledPack } from "../pack/load-pack.ts";
import { fiscalYearEnd, scheduledReview } from "./review-schedule.ts";

const saga = loadBundledPack("saga");
const kitakyushu = loadBundledPack("kitakyushu");

test("a yearly cadence schedules the review on the fiscal year, which starts on 1 April (JST)", () => {
	assert.deepEqual(scheduledReview(saga.cadence, "2026-04-01T00:00:00+09:00"), {
		fiscalYear: 2026,
		dueOn: "2027-03-31",
		scheduleKey: "FY2026",
	});
	// 31 March 23:59 JST is still the previous fiscal year.
	assert.equal(scheduledReview(saga.cadence, "2026-03-31T23:59:00+09:00")?.fiscalYear, 2025);
	// 31 March 15:00 UTC is 1 April 00:00 in Japan.
	assert.equal(scheduledReview(saga.cadence, "2026-03-31T15:00:00Z")?.fiscalYear, 2026);
	assert.equal(fiscalYearEnd(2025), "2026-03-31");
});

test("a cadence without a yearly review schedules nothing (Kitakyushu reviews on triggers)", () => {
	assert.equal(kitakyushu.cadence.review.every, "as_needed");
	assert.equal(scheduledReview(kitakyushu.cadence, "2026-04-01T00:00:00+09:00"), null);
});
