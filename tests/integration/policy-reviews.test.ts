import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import type { PresentedReview } from "../../src/modules/policies/reviews/reviews.schemas.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

async function tenantWith(pack: "saga" | "kitakyushu") {
	const tenant = await inTransaction(runtime.db, (tx) =>
		createTenant(
			tx,
			{ label: "test", ip: null },
			{ slug: `${pack}-${Math.random().toString(36).slice(2, 8)}`, name: pack, pack },
		),
	);
	const client = async (roles: Role[]) =>
		activeClient(runtime, app, await makeAccount(runtime, tenant, { roles }));
	return { tenant, client };
}

interface ReviewList {
	items: PresentedReview[];
	schedule: { fiscalYear: number; dueOn: string; exists: boolean } | null;
	requiresRiskAnalysis: boolean;
}

const KITA_THREATS = ["intentional", "unintentional", "disaster", "pandemic", "infrastructure"];

test("Saga: the cadence schedules one review per fiscal year; decided reviews are closed", async () => {
	const { tenant, client } = await tenantWith("saga");
	const manager = await client(["chief_officer"]);
	const before = await expectJson<ReviewList>(await manager.get("/api/policy-reviews"));
	assert.equal(before.schedule?.exists, false);
	assert.match(before.schedule?.dueOn ?? "", /^\d{4}-03-31$/);
	assert.equal(before.requiresRiskAnalysis, false);

	const review = await expectJson<PresentedReview>(
		await manager.post("/api/policy-reviews", { trigger: "scheduled" }),
		201,
	);
	assert.equal(review.fiscalYear, before.schedule?.fiscalYear);
	assert.equal(review.status, "open");
	await expectProblem(
		await manager.post("/api/policy-reviews", { trigger: "scheduled" }),
		409,
		"conflict",
	);

	const withInputs = await expectJson<PresentedReview>(
		await manager.request("PUT", `/api/policy-reviews/${review.id}/inputs`, {
			auditResults: "監査で指摘2件",
			selfInspectionResults: "全課実施",
			incidents: "なし",
			environmentChanges: "地方自治法の改正",
			riskAnalysis: [{ threat: "disaster", likelihood: 2, impact: 3 }],
		}),
	);
	assert.equal(withInputs.inputs.environmentChanges, "地方自治法の改正");

	// Only the CISO decides; Saga needs no risk analysis first.
	await expectProblem(
		await manager.post(`/api/policy-reviews/${review.id}/decision`, {
			outcome: "revise",
			reason: "x",
		}),
		403,
		"forbidden",
	);
	const ciso = await client(["ciso"]);
	const decided = await expectJson<PresentedReview>(
		await ciso.post(`/api/policy-reviews/${review.id}/decision`, {
			outcome: "revise",
			reason: "法改正に対応する",
		}),
	);
	assert.equal(decided.status, "decided");
	assert.equal(decided.decision?.outcome, "revise");
	// Revising opens a new draft of the 基本方針, a copy of its latest version.
	const draftId = decided.draftVersionId ?? assert.fail("a draft was opened");
	const draft = await runtime.db
		.selectFrom("policy_versions")
		.innerJoin("policy_documents", "policy_documents.id", "policy_versions.document_id")
		.select(["policy_versions.status", "policy_documents.kind", "policy_versions.change_summary"])
		.where("policy_versions.id", "=", draftId)
		.executeTakeFirstOrThrow();
	assert.deepEqual([draft.status, draft.kind], ["draft", "basic_policy"]);
	assert.match(draft.change_summary, /法改正に対応する/);
	assert.deepEqual(decided.allowedActions, ["policy_review.read"]);
	await expectProblem(
		await ciso.post(`/api/policy-reviews/${review.id}/decision`, {
			outcome: "no_change",
			reason: "y",
		}),
		409,
		"conflict",
	);
	const types = (await auditEvents(runtime.db, tenant.id)).map((event) => event.type);
	for (const type of [
		"policy_review.opened",
		"policy_review.inputs_recorded",
		"policy_review.decided",
		"policy.draft_created",
	]) {
		assert.ok(types.includes(type), type);
	}
});

test("Kitakyushu: no yearly review, and no decision before every threat's likelihood and loss are rated", async () => {
	const { client } = await tenantWith("kitakyushu");
	const ciso = await client(["ciso"]);
	const list = await expectJson<ReviewList>(await ciso.get("/api/policy-reviews"));
	assert.equal(list.schedule, null);
	assert.equal(list.requiresRiskAnalysis, true);
	await expectProblem(
		await ciso.post("/api/policy-reviews", { trigger: "scheduled" }),
		400,
		"validation_failed",
	);
	const review = await expectJson<PresentedReview>(
		await ciso.post("/api/policy-reviews", { trigger: "new_threats" }),
		201,
	);
	const refused = await expectProblem(
		await ciso.post(`/api/policy-reviews/${review.id}/decision`, {
			outcome: "no_change",
			reason: "変更不要",
		}),
		400,
		"validation_failed",
	);
	assert.match(refused.detail, /risk analysis/u);

	const inputs = (riskAnalysis: unknown[]) => ({
		auditResults: "",
		selfInspectionResults: "",
		incidents: "",
		environmentChanges: "新たな攻撃手法",
		riskAnalysis,
	});
	const bad = await expectProblem(
		await ciso.request(
			"PUT",
			`/api/policy-reviews/${review.id}/inputs`,
			inputs([{ threat: "meteor", likelihood: 4, impact: 1 }]),
		),
		400,
		"validation_failed",
	);
	assert.deepEqual(
		bad.issues?.map((issue) => issue.path),
		["riskAnalysis.0.threat", "riskAnalysis.0.likelihood"],
	);
	await expectJson(
		await ciso.request(
			"PUT",
			`/api/policy-reviews/${review.id}/inputs`,
			inputs(KITA_THREATS.map((threat) => ({ threat, likelihood: 2, impact: 3 }))),
		),
	);
	const decided = await expectJson<PresentedReview>(
		await ciso.post(`/api/policy-reviews/${review.id}/decision`, {
			outcome: "no_change",
			reason: "現行の対策で足りる",
		}),
	);
	assert.equal(decided.decision?.outcome, "no_change");
});
