import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import { ReportingRules } from "./assess-obligations.ts";
import type { IncidentRow } from "./incidents.repository.ts";
import { nextDue } from "./next-due.ts";

const standard = loadBundledPack("standard");
const rules = new ReportingRules(standard, standard);

/** The lost USB stick: known on Sun 2025-11-30, triaged as 150 people's personal data. */
const row = (overrides: Partial<IncidentRow> = {}): IncidentRow => ({
	id: "i1",
	tenant_id: "t1",
	reference: "INC-2025-0001",
	source: "staff",
	reporter_id: "a1",
	reporter_label: "職員",
	title: "USBメモリの紛失",
	what_happened: "なくした",
	noticed_at: "2025-11-30T00:15:00.000Z",
	known_on: "2025-11-30",
	personal_data_suspected: 1,
	state: "triaged",
	category: "unintentional",
	severity: 3,
	priority: 3,
	people: 150,
	data_kinds: '["personal"]',
	wrongful_intent: 0,
	financial_damage_risk: 0,
	encrypted: 0,
	published_online: 0,
	network_system: 0,
	prevention: null,
	cause: null,
	secondary_damage: null,
	response_to_people: null,
	public_announcement: null,
	reject_reason: null,
	version: 2,
	created_at: "2025-11-30T00:20:00.000Z",
	updated_at: "2025-11-30T00:20:00.000Z",
	triaged_at: "2025-11-30T01:00:00.000Z",
	closed_at: null,
	fiscal_year: 2025,
	unit_count: 0,
	triage_hours: 0.7,
	close_hours: null,
	source_ref: null,
	...overrides,
});

const ppc = "ppc_personal_information";

test("the preliminary report comes first, then the final one once the first is filed", () => {
	const first = nextDue(rules, row(), [], "2025-12-01");
	assert.equal(first?.obligation, ppc);
	assert.equal(first?.stage, "preliminary");
	assert.equal(first?.label.ja, "速報");
	assert.equal(first?.due, "2025-12-04");
	assert.equal(first?.overdue, false);
	const filed = [{ obligation_code: ppc, stage: "preliminary" }];
	const second = nextDue(rules, row(), filed, "2026-01-06");
	assert.equal(second?.stage, "final");
	assert.equal(second?.due, "2026-01-05", "day 30 falls in the New Year closure");
	assert.equal(second?.overdue, true);
});

test("nothing is due when nothing is required, everything is filed, or the case was rejected", () => {
	assert.equal(nextDue(rules, row({ people: 3 }), [], "2025-12-01"), null);
	const all = [
		{ obligation_code: ppc, stage: "preliminary" },
		{ obligation_code: ppc, stage: "final" },
	];
	assert.equal(nextDue(rules, row(), all, "2025-12-01"), null);
	assert.equal(nextDue(rules, row({ state: "rejected" }), [], "2025-12-01"), null);
	assert.equal(
		nextDue(rules, row({ state: "closed" }), [], "2025-12-01")?.stage,
		"preliminary",
		"a closed case keeps its unfiled report",
	);
});
