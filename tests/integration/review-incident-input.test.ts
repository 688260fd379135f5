import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { createApp } from "../../src/http/app.ts";
import type { ReviewDetail } from "../../src/modules/policies/reviews/reviews.schemas.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeTenant } from "../helpers/factories.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import { caseAt } from "../helpers/incident-history.ts";
import { newUnit, person } from "../helpers/incident-people.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * A policy review (見直し) takes its incident input from the incident module: the cases closed in
 * its period (since the tenant's previous review decision) with their 再発防止, no longer typed by
 * hand; a free remark on them stays. A decided review keeps its period; the next review starts
 * where it ended.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let tenant: TenantRow;
let unit: OrgUnitTable;
let ciso: TestClient;
const ids: Record<string, string> = {};

const THREATS = ["intentional", "unintentional", "disaster", "pandemic", "infrastructure", "other"];
const inputs = (incidents: string) => ({
	auditResults: "",
	selfInspectionResults: "",
	incidents,
	environmentChanges: "",
	riskAnalysis: THREATS.map((threat) => ({ threat, likelihood: 2, impact: 2 })),
});

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	tenant = await makeTenant(runtime);
	unit = await newUnit(runtime, tenant, "市民課");
	ciso = (await person(runtime, app, tenant, unit, ["ciso"])).client;
	const triage = (at: string, severity: number, category = "unintentional") => ({
		at,
		input: { category, severity, people: 3, dataKinds: ["personal" as const], unitIds: [unit.id] },
	});
	// Closed before the period (the review of fiscal year N starts on 1 April of N-1 at the latest).
	ids.old = (
		await caseAt(
			runtime,
			tenant.id,
			"2025-03-01T00:00:00Z",
			{},
			{
				triage: triage("2025-03-01T01:00:00Z", 1),
				close: { at: "2025-03-20T00:00:00Z" },
			},
		)
	).id;
	// Closed in the period: a minor one, and a severe one with its 再発防止.
	ids.minor = (
		await caseAt(
			runtime,
			tenant.id,
			"2025-05-01T00:00:00Z",
			{},
			{
				triage: triage("2025-05-01T01:00:00Z", 1),
				close: { at: "2025-05-02T00:00:00Z" },
			},
		)
	).id;
	ids.severe = (
		await caseAt(
			runtime,
			tenant.id,
			"2025-10-01T00:00:00Z",
			{},
			{
				triage: triage("2025-10-01T01:00:00Z", 3, "intentional"),
				close: { at: "2025-10-20T00:00:00Z", prevention: "標的型メール訓練を年2回に増やす" },
			},
		)
	).id;
	// Not incidents, or not closed: left out.
	await caseAt(
		runtime,
		tenant.id,
		"2025-11-01T00:00:00Z",
		{},
		{
			close: { at: "2025-11-02T00:00:00Z", action: "reject", reason: "誤報" },
		},
	);
	await caseAt(
		runtime,
		tenant.id,
		"2025-12-01T00:00:00Z",
		{},
		{
			triage: triage("2025-12-01T01:00:00Z", 2),
		},
	);
});
after(() => runtime.cleanup());

const getReview = async (client: TestClient, id: string) =>
	expectJson<ReviewDetail>(await client.get(`/api/policy-reviews/${id}`));

describe("the review's incident input", () => {
	let first: ReviewDetail;

	test("an open review lists the cases closed since the start of the previous fiscal year", async () => {
		first = await expectJson<ReviewDetail>(
			await ciso.post("/api/policy-reviews", { trigger: "scheduled" }),
			201,
		);
		const input = first.incidentInput;
		assert.equal(input.period.from, `${first.fiscalYear - 1}-03-31T15:00:00.000Z`);
		assert.ok(Date.parse(input.period.to) <= Date.now());
		assert.deepEqual(
			input.cases.map((c) => c.id),
			[ids.severe, ids.minor],
			"most severe first; the older, rejected and open cases are left out",
		);
		assert.equal(input.closed, 2);
		assert.equal(input.withPrevention, 1);
		const severe = input.cases[0];
		assert.equal(severe?.prevention, "標的型メール訓練を年2回に増やす");
		assert.equal(severe?.severity?.severe, true);
		assert.equal(severe?.category?.code, "intentional");
		assert.deepEqual(
			severe?.units.map((u) => u.name),
			["市民課"],
		);
		assert.equal(severe?.closedAt, "2025-10-20T00:00:00.000Z");
		assert.deepEqual(
			input.byCategory.map((c) => [c.code, c.count]),
			[
				["intentional", 1],
				["unintentional", 1],
			],
		);
	});

	test("the remark typed by hand stays, beside the cases", async () => {
		const saved = await expectJson<ReviewDetail>(
			await ciso.request(
				"PUT",
				`/api/policy-reviews/${first.id}/inputs`,
				inputs("標的型メールの事案を重く見る"),
			),
		);
		assert.equal(saved.inputs.incidents, "標的型メールの事案を重く見る");
		assert.equal(saved.incidentInput.closed, 2);
	});

	test("a decided review keeps its period; the next one starts at that decision", async () => {
		const decided = await expectJson<ReviewDetail>(
			await ciso.post(`/api/policy-reviews/${first.id}/decision`, {
				outcome: "no_change",
				reason: "現行の対策で足りる",
			}),
		);
		const decidedAt = decided.decision?.decidedAt ?? assert.fail("decided");
		assert.equal(decided.incidentInput.period.to, decidedAt);

		// A case closed after the decision belongs to the next review only.
		const later = await caseAt(
			runtime,
			tenant.id,
			new Date().toISOString(),
			{},
			{
				triage: { at: new Date().toISOString(), input: { category: "disaster", severity: 1 } },
				close: { at: new Date().toISOString() },
			},
		);
		const kept = await getReview(ciso, first.id);
		assert.deepEqual(kept.incidentInput, decided.incidentInput, "unchanged once decided");

		const next = await expectJson<ReviewDetail>(
			await ciso.post("/api/policy-reviews", { trigger: "new_threats" }),
			201,
		);
		assert.equal(next.incidentInput.period.from, decidedAt);
		assert.deepEqual(
			next.incidentInput.cases.map((c) => c.id),
			[later.id],
		);
	});

	test("whoever reads reviews reads the input (the auditor); nobody else", async () => {
		const auditor = (await person(runtime, app, tenant, unit, ["auditor"])).client;
		assert.equal((await getReview(auditor, first.id)).incidentInput.closed, 2);
		const csirt = (await person(runtime, app, tenant, unit, ["csirt"])).client;
		await expectProblem(await csirt.get(`/api/policy-reviews/${first.id}`), 403, "forbidden");
	});

	test("another tenant's review counts its own cases only", async () => {
		const other = await makeTenant(runtime);
		const otherUnit = await newUnit(runtime, other);
		const client = (await person(runtime, app, other, otherUnit, ["ciso"])).client;
		const review = await expectJson<ReviewDetail>(
			await client.post("/api/policy-reviews", { trigger: "as_needed" }),
			201,
		);
		assert.equal(review.incidentInput.closed, 0);
		assert.deepEqual(review.incidentInput.cases, []);
	});
});
