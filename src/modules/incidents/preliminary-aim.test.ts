import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import { ReportingRules } from "./assess-obligations.ts";
import { preliminaryAimOf } from "./preliminary-aim.ts";

const standard = loadBundledPack("standard");
const facts = {
	knownAt: "2026-04-28",
	people: 150,
	dataKinds: ["personal" as const],
	wrongfulIntent: false,
	financialDamageRisk: false,
	encrypted: false,
	publishedOnline: false,
	networkSystem: false,
};
const ppc = (rules: ReportingRules, extra: { preliminaryDays?: number } = {}) =>
	rules.assess({ ...facts, ...extra }).find((o) => o.code === "ppc_personal_information");

test("the standard pack aims at day 5 for a preliminary report", () => {
	const reporting = standard.incident.reporting ?? assert.fail("the standard pack states rules");
	assert.equal(preliminaryAimOf(reporting), 5);
});

test("a tenant's own days move the preliminary due date only; a case's own facts win", () => {
	// Known Tuesday 28 April 2026; 29 April is 昭和の日, 2–6 May the Golden Week holidays and weekend.
	assert.equal(ppc(new ReportingRules(standard, standard))?.preliminary?.due, "2026-05-07");
	const tenant = new ReportingRules(standard, standard, { preliminaryDays: 1 });
	assert.equal(ppc(tenant)?.preliminary?.due, "2026-04-28");
	assert.equal(ppc(tenant)?.final?.due, ppc(new ReportingRules(standard, standard))?.final?.due);
	assert.equal(ppc(tenant, { preliminaryDays: 3 })?.preliminary?.due, "2026-04-30");
	const none = new ReportingRules(standard, standard, { preliminaryDays: null });
	assert.equal(ppc(none)?.preliminary?.days, 5);
});
