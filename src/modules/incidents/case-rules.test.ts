import assert from "node:assert/strict";
import { test } from "node:test";
import { actionsFrom, caseFacts, isOpen, priorityLevel, priorityOf } from "./case-rules.ts";
import type { IncidentRow } from "./incidents.repository.ts";
import { titleOf } from "./report-incident.ts";

const row = (overrides: Partial<IncidentRow> = {}): IncidentRow => ({
	id: "i1",
	tenant_id: "t1",
	reference: "INC-2026-0001",
	source: "staff",
	reporter_id: "a1",
	reporter_label: "職員",
	title: "USBメモリの紛失",
	what_happened: "なくした",
	noticed_at: "2026-11-30T00:15:00.000Z",
	known_on: "2026-11-30",
	personal_data_suspected: 1,
	state: "reported",
	category: null,
	severity: null,
	priority: null,
	people: 0,
	data_kinds: "[]",
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
	version: 1,
	created_at: "2026-11-30T00:20:00.000Z",
	updated_at: "2026-11-30T00:20:00.000Z",
	triaged_at: null,
	closed_at: null,
	fiscal_year: 2026,
	unit_count: 0,
	triage_hours: null,
	close_hours: null,
	source_ref: null,
	...overrides,
});

test("the actions each state allows: rejection only before work starts, nothing once done", () => {
	assert.deepEqual(actionsFrom("reported"), ["reject"]);
	assert.deepEqual(actionsFrom("triaged"), ["contain", "recover", "close", "reject"]);
	assert.deepEqual(actionsFrom("contained"), ["recover", "close"]);
	assert.deepEqual(actionsFrom("recovered"), ["close"]);
	assert.deepEqual(actionsFrom("closed"), []);
	assert.deepEqual(actionsFrom("rejected"), []);
	assert.equal(isOpen("recovered"), true);
	assert.equal(isOpen("closed"), false);
});

test("priority is stored 1–3 and read back by name", () => {
	assert.equal(priorityLevel("high"), 3);
	assert.equal(priorityOf(1), "low");
	assert.equal(priorityOf(null), null);
});

test("facts: before triage a suspected leak concerns personal data of nobody counted yet", () => {
	assert.deepEqual(caseFacts(row()), {
		knownAt: "2026-11-30",
		people: 0,
		dataKinds: ["personal"],
		wrongfulIntent: false,
		financialDamageRisk: false,
		encrypted: false,
		publishedOnline: false,
		networkSystem: false,
	});
	assert.deepEqual(caseFacts(row({ personal_data_suspected: 0 })).dataKinds, []);
	const triaged = caseFacts(
		row({ people: 150, data_kinds: '["sensitive"]', wrongful_intent: true, encrypted: 1 }),
	);
	assert.deepEqual(
		[triaged.people, triaged.dataKinds, triaged.wrongfulIntent, triaged.encrypted],
		[150, ["sensitive"], true, true],
	);
});

test("a report's title is its first line, shortened on a character boundary", () => {
	assert.equal(titleOf({ whatHappened: "メールを誤送信した\n宛先は…" }), "メールを誤送信した");
	assert.equal(titleOf({ title: "誤送信", whatHappened: "長い説明" }), "誤送信");
	const long = titleOf({ whatHappened: "😀".repeat(100) });
	assert.equal([...long].length, 81);
	assert.ok(long.endsWith("…"));
});
