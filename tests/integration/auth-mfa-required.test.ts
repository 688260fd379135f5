import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { sessionIdFor } from "../../src/modules/auth/sessions.repository.ts";
import { currentTotp } from "../../src/modules/auth/totp.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeSessionToken, makeTenant, TEST_PASSWORD } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface SessionInfo {
	session: {
		stage: string;
		account: { mfaRequired: boolean; mfaEnrolled: boolean };
		permissions: string[];
		actionRoles: Record<string, string[]>;
	} | null;
}

async function sessionOf(client: TestClient) {
	const info = await expectJson<SessionInfo>(await client.get("/api/auth/session"));
	return info.session ?? assert.fail("logged in");
}

/** Enrol TOTP through the API; returns the secret. */
async function enrol(client: TestClient): Promise<string> {
	const { secret } = await expectJson<{ secret: string }>(
		await client.post("/api/auth/mfa/enrollment"),
	);
	const done = await client.post("/api/auth/mfa/enrollment/confirm", { code: currentTotp(secret) });
	assert.equal((await expectJson<{ stage: string }>(done)).stage, "active");
	return secret;
}

test("a security role without TOTP must enrol before using the API", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"], totp: false });
	const client = new TestClient(app);
	const { body } = await client.login(tenant.slug, ciso.username, TEST_PASSWORD);
	assert.equal((body as SessionInfo).session?.stage, "mfa_enroll");
	const session = await sessionOf(client);
	assert.equal(session.account.mfaRequired, true);
	assert.deepEqual(session.permissions, [], "no permissions before enrolment");
	assert.deepEqual(session.actionRoles, {}, "nor the roles of actions");
	for (const path of ["/api/org-units", "/api/accounts", "/api/audit-events"]) {
		await expectProblem(await client.get(path), 403, "mfa_enrollment_required");
	}
	await expectProblem(
		await client.post("/api/org-units", { code: "x1", name: "課", kind: "section" }),
		403,
		"mfa_enrollment_required",
	);

	await enrol(client);
	const active = await sessionOf(client);
	assert.equal(active.account.mfaEnrolled, true);
	// Once active, the session names who may take each action (for "who may" on empty pages).
	assert.ok(active.actionRoles["asset.write"]?.includes("tenant_admin"));
	assert.ok(!active.permissions.includes("asset.write"), "a CISO does not write the ledger");
	assert.equal((await client.get("/api/audit-events")).status, 200);
});

test("working in マイナンバー利用事務系 makes TOTP mandatory even for plain staff", async () => {
	const tenant = await makeTenant(runtime);
	const clerk = await makeAccount(runtime, tenant, { worksInMynumber: true, totp: false });
	const client = new TestClient(app);
	const { body } = await client.login(tenant.slug, clerk.username, TEST_PASSWORD);
	assert.equal((body as SessionInfo).session?.stage, "mfa_enroll");
	await expectProblem(await client.get("/api/org-units"), 403, "mfa_enrollment_required");
	await enrol(client);
	assert.equal((await client.get("/api/org-units")).status, 200);
});

test("plain staff outside マイナンバー work reach the application without TOTP", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = new TestClient(app);
	const { body } = await client.login(tenant.slug, staff.username, TEST_PASSWORD);
	assert.equal((body as SessionInfo).session?.stage, "active");
	const session = await sessionOf(client);
	assert.deepEqual([session.account.mfaRequired, session.account.mfaEnrolled], [false, false]);
	assert.equal((await client.get("/api/org-units")).status, 200);
});

test("granting a security role ends the session; the next login must enrol TOTP first", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const staff = await makeAccount(runtime, tenant);
	const adminClient = await activeClient(runtime, app, admin);
	const token = await makeSessionToken(runtime, staff);
	const staffClient = new TestClient(app, token);
	assert.equal((await staffClient.get("/api/org-units")).status, 200);

	const granted = await adminClient.post(`/api/accounts/${staff.id}/roles`, { role: "auditor" });
	assert.equal(granted.status, 201);
	await expectProblem(await staffClient.get("/api/audit-events"), 401, "unauthenticated");
	const row = await runtime.db
		.selectFrom("sessions")
		.select("stage")
		.where("id", "=", sessionIdFor(token))
		.executeTakeFirst();
	assert.equal(row, undefined, "the session is deleted, not carried into the new role");

	const fresh = new TestClient(app);
	const login = await fresh.login(tenant.slug, staff.username, TEST_PASSWORD);
	assert.equal(login.body.session?.stage, "mfa_enroll");
	await expectProblem(await fresh.get("/api/org-units"), 403, "mfa_enrollment_required");
	await enrol(fresh);
	assert.equal((await fresh.get("/api/audit-events")).status, 200, "now an auditor");
});

test("being marked as working in マイナンバー sends an active session back to enrolment", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const staff = await makeAccount(runtime, tenant);
	const adminClient = await activeClient(runtime, app, admin);
	const staffClient = await activeClient(runtime, app, staff);
	await expectJson(await adminClient.patch(`/api/accounts/${staff.id}`, { worksInMynumber: true }));
	await expectProblem(await staffClient.get("/api/org-units"), 403, "mfa_enrollment_required");
});
