import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { ReportingRules } from "../../src/modules/incidents/assess-obligations.ts";
import { caseFacts, FACT_COLUMNS } from "../../src/modules/incidents/case-rules.ts";
import { unfiledReportIds } from "../../src/modules/incidents/incident-stats.repository.ts";
import {
	type IncidentRow,
	insertIncident,
	insertIncidentFiling,
} from "../../src/modules/incidents/incidents.repository.ts";
import { owesDatedReport } from "../../src/modules/incidents/reportable-cases.ts";
import { DATA_KINDS } from "../../src/modules/policies/pack/incident-reporting.schema.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeTenant } from "../helpers/factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The statistics pre-select in SQL the cases that may owe a dated legal report, from the pack's
 * rules (`reportable-cases.ts`); the rules' own assessment decides. The two must agree: on
 * generated cases (every mix of data kinds, the "personal data suspected" fallback, people around
 * the threshold of 100, each fact, rejected cases, filings of either stage), SQL selects exactly
 * the cases the assessment says owe a dated report, and those with one not yet filed.
 */

let runtime: TestRuntime;
let tenant: TenantRow;
const CASES = 400;
let rows: IncidentRow[] = [];
const filed = new Set<string>();

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

before(async () => {
	runtime = await createTestRuntime();
	tenant = await makeTenant(runtime);
	const next = generator(7);
	const at = new Date().toISOString();
	rows = Array.from({ length: CASES }, (_, i) => ({
		id: randomUUID(),
		tenant_id: tenant.id,
		reference: `INC-2026-${String(i + 1).padStart(4, "0")}`,
		source: "system",
		reporter_id: null,
		reporter_label: "テスト",
		title: `事案 ${i}`,
		what_happened: "テスト",
		noticed_at: at,
		known_on: "2026-06-01",
		personal_data_suspected: next() < 0.5,
		state: next() < 0.15 ? "rejected" : next() < 0.5 ? "closed" : "triaged",
		category: null,
		severity: null,
		priority: null,
		people: [0, 3, 100, 101, 150][Math.floor(next() * 5)] ?? 0,
		data_kinds: JSON.stringify(DATA_KINDS.filter(() => next() < 0.3)),
		wrongful_intent: next() < 0.2,
		financial_damage_risk: next() < 0.2,
		encrypted: next() < 0.2,
		published_online: next() < 0.2,
		network_system: next() < 0.2,
		prevention: null,
		cause: null,
		secondary_damage: null,
		response_to_people: null,
		public_announcement: null,
		reject_reason: null,
		version: 1,
		created_at: at,
		updated_at: at,
		triaged_at: null,
		closed_at: null,
	}));
	await inTransaction(runtime.db, async (tx) => {
		for (const row of rows) {
			await insertIncident(tx, row);
			for (const code of ["ppc_personal_information", "ppc_my_number"]) {
				for (const stage of ["preliminary", "final"]) {
					if (next() >= 0.3) continue;
					filed.add(`${row.id}|${code}|${stage}`);
					await insertIncidentFiling(tx, {
						id: randomUUID(),
						tenant_id: tenant.id,
						incident_id: row.id,
						obligation_code: code,
						stage,
						filed_on: "2026-06-03",
						reference: null,
						recorded_by: "test",
						recorded_by_label: "テスト",
						recorded_at: at,
					});
				}
			}
		}
	});
});
after(() => runtime.cleanup());

/** The stages with a due date that the rules say a case owes. */
function owed(rules: ReportingRules, row: IncidentRow) {
	if (row.state === "rejected") return [];
	return rules
		.assess(caseFacts(row))
		.flatMap((obligation) =>
			obligation.required
				? (["preliminary", "final"] as const)
						.filter((stage) => obligation[stage] !== null)
						.map((stage) => `${row.id}|${obligation.code}|${stage}`)
				: [],
		);
}

async function selected(where: typeof owesDatedReport, rules: ReportingRules) {
	const found = await runtime.db
		.selectFrom("incidents")
		.select(["id", ...FACT_COLUMNS])
		.where("tenant_id", "=", tenant.id)
		.where((eb) => where(eb, rules))
		.execute();
	return found.map((row) => row.id).sort();
}

for (const packId of ["standard", "saga", "kitakyushu"] as const) {
	test(`${packId}: SQL selects exactly the cases the rules say owe a dated report`, async () => {
		const rules = new ReportingRules(loadBundledPack(packId), loadBundledPack("standard"));
		const owing = rows.filter((row) => owed(rules, row).length > 0).map((row) => row.id);
		assert.ok(owing.length > 20 && owing.length < CASES * 0.9, `a real mix (${owing.length})`);
		assert.deepEqual(await selected(owesDatedReport, rules), owing.sort());
	});

	test(`${packId}: … and exactly those with such a report not filed yet`, async () => {
		const rules = new ReportingRules(loadBundledPack(packId), loadBundledPack("standard"));
		const unfiled = rows
			.filter((row) => owed(rules, row).some((key) => !filed.has(key)))
			.map((row) => row.id);
		const owing = rows.filter((row) => owed(rules, row).length > 0);
		assert.ok(unfiled.length > 10 && unfiled.length < owing.length, "some filed, some not");
		assert.deepEqual(
			(await unfiledReportIds(runtime.db, runtime.engine, tenant.id, rules)).sort(),
			unfiled.sort(),
		);
	});
}
