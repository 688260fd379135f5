import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import { type PolicyPack, policyPackSchema } from "../policies/pack/pack.schema.ts";
import { ReportingRules } from "./assess-obligations.ts";
import { type CaseFacts, caseFactsSchema } from "./assessment.schema.ts";

const standard = loadBundledPack("standard");
const rules = new ReportingRules(standard, standard);

/** A case with nothing reportable about it, changed by `change`. */
function facts(change: Partial<CaseFacts> = {}): CaseFacts {
	return caseFactsSchema.parse({
		knownAt: "2027-06-01",
		people: 3,
		dataKinds: ["personal"],
		wrongfulIntent: false,
		financialDamageRisk: false,
		encrypted: false,
		...change,
	});
}

function ppc(change: Partial<CaseFacts> = {}, on = rules) {
	const found = on.assess(facts(change)).find((o) => o.code === "ppc_personal_information");
	assert.ok(found);
	return found;
}

test("a small leak of ordinary personal data needs no report to the PPC", () => {
	const result = ppc();
	assert.equal(result.required, false);
	assert.deepEqual(
		result.reasons.map((r) => r.code),
		["no_criterion_met"],
	);
	assert.equal(result.final, null);
});

test("each criterion of Rules Art. 43 on its own makes the report required, naming its clause", () => {
	const cases: [Partial<CaseFacts>, string, string][] = [
		[{ dataKinds: ["sensitive"] }, "data_kind", "施行規則第43条第1号"],
		[{ financialDamageRisk: true }, "fact", "施行規則第43条第2号"],
		[{ wrongfulIntent: true }, "fact", "施行規則第43条第3号"],
		[{ people: 101 }, "people_more_than", "施行規則第43条第4号"],
		[{ dataKinds: ["ordinance_sensitive"] }, "data_kind", "施行規則第43条第5号"],
	];
	for (const [change, code, clause] of cases) {
		const result = ppc(change);
		assert.equal(result.required, true, JSON.stringify(change));
		assert.deepEqual(
			result.reasons.map((r) => [r.code, r.clause?.ja]),
			[[code, clause]],
		);
	}
	assert.equal(ppc({ people: 100 }).required, false, "100 people is not more than 100");
});

test("strong encryption exempts the case, and says so", () => {
	const result = ppc({ people: 5000, dataKinds: ["sensitive"], encrypted: true });
	assert.equal(result.required, false);
	assert.deepEqual(
		result.reasons.map((r) => [r.code, r.params.facts]),
		[["exempt", "encrypted"]],
	);
});

test("day 1 is the day known; the final report is due on day 30, or day 60 with wrongful intent", () => {
	// 2027-06-01 (Tue): day 5 is Sat 06-05 → Mon 06-07; day 30 is Wed 06-30.
	const plain = ppc({ people: 150 });
	assert.equal(plain.preliminary?.due, "2027-06-07");
	assert.equal(plain.preliminary?.aim, true);
	assert.equal(plain.final?.due, "2027-06-30");
	assert.equal(plain.final?.days, 30);
	// Day 60 is Fri 2027-07-30.
	const intent = ppc({ wrongfulIntent: true });
	assert.equal(intent.final?.days, 60);
	assert.equal(intent.final?.due, "2027-07-30");
});

test("deadlines crossing a weekend, a national holiday and the New Year closure move on", () => {
	// Known Thu 2027-04-29 (昭和の日): day 5 is Mon 05-03, then 05-04, 05-05 are holidays → Thu 05-06.
	assert.equal(ppc({ people: 150, knownAt: "2027-04-29" }).preliminary?.due, "2027-05-06");
	// Known Sat 2026-07-18: day 30 is Sun 08-16 → Mon 08-17.
	assert.equal(ppc({ people: 150, knownAt: "2026-07-18" }).final?.due, "2026-08-17");
	// Known Sat 2026-11-21: day 30 is Sun 12-20 → Mon 12-21 (open).
	assert.equal(ppc({ people: 150, knownAt: "2026-11-21" }).final?.due, "2026-12-21");
	// Known Wed 2026-11-30: day 30 is Tue 12-29, closed until 01-03 (Sun) → Mon 2027-01-04.
	assert.equal(ppc({ people: 150, knownAt: "2026-11-30" }).final?.due, "2027-01-04");
	// Known Fri 2027-12-10 with wrongful intent: day 60 is Mon 2028-02-07 (open).
	assert.equal(ppc({ wrongfulIntent: true, knownAt: "2027-12-10" }).final?.due, "2028-02-07");
	// Known Tue 2026-12-22: day 5 is Sat 12-26 → Mon 12-28 (the last open day before the closure).
	assert.equal(ppc({ people: 150, knownAt: "2026-12-22" }).preliminary?.due, "2026-12-28");
	// Known Thu 2026-12-24: day 5 is Mon 12-28, open.
	assert.equal(ppc({ people: 150, knownAt: "2026-12-24" }).preliminary?.due, "2026-12-28");
	// Known Fri 2026-12-25: day 5 is Tue 12-29 → closed until Sun 01-03 → Mon 2027-01-04.
	assert.equal(ppc({ people: 150, knownAt: "2026-12-25" }).preliminary?.due, "2027-01-04");
	// Known Tue 2027-01-05: day 5 is Sat 01-09 → Sun → Mon 01-11 is 成人の日 → Tue 01-12.
	assert.equal(ppc({ people: 150, knownAt: "2027-01-05" }).preliminary?.due, "2027-01-12");
});

