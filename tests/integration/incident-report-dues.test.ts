import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { ReportingRules } from "../../src/modules/incidents/assess-obligations.ts";
import { caseFacts } from "../../src/modules/incidents/case-rules.ts";
import { openIncidentDesk } from "../../src/modules/incidents/incident-desk.ts";
import {
	type IncidentRow,
	insertIncident,
	insertIncidentFiling,
} from "../../src/modules/incidents/incidents.repository.ts";
import { rederiveTenantDues } from "../../src/modules/incidents/report-dues.ts";
import { DATA_KINDS } from "../../src/modules/policies/pack/incident-reporting.schema.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeTenant } from "../helpers/factories.ts";
import { caseAt } from "../helpers/incident-history.ts";
import { csirtActor } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The dashboard counts the legal reports a case owes from rows kept per case
 * (`incident_report_dues`, `report-dues.ts`). They must say what the rules say: on generated
 * cases (every mix of data kinds, the "personal data suspected" fallback, people around the
 * threshold of 100, each fact, rejected cases, filings of either stage) the rows derived for a
 * tenant are exactly the dated stages the assessment requires, with their filings; a change of
 * the rules (another pack, other preliminary days) derives them all again (the job's work); and the
 * use cases keep each case's rows as its facts, state and filings change.
 */

let runtime: TestRuntime;
const standard = loadBundledPack("standard");
const rulesOf = (packId: "standard" | "saga" | "kitakyushu", preliminaryDays?: number) =>
	new ReportingRules(loadBundledPack(packId), standard, {
		preliminaryDays: preliminaryDays ?? null,
	});

before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

type Filing = { incident_id: string; obligation_code: string; stage: string; filed_on: string };

/** The dated stages the rules say a case owes, as `<case>|<obligation>|<stage>|<due>|<filed>`. */
function owed(rules: ReportingRules, row: IncidentRow, filings: readonly Filing[]): string[] {
	if (row.state === "rejected") return [];
	return rules.assess(caseFacts(row)).flatMap((obligation) =>
		obligation.required
			? (["preliminary", "final"] as const).flatMap((stage) => {
					const deadline = obligation[stage];
					if (!deadline) return [];
					const filed = filings.find(
						(f) =>
							f.incident_id === row.id &&
							f.obligation_code === obligation.code &&
							f.stage === stage,
					);
					return [
						`${row.id}|${obligation.code}|${stage}|${deadline.due}|${filed?.filed_on ?? "-"}`,
					];
				})
			: [],
	);
}

async function kept(tenantId: string): Promise<string[]> {
	const rows = await runtime.db
		.selectFrom("incident_report_dues")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.execute();
	return rows
		.map((r) => `${r.incident_id}|${r.obligation_code}|${r.stage}|${r.due_on}|${r.filed_on ?? "-"}`)
		.sort();
}

describe("generated cases: the kept dues are what the rules say", () => {
	let tenant: TenantRow;
	const CASES = 400;
	let rows: IncidentRow[] = [];
	const filings: Filing[] = [];

	before(async () => {
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
			known_on: `2026-0${6 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`,
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
			fiscal_year: 2026,
			unit_count: 0,
			triage_hours: null,
			close_hours: null,
			source_ref: null,
		}));
		// Written as rows, as a database migrated from before the dues were kept holds them.
		await inTransaction(runtime.db, async (tx) => {
			for (const row of rows) {
				await insertIncident(tx, row);
				for (const code of ["ppc_personal_information", "ppc_my_number"]) {
					for (const stage of ["preliminary", "final"]) {
						if (next() >= 0.3) continue;
						const filing = {
							incident_id: row.id,
							obligation_code: code,
							stage,
							filed_on: next() < 0.5 ? "2026-06-03" : "2026-09-30",
						};
						filings.push(filing);
						await insertIncidentFiling(tx, {
							...filing,
							id: randomUUID(),
							tenant_id: tenant.id,
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

	let lastStamp: string | undefined;
	for (const packId of ["standard", "kitakyushu", "saga"] as const) {
		test(`${packId}: derived again when the rules' stamp differs, exactly as assessed`, async () => {
			const rules = rulesOf(packId);
			const changed = rules.stamp !== lastStamp;
			lastStamp = rules.stamp;
			assert.equal(await rederiveTenantDues(runtime, rules, tenant.id), changed ? CASES : 0);
			const expected = rows.flatMap((row) => owed(rules, row, filings)).sort();
			const owing = new Set(expected.map((key) => key.split("|")[0]));
			assert.ok(owing.size > 20 && owing.size < CASES * 0.9, `a real mix (${owing.size})`);
			assert.ok(
				expected.some((key) => key.endsWith("|-")) && expected.some((key) => !key.endsWith("|-")),
				"some filed, some not",
			);
			assert.deepEqual(await kept(tenant.id), expected);
			assert.equal(
				await rederiveTenantDues(runtime, rules, tenant.id),
				0,
				"current: nothing to do",
			);
		});
	}

	test("the tenant's own preliminary days change the stamp and the due dates, page by page", async () => {
		const before = rulesOf("standard");
		const later = rulesOf("standard", 3);
		assert.notEqual(before.stamp, later.stamp);
		await rederiveTenantDues(runtime, before, tenant.id);
		// 150 cases per transaction: three pages, the last one short.
		assert.equal(await rederiveTenantDues(runtime, later, tenant.id, new Date(), 150), CASES);
		assert.equal(
			(
				await runtime.db
					.selectFrom("incident_report_due_stamps")
					.select("stamp")
					.where("tenant_id", "=", tenant.id)
					.executeTakeFirst()
			)?.stamp,
			later.stamp,
		);
		const expected = rows.flatMap((row) => owed(later, row, filings)).sort();
		assert.notDeepEqual(expected, rows.flatMap((row) => owed(before, row, filings)).sort());
		assert.deepEqual(await kept(tenant.id), expected);
	});
});

test("the use cases keep each case's dues: report, triage, filing, reject", async () => {
	const tenant = await makeTenant(runtime);
	const desk = await openIncidentDesk(runtime.db, csirtActor(tenant.id));
	// The tenant's dues are current (none yet), so nothing below is derived by a reader.
	await rederiveTenantDues(runtime, desk.rules, tenant.id);
	const triage = (at: string, people: number) => ({
		at,
		input: { category: "unintentional", severity: 2, people, dataKinds: ["personal" as const] },
	});
	const usb = await caseAt(
		runtime,
		tenant.id,
		"2025-06-02T01:00:00Z",
		{ knownAt: "2025-06-02" },
		{
			triage: triage("2025-06-02T05:00:00Z", 150),
			filings: [{ stage: "preliminary", filedOn: "2025-06-05" }],
		},
	);
	const small = await caseAt(
		runtime,
		tenant.id,
		"2025-07-01T01:00:00Z",
		{ knownAt: "2025-07-01" },
		{ triage: triage("2025-07-01T02:00:00Z", 20) },
	);
	const rejected = await caseAt(
		runtime,
		tenant.id,
		"2025-08-01T01:00:00Z",
		{ knownAt: "2025-08-01" },
		{
			triage: triage("2025-08-01T02:00:00Z", 500),
			close: { at: "2025-08-02T00:00:00Z", action: "reject", reason: "誤報" },
		},
	);
	assert.deepEqual(await kept(tenant.id), [
		`${usb.id}|ppc_personal_information|final|2025-07-01|-`,
		`${usb.id}|ppc_personal_information|preliminary|2025-06-06|2025-06-05`,
	]);
	const cases = await runtime.db
		.selectFrom("incidents")
		.select(["id", "fiscal_year", "unit_count", "triage_hours", "close_hours"])
		.where("tenant_id", "=", tenant.id)
		.execute();
	const byId = new Map(cases.map((c) => [c.id, c]));
	assert.deepEqual(
		[usb, small, rejected].map((c) => {
			const found = byId.get(c.id);
			return [found?.fiscal_year, Number(found?.triage_hours), found?.close_hours];
		}),
		[
			[2025, 4, null],
			[2025, 1, null],
			[2025, 1, null],
		],
	);
});
