import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import { createAccount } from "../../src/modules/accounts/create-account.ts";
import { verifyTenantChain } from "../../src/modules/audit-log/verify-chain.ts";
import { Problem } from "../../src/shared/problem.ts";
import { auditHead, countRows } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

const MAX_JSON_BYTES = 2048;

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	runtime.config.maxJsonBytes = MAX_JSON_BYTES;
	app = createApp(runtime);
});
after(() => runtime.cleanup());

async function adminClient() {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	return { tenant, admin, client: await activeClient(runtime, app, admin) };
}

/** Everything a failed request could have half-written for a tenant. */
async function footprint(tenantId: string) {
	return {
		accounts: await countRows(runtime.db, "accounts", tenantId),
		orgUnits: await countRows(runtime.db, "org_units", tenantId),
		roles: await countRows(runtime.db, "role_assignments", tenantId),
		events: await countRows(runtime.db, "audit_events", tenantId),
		head: await auditHead(runtime.db, tenantId),
	};
}

test("malformed JSON is a 400 malformed_json problem", async () => {
	const { tenant, client } = await adminClient();
	const before = await footprint(tenant.id);
	const response = await client.request("POST", "/api/org-units", '{"code": "a", "name":');
	await expectProblem(response, 400, "malformed_json");
	assert.deepEqual(await footprint(tenant.id), before);
});

test("an unknown field is refused, naming the field", async () => {
	const { tenant, client } = await adminClient();
	const before = await footprint(tenant.id);
	const response = await client.post("/api/org-units", {
		code: "ab",
		name: "情報政策課",
		kind: "section",
		isAdmin: true,
	});
	const problem = await expectProblem(response, 400, "validation_failed");
	assert.deepEqual(
		problem.issues?.map((i) => i.path),
		["isAdmin"],
	);
	assert.deepEqual(await footprint(tenant.id), before);
});

test("a field of the wrong kind is refused with its path", async () => {
	const { client } = await adminClient();
	const response = await client.post("/api/org-units", { code: "ab", name: "課", kind: "galaxy" });
	const problem = await expectProblem(response, 400, "validation_failed");
	assert.deepEqual(
		problem.issues?.map((i) => i.path),
		["kind"],
	);
	assert.match(problem.detail, /kind/);
});

test("every validation issue carries a stable code, the field and its limits", async () => {
	const { client } = await adminClient();
	const response = await client.post("/api/org-units", {
		code: "x".repeat(200),
		kind: "galaxy",
		surplus: 1,
	});
	const problem = await expectProblem(response, 400, "validation_failed");
	const byPath = new Map(problem.issues?.map((i) => [i.path, { code: i.code, params: i.params }]));
	assert.deepEqual(byPath.get("name"), { code: "required", params: { field: "name" } });
	assert.equal(byPath.get("code")?.code, "too_long");
	assert.equal(byPath.get("code")?.params?.field, "code");
	assert.equal(typeof byPath.get("code")?.params?.max, "number");
	assert.equal(byPath.get("kind")?.code, "invalid_choice");
	assert.deepEqual(byPath.get("surplus"), { code: "unknown_field", params: { field: "surplus" } });
	// Zod's own wording stays for developers, in message.
	assert.ok(problem.issues?.every((i) => i.message.length > 0));
});

test("a JSON route refuses another content type with 415 unsupported_media_type", async () => {
	const { tenant, client } = await adminClient();
	const before = await footprint(tenant.id);
	const json = JSON.stringify({ code: "ab", name: "課", kind: "section" });
	for (const type of ["text/plain", "application/x-www-form-urlencoded", "text/json"]) {
		const response = await client.request("POST", "/api/org-units", json, { "content-type": type });
		await expectProblem(response, 415, "unsupported_media_type");
	}
	assert.deepEqual(await footprint(tenant.id), before);
});

test("a body over the configured limit is a 413 payload_too_large problem", async () => {
	const { tenant, client } = await adminClient();
	const before = await footprint(tenant.id);
	const body = { code: "ab", name: "課".repeat(MAX_JSON_BYTES), kind: "section" };
	const response = await client.post("/api/org-units", body);
	const problem = await expectProblem(response, 413, "payload_too_large");
	assert.match(problem.detail, new RegExp(String(MAX_JSON_BYTES)));
	assert.deepEqual(await footprint(tenant.id), before);
	const small = await client.post("/api/org-units", { code: "ab", name: "課", kind: "section" });
	assert.equal(small.status, 201, "a body under the limit passes");
});

test("unknown API routes are 404 problems, not the web UI", async () => {
	const { client } = await adminClient();
	for (const [method, path] of [
		["GET", "/api/no-such-thing"],
		["GET", "/api/accounts/x/y/z"],
		["GET", "/api/auth/login"],
		["DELETE", "/api/org-units"],
		["GET", "/api/docs/assets/no-such-file.js"],
	] as const) {
		const response = await client.request(method, path);
		const problem = await expectProblem(response, 404, "not_found");
		assert.equal(problem.title, "not_found", `${method} ${path}`);
	}
});

test("a refused role assignment writes nothing", async () => {
	const { tenant, client } = await adminClient();
	const staff = await makeAccount(runtime, tenant);
	const other = await adminClient();
	const foreignUnit = await expectJson<{ id: string }>(
		await other.client.post("/api/org-units", { code: "x", name: "他団体の課", kind: "section" }),
		201,
	);
	const before = await footprint(tenant.id);
	const cases: [unknown, string][] = [
		[{ role: "section_manager" }, "orgUnitId"],
		[{ role: "section_manager", orgUnitId: foreignUnit.id }, "orgUnitId"],
		[{ role: "ciso", orgUnitId: foreignUnit.id }, "orgUnitId"],
		[
			{ role: "ciso", validFrom: "2026-05-01T00:00:00Z", validTo: "2026-04-01T00:00:00Z" },
			"validTo",
		],
	];
	for (const [body, path] of cases) {
		const response = await client.post(`/api/accounts/${staff.id}/roles`, body);
		const problem = await expectProblem(response, 400, "validation_failed");
		assert.deepEqual(
			problem.issues?.map((i) => i.path),
			[path],
			JSON.stringify(body),
		);
	}
	assert.deepEqual(await footprint(tenant.id), before);
});

test("a use case that fails midway leaves no trace: rows and the audit chain roll back", async () => {
	const tenant = await makeTenant(runtime);
	const actor = systemActor(tenant.id, "test");
	const before = await footprint(tenant.id);
	// As `mamori user add` does: create the account, then grant its roles, in one transaction.
	const failing = inTransaction(runtime.db, async (tx) => {
		const { account } = await createAccount(tx, actor, {
			username: "half-made",
			displayName: "途中 失敗",
			email: null,
			worksInMynumber: false,
		});
		await assignRole(tx, actor, account.id, { role: "ciso", orgUnitId: null, validTo: null });
		await assignRole(tx, actor, account.id, {
			role: "system_admin",
			orgUnitId: null,
			validTo: null,
		});
	});
	await assert.rejects(
		failing,
		(error) => error instanceof Problem && error.code === "validation_failed",
	);
	assert.deepEqual(await footprint(tenant.id), before);
	const verdict = await verifyTenantChain(runtime.db, tenant);
	assert.equal(verdict.intact, true);
});