test("the tenant's own aim replaces the pack's for the preliminary report only", () => {
	const result = ppc({ people: 150, preliminaryDays: 3 });
	assert.equal(result.preliminary?.days, 3);
	assert.equal(result.preliminary?.due, "2027-06-03");
	assert.equal(result.final?.days, 30);
});

test("My Number leaks: their own criteria, only where the pack's provision is in force", () => {
	const myNumber = (change: Partial<CaseFacts>, on = rules) =>
		on
			.assess(facts({ dataKinds: ["my_number"], ...change }))
			.find((o) => o.code === "ppc_my_number");
	assert.equal(myNumber({})?.required, false);
	assert.equal(myNumber({ people: 101 })?.required, true);
	assert.equal(myNumber({ publishedOnline: true })?.required, true);
	assert.equal(myNumber({ networkSystem: true })?.required, true);
	assert.equal(myNumber({ networkSystem: true, encrypted: true })?.required, false);
	assert.equal(myNumber({ wrongfulIntent: true })?.final?.days, 60);
	const notConcerned = rules.assess(facts({ people: 500 })).find((o) => o.code === "ppc_my_number");
	assert.deepEqual(
		notConcerned?.reasons.map((r) => r.code),
		["data_not_concerned"],
	);

	// Kitakyushu's pack does not state rules for specific personal information.
	const kitakyushu = new ReportingRules(loadBundledPack("kitakyushu"), standard);
	const result = myNumber({ people: 101 }, kitakyushu);
	assert.equal(result?.required, false);
	assert.deepEqual(
		result?.reasons.map((r) => r.code),
		["provision_not_in_force"],
	);
});

test("a pack that states its own rules is read, not the standard's", () => {
	const own: PolicyPack = structuredClone(standard);
	const reporting = own.incident.reporting;
	assert.ok(reporting);
	reporting.obligations = reporting.obligations.slice(0, 1);
	const first = reporting.obligations[0];
	assert.ok(first?.final);
	first.final.days = 20;
	reporting.closedDays.yearly = [];
	const city = new ReportingRules(own, standard);
	const result = city.assess(facts({ people: 150, knownAt: "2026-12-10" }));
	assert.equal(result.length, 1);
	// Day 20 is Tue 12-29: open under this city's calendar.
	assert.equal(result[0]?.final?.due, "2026-12-29");
});

test("the prefecture is told of every incident, with no fixed deadline", () => {
	const prefecture = rules.assess(facts()).find((o) => o.code === "prefecture_mic");
	assert.equal(prefecture?.required, true);
	assert.equal(prefecture?.preliminary, null);
	assert.equal(prefecture?.final, null);
});

test("a pack's reporting rules are checked like the rest of the pack, with the path named", () => {
	const pack = structuredClone(standard) as unknown as {
		incident: {
			reporting: { obligations: { when: unknown[] }[]; closedDays: { yearly: string[] } };
		};
	};
	const first = pack.incident.reporting.obligations[0];
	assert.ok(first);
	first.when = [{ clause: { ja: "条", en: "Art." } }];
	pack.incident.reporting.closedDays.yearly = ["13-01"];
	const result = policyPackSchema.safeParse(pack);
	assert.equal(result.success, false);
	const paths = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
	assert.ok(paths.includes("incident.reporting.obligations.0.when.0"), paths.join(" "));
	assert.ok(paths.includes("incident.reporting.closedDays.yearly.0"), paths.join(" "));
});
