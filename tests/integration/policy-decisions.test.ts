import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { SAMPLE_POLICY_TEXT } from "../helpers/documents-world.ts";
import { type MadeAccount, makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface VersionView {
	id: string;
	status: string;
	effectiveOn: string | null;
	decisionNumber: string | null;
	committeeDecidedOn: string | null;
	draftedByCaller: boolean;
	decidedBy?: string;
	separateDrafter?: boolean;
	allowedActions: string[];
}

const slug = () => `t-${Math.random().toString(36).slice(2, 8)}`;

async function tenantOn(pack: Parameters<typeof createTenant>[2]["pack"]): Promise<TenantRow> {
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug: slug(), name: "テスト市", pack }),
	);
}

const client = (account: MadeAccount) => activeClient(runtime, app, account);

/** A draft of the tenant's 基本方針 imported by `drafter`, sent for review by the same person. */
async function submittedDraft(drafter: MadeAccount): Promise<string> {
	const api = await client(drafter);
	const { items } = await expectJson<{ items: { id: string; kind: string }[] }>(
		await api.get("/api/policy-documents"),
	);
	const basic = items.find((d) => d.kind === "basic_policy");
	assert.ok(basic);
	const { version } = await expectJson<{ version: { id: string } }>(
		await api.post(`/api/policy-documents/${basic.id}/imports`, {
			fileName: "kihon.txt",
			contentBase64: Buffer.from(SAMPLE_POLICY_TEXT).toString("base64"),
		}),
		201,
	);
	await expectJson(await api.post(`/api/policy-versions/${version.id}/submit`));
	return version.id;
}

async function publishedEvent(tenantId: string, versionId: string) {
	const row = await runtime.db
		.selectFrom("audit_events")
		.select("data")
		.where("tenant_id", "=", tenantId)
		.where("record_id", "=", versionId)
		.where("type", "=", "policy.version_published")
		.executeTakeFirstOrThrow();
	return JSON.parse(row.data) as Record<string, unknown>;
}

describe("起案者 ≠ 決裁者 when the pack says so (Saga: the committee decides)", () => {
	test("the drafter may neither approve nor publish; another decides, with 施行日 and 委員会決定日", async () => {
		const tenant = await tenantOn("saga");
		// Both hold every role the workflow needs: only who drafted tells them apart.
		const drafter = await makeAccount(runtime, tenant, { roles: ["ciso", "chief_officer"] });
		const decider = await makeAccount(runtime, tenant, { roles: ["ciso", "chief_officer"] });
		const id = await submittedDraft(drafter);
		const mine = await expectJson<VersionView>(
			await (await client(drafter)).get(`/api/policy-versions/${id}`),
		);
		assert.equal(mine.draftedByCaller, true);
		assert.equal(mine.separateDrafter, true);
		assert.equal(mine.decidedBy, "committee");
		assert.deepEqual(mine.allowedActions, ["policy_version.return"]);
		const refused = await expectProblem(
			await (await client(drafter)).post(`/api/policy-versions/${id}/approve`),
			403,
			"forbidden",
		);
		assert.equal(refused.issues?.[0]?.code, "drafter_may_not_decide");

		const theirs = await expectJson<VersionView>(
			await (await client(decider)).get(`/api/policy-versions/${id}`),
		);
		assert.equal(theirs.draftedByCaller, false);
		assert.deepEqual(theirs.allowedActions, ["policy_version.return", "policy_version.approve"]);
		await expectJson(await (await client(decider)).post(`/api/policy-versions/${id}/approve`));

		const decision = {
			audience: "all",
			effectiveOn: "2026-04-01",
			committeeDecidedOn: "2026-03-25",
		};
		const approved = await expectJson<VersionView>(
			await (await client(drafter)).get(`/api/policy-versions/${id}`),
		);
		assert.deepEqual(approved.allowedActions, [], "the drafter is not offered publishing");
		const publishRefused = await expectProblem(
			await (await client(drafter)).post(`/api/policy-versions/${id}/publish`, decision),
			403,
			"forbidden",
		);
		assert.equal(publishRefused.issues?.[0]?.code, "drafter_may_not_decide");

		// The committee decides here: its 委員会決定日 is required.
		const missing = await expectProblem(
			await (await client(decider)).post(`/api/policy-versions/${id}/publish`, {
				audience: "all",
				effectiveOn: "2026-04-01",
				decisionNumber: "情政第12号",
			}),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			missing.issues?.map((i) => [i.path, i.code]),
			[["committeeDecidedOn", "decision_required"]],
		);
		const published = await expectJson<VersionView>(
			await (await client(decider)).post(`/api/policy-versions/${id}/publish`, decision),
		);
		assert.equal(published.status, "published");
		const shown = await expectJson<VersionView>(
			await (await client(drafter)).get(`/api/policy-versions/${id}`),
		);
		assert.equal(shown.effectiveOn, "2026-04-01");
		assert.equal(shown.committeeDecidedOn, "2026-03-25");
		assert.equal(shown.decisionNumber, null);
		const event = await publishedEvent(tenant.id, id);
		assert.equal(event.effectiveOn, "2026-04-01");
		assert.equal(event.committeeDecidedOn, "2026-03-25");
		assert.equal(event.decisionNumber, null);
	});

	test("a 施行日 that is not a calendar date is refused", async () => {
		const tenant = await tenantOn("kitakyushu");
		const drafter = await makeAccount(runtime, tenant, { roles: ["chief_officer"] });
		const decider = await makeAccount(runtime, tenant, { roles: ["ciso"] });
		const id = await submittedDraft(drafter);
		await expectJson(await (await client(decider)).post(`/api/policy-versions/${id}/approve`));
		const refused = await expectProblem(
			await (await client(decider)).post(`/api/policy-versions/${id}/publish`, {
				audience: "all",
				effectiveOn: "2026-02-30x",
				committeeDecidedOn: "2026-03-25",
			}),
			400,
			"validation_failed",
		);
		assert.equal(refused.issues?.[0]?.path, "effectiveOn");
	});
});

describe("a pack that lets the drafter decide (a role approves)", () => {
	test("one person drafts, approves and publishes, recording the 決裁番号", async () => {
		const base = loadBundledPack("saga");
		const pack = structuredClone(base);
		pack.id = "solo";
		pack.organisation.approvals.policy = { approver: "ciso" };
		const tenant = await tenantOn(pack);
		const alone = await makeAccount(runtime, tenant, { roles: ["ciso", "chief_officer"] });
		const id = await submittedDraft(alone);
		const api = await client(alone);
		const view = await expectJson<VersionView>(await api.get(`/api/policy-versions/${id}`));
		assert.equal(view.separateDrafter, false);
		assert.equal(view.decidedBy, "role");
		assert.ok(view.allowedActions.includes("policy_version.approve"));
		await expectJson(await api.post(`/api/policy-versions/${id}/approve`));
		const missing = await expectProblem(
			await api.post(`/api/policy-versions/${id}/publish`, {
				audience: "all",
				effectiveOn: "2026-04-01",
			}),
			400,
			"validation_failed",
		);
		assert.equal(missing.issues?.[0]?.path, "decisionNumber");
		const published = await expectJson<VersionView>(
			await api.post(`/api/policy-versions/${id}/publish`, {
				audience: "all",
				effectiveOn: "2026-04-01",
				decisionNumber: "情政第12号",
			}),
		);
		assert.equal(published.decisionNumber, "情政第12号");
		assert.equal(published.effectiveOn, "2026-04-01");
		assert.equal((await publishedEvent(tenant.id, id)).decisionNumber, "情政第12号");
	});
});
