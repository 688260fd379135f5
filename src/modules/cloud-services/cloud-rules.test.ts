import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import { addMonths, cloudScale, serviceFlags, strictUnmet } from "./cloud-rules.ts";

const service = {
	kind: "saas",
	state: "in_use",
	data_level: "C2",
	approved_max_level: "C2",
	ismap: "ismap",
	data_location: "japan",
	backups: 1,
	next_review_on: "2027-04-01",
};

test("the stricter requirements start where the pack asks written safeguards for outsourcing", () => {
	const standard = cloudScale(loadBundledPack("standard"));
	assert.equal(standard.levels[standard.strictRank]?.code, "C2");
	const saga = cloudScale(loadBundledPack("saga"));
	assert.equal(saga.levels[saga.strictRank]?.code, "II");
	const kitakyushu = cloudScale(loadBundledPack("kitakyushu"));
	assert.equal(kitakyushu.levels[kitakyushu.strictRank]?.code, "C2");
	// Nothing said: full ISMAP, data in Japan, backups; free mail allowed with approval.
	assert.deepEqual(standard.strict, { ismap: "ismap", dataInJapan: true, backups: true });
	assert.equal(standard.freeMail, "allowed_with_approval");
});

test("flags: above the approval, requirements unmet, review overdue, free mail the pack forbids", () => {
	const pack = loadBundledPack("standard");
	const scale = cloudScale(pack);
	assert.deepEqual(serviceFlags(scale, service, "2027-01-01"), []);
	assert.deepEqual(serviceFlags(scale, { ...service, data_level: "C3A" }, "2027-01-01"), [
		"over_approval",
	]);
	assert.deepEqual(strictUnmet(scale, { ...service, ismap: "ismap_liu", backups: 0 }), [
		"ismap",
		"backups",
	]);
	assert.deepEqual(strictUnmet(scale, { ...service, data_level: "C1", ismap: "none" }), []);
	assert.deepEqual(serviceFlags(scale, service, "2027-04-02"), ["review_overdue"]);
	assert.deepEqual(
		serviceFlags(scale, { ...service, state: "retired", data_level: "C3A" }, "2028-01-01"),
		[],
	);
	const strict = cloudScale({
		...pack,
		cloudServiceRules: {
			strictFrom: "C1",
			strict: { ismap: "ismap_or_liu", dataInJapan: false, backups: false },
			freeMail: "prohibited",
		},
	});
	assert.equal(strict.levels[strict.strictRank]?.code, "C1");
	assert.deepEqual(strictUnmet(strict, { ...service, data_level: "C1", ismap: "ismap_liu" }), []);
	assert.deepEqual(
		serviceFlags(
			strict,
			{ ...service, kind: "free_mail", data_level: "C1", ismap: "none" },
			"2027-01-01",
		),
		["strict_unmet", "free_mail_prohibited"],
	);
});

test("review intervals add calendar months, clamped to the month's end", () => {
	assert.equal(addMonths("2026-12-06", 12), "2027-12-06");
	assert.equal(addMonths("2027-01-31", 1), "2027-02-28");
	assert.equal(addMonths("2027-03-15", -6), "2026-09-15");
});
