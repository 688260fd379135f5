import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { saveNetworkModel } from "../../src/modules/network/save-model.ts";
import { starterModel } from "../../src/modules/network/starter-model.ts";
import { listDocuments } from "../../src/modules/policies/documents/documents.repository.ts";
import { ensureDocuments } from "../../src/modules/policies/documents/seed-documents.ts";
import {
	DEFAULT_MAIL_SETTINGS,
	settingsInputOf,
} from "../../src/modules/sanitize/gateway/mail-settings.ts";
import { changeMailSettings } from "../../src/modules/sanitize/mail-settings.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { TestClient } from "../helpers/client.ts";
import { makeCarriableAsset, takeOutInput } from "../helpers/custody-world.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import {
	type MadeAccount,
	makeAccount,
	makeSessionToken,
	makeTenant,
} from "../helpers/factories.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** Home: the first steps of a new tenant, and what waits for each person. */

const runtime = await createTestRuntime();
const app = createApp(runtime);

after(() => runtime.cleanup());

async function as(account: MadeAccount) {
	return new TestClient(app, await makeSessionToken(runtime, account));
}

interface Step {
	key: string;
	done: boolean;
	count: number;
	may: boolean;
	roles: string[];
}

async function progressOf(account: MadeAccount) {
	const response = await (await as(account)).get("/api/setup-progress");
	const body = (await response.json()) as { steps: Step[]; complete: boolean };
	assert.equal(response.status, 200, JSON.stringify(body));
	return body;
}

const doneSteps = (steps: Step[]) => steps.filter((s) => s.done).map((s) => s.key);

describe("the first steps of a new tenant", () => {
	let tenant: TenantRow;
	let admin: MadeAccount;

	before(async () => {
		tenant = await makeTenant(runtime);
		admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	});

	test("a new tenant has every step open, in order, saying who may do each", async () => {
		const { steps, complete } = await progressOf(admin);
		assert.deepEqual(
			steps.map((s) => s.key),
			["organisation", "staff", "roles", "policy", "assets", "network", "mail"],
		);
		assert.deepEqual(doneSteps(steps), [], "the pack's agencies alone are not an organisation");
		assert.equal(complete, false);
		assert.ok(steps.every((s) => s.count === 0));
		const policy = steps.find((s) => s.key === "policy");
		assert.equal(policy?.may, false, "the administrator does not import the policy");
		assert.deepEqual(policy?.roles, ["ciso", "chief_officer"]);
		assert.deepEqual(
			steps.filter((s) => s.may).map((s) => s.key),
			["organisation", "staff", "roles", "assets", "network", "mail"],
		);
	});

	test("each step ticks itself off as the module it asks fills up", async () => {
		const unit = await makeOrgUnit(runtime, tenant);
		assert.deepEqual(doneSteps((await progressOf(admin)).steps), ["organisation"]);

		await makeStaff(runtime, tenant, unit.id);
		await makeStaff(runtime, tenant, unit.id);
		let { steps } = await progressOf(admin);
		assert.deepEqual(doneSteps(steps), ["organisation", "staff"]);
		assert.equal(steps.find((s) => s.key === "staff")?.count, 2);

		const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
		({ steps } = await progressOf(ciso));
		assert.deepEqual(doneSteps(steps), ["organisation", "staff", "roles"]);
		assert.equal(steps.find((s) => s.key === "policy")?.may, true, "the CISO imports the policy");

		// A published document other than the 基本方針 counts, but the step waits for the 基本方針.
		await makeVersion(runtime, tenant.id, "published");
		({ steps } = await progressOf(admin));
		assert.equal(steps.find((s) => s.key === "policy")?.count, 1);
		assert.equal(steps.find((s) => s.key === "policy")?.done, false);
		const context = { tenantId: tenant.id, actorId: null, actorLabel: "test", ip: null };
		await inTransaction(runtime.db, (tx) => ensureDocuments(tx, context));
		const basic = (await listDocuments(runtime.db, tenant.id)).find(
			(d) => d.kind === "basic_policy",
		);
		assert.ok(basic);
		await makeVersion(runtime, tenant.id, "published", { documentId: basic.id });
		({ steps } = await progressOf(admin));
		assert.deepEqual(doneSteps(steps), ["organisation", "staff", "roles", "policy"]);

		await makeAsset(runtime, tenant.id, unit.id);
		const actor = systemActor(tenant.id, "test");
		await inTransaction(runtime.db, (tx) =>
			saveNetworkModel(tx, actor, starterModel(tenant.name), { source: "edit" }),
		);
		await changeMailSettings(runtime.db, actor, settingsInputOf(DEFAULT_MAIL_SETTINGS));
		const last = await progressOf(admin);
		assert.equal(last.complete, true, JSON.stringify(last.steps));
		assert.equal(last.steps.find((s) => s.key === "assets")?.count, 1);
	});

	test("plain staff are refused, told which roles may see the checklist", async () => {
		const staff = await makeAccount(runtime, tenant);
		const response = await (await as(staff)).get("/api/setup-progress");
		const body = (await response.json()) as { code: string; params?: Record<string, string> };
		assert.equal(response.status, 403);
		assert.equal(body.code, "forbidden");
		assert.deepEqual(body.params?.roles?.split(","), [
			"tenant_admin",
			"ciso",
			"chief_officer",
			"auditor",
		]);
	});
});

describe("what waits for me", () => {
	let tenant: TenantRow;

	before(async () => {
		tenant = await makeTenant(runtime);
	});

	async function workOf(account: MadeAccount) {
		const response = await (await as(account)).get("/api/my-work");
		const body = (await response.json()) as { items: { kind: string; count: number }[] };
		assert.equal(response.status, 200, JSON.stringify(body));
		return Object.fromEntries(body.items.map((i) => [i.kind, i.count]));
	}

	test("a take-out request waits for its unit's manager, not for the requester or another manager", async () => {
		const manager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
		const other = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
		const unitId = await unitOf(runtime, tenant.id, manager.id, "");
		const staff = await makeStaff(runtime, tenant, unitId);
		assert.deepEqual(await workOf(manager), {});
		for (const code of ["PC-1", "PC-2"]) {
			const asset = await makeCarriableAsset(runtime, tenant.id, unitId, { code });
			const response = await (await as(staff)).post("/api/take-outs", takeOutInput(asset.id));
			assert.equal(response.status, 201);
		}
		assert.deepEqual(await workOf(manager), { take_out_decisions: 2 });
		assert.deepEqual(await workOf(other), {});
		assert.deepEqual(await workOf(staff), {});
	});

	test("a version in review waits for its approver; a published one for everyone to acknowledge", async () => {
		const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
		const staff = await makeAccount(runtime, tenant);
		await makeVersion(runtime, tenant.id, "in_review");
		await makeVersion(runtime, tenant.id, "approved");
		assert.deepEqual(
			await workOf(ciso),
			{ take_out_decisions: 2, policy_approvals: 1, policy_publications: 1 },
			"the CISO decides every unit's take-outs, and approves and publishes policy",
		);
		assert.deepEqual(await workOf(staff), {});
		const published = await makeVersion(runtime, tenant.id, "published");
		assert.deepEqual(await workOf(staff), { acknowledgements: 1 });
		const client = await as(staff);
		const ack = await client.post(`/api/policy-versions/${published.id}/acknowledgement`);
		assert.equal(ack.status, 200, await ack.text());
		assert.deepEqual(await workOf(staff), {});
	});
});
