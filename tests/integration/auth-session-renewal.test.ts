import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { SESSION_CACHE_TTL_MS } from "../../src/modules/auth/session-cache.ts";
import { sessionIdFor } from "../../src/modules/auth/sessions.repository.ts";
import { currentTotp } from "../../src/modules/auth/totp.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { TestClient } from "../helpers/client.ts";
import { type MadeAccount, makeAccount, makeTenant, TEST_PASSWORD } from "../helpers/factories.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

const NEW_PASSWORD = "umbrella lantern 7 quietly folded";
const PROTECTED = "/api/org-units";

function sessionRow(token: string) {
	return runtime.db
		.selectFrom("sessions")
		.selectAll()
		.where("id", "=", sessionIdFor(token))
		.executeTakeFirst();
}

function tokenOf(client: TestClient): string {
	return client.cookies.get("mamori_session") ?? assert.fail("the client holds a session cookie");
}

/** A second browser holding a copy of `client`'s session cookie as it is now. */
function copyOf(client: TestClient): TestClient {
	return new TestClient(app, tokenOf(client));
}

async function passwordStep(tenant: TenantRow, account: MadeAccount, password = TEST_PASSWORD) {
	const client = new TestClient(app);
	const { response } = await client.login(tenant.slug, account.username, password);
	assert.equal(response.status, 200);
	return client;
}

/**
 * After a stage change: the response's CSRF token is the one in the new cookie and in the new
 * row, the old row is gone, and the login's start carried over (no longer absolute lifetime).
 */
async function assertRenewed(
	before: { token: string; createdAt: string; csrf: string },
	client: TestClient,
	body: { csrfToken: string },
) {
	const token = tokenOf(client);
	assert.notEqual(token, before.token, "a new session id");
	assert.equal(await sessionRow(before.token), undefined, "the old session is deleted");
	const row = (await sessionRow(token)) ?? assert.fail("the new session is stored");
	assert.notEqual(row.csrf_token, before.csrf, "a new CSRF token");
	assert.equal(body.csrfToken, row.csrf_token);
	assert.equal(client.cookies.get("mamori_csrf"), row.csrf_token, "the CSRF cookie follows");
	assert.equal(new Date(row.created_at).getTime(), new Date(before.createdAt).getTime());
}

async function snapshot(client: TestClient) {
	const token = tokenOf(client);
	const row = (await sessionRow(token)) ?? assert.fail("session stored");
	return { token, createdAt: row.created_at, csrf: row.csrf_token };
}

test("a pre-MFA cookie is still refused after the owner's MFA; the new one works", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const client = await passwordStep(tenant, ciso);
	const stolen = copyOf(client);
	await expectProblem(await stolen.get(PROTECTED), 403, "mfa_verification_required");
	const before = await snapshot(client);

	const verified = await client.post("/api/auth/mfa/verify", {
		code: currentTotp(ciso.totpSecret ?? assert.fail("enrolled")),
	});
	const body = await expectJson<{ stage: string; csrfToken: string }>(verified);
	assert.equal(body.stage, "active");
	await assertRenewed(before, client, body);

	await expectProblem(await stolen.get(PROTECTED), 401, "unauthenticated");
	await expectProblem(await stolen.get("/api/accounts"), 401, "unauthenticated");
	assert.equal((await client.get(PROTECTED)).status, 200);
	const info = await expectJson<{ session: { stage: string } | null }>(
		await stolen.get("/api/auth/session"),
	);
	assert.equal(info.session, null, "the copy is not logged in at all");
});

test("a recovery code renews the session as a TOTP code does", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { totp: false, roles: ["ciso"] });
	const first = await passwordStep(tenant, ciso);
	const begin = await expectJson<{ secret: string }>(await first.post("/api/auth/mfa/enrollment"));
	const enrolled = await expectJson<{ recoveryCodes: string[] }>(
		await first.post("/api/auth/mfa/enrollment/confirm", { code: currentTotp(begin.secret) }),
	);
	const client = await passwordStep(tenant, ciso);
	const stolen = copyOf(client);
	const before = await snapshot(client);
	const verified = await client.post("/api/auth/mfa/verify", {
		code: enrolled.recoveryCodes[0] ?? assert.fail("recovery codes"),
	});
	await assertRenewed(before, client, await expectJson<{ csrfToken: string }>(verified));
	await expectProblem(await stolen.get(PROTECTED), 401, "unauthenticated");
	assert.equal((await client.get(PROTECTED)).status, 200);
});

test("first login: the password change and the TOTP enrolment each replace the session", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { totp: false, roles: ["ciso"] });
	await inTransaction(runtime.db, (tx) =>
		updateAccount(tx, tenant.id, ciso.id, { must_change_password: true }),
	);
	const client = await passwordStep(tenant, ciso);
	const beforeChange = copyOf(client);
	await expectProblem(await beforeChange.get(PROTECTED), 403, "password_change_required");
	const snapChange = await snapshot(client);

	const changed = await client.post("/api/auth/password", {
		currentPassword: TEST_PASSWORD,
		newPassword: NEW_PASSWORD,
	});
	const changedBody = await expectJson<{ stage: string; csrfToken: string }>(changed);
	assert.equal(changedBody.stage, "mfa_enroll");
	await assertRenewed(snapChange, client, changedBody);
	await expectProblem(await beforeChange.get(PROTECTED), 401, "unauthenticated");
	await expectProblem(await client.get(PROTECTED), 403, "mfa_enrollment_required");

	const begin = await expectJson<{ secret: string }>(await client.post("/api/auth/mfa/enrollment"));
	const beforeEnrol = copyOf(client);
	const snapEnrol = await snapshot(client);
	const confirmed = await client.post("/api/auth/mfa/enrollment/confirm", {
		code: currentTotp(begin.secret),
	});
	const confirmedBody = await expectJson<{ stage: string; csrfToken: string }>(confirmed);
	assert.equal(confirmedBody.stage, "active");
	await assertRenewed(snapEnrol, client, confirmedBody);

	await expectProblem(await beforeEnrol.get(PROTECTED), 401, "unauthenticated");
	await expectProblem(await beforeChange.get(PROTECTED), 401, "unauthenticated");
	assert.equal((await client.get(PROTECTED)).status, 200, "the newest cookie works");
	const rows = await runtime.db
		.selectFrom("sessions")
		.select("id")
		.where("account_id", "=", ciso.id)
		.execute();
	assert.equal(rows.length, 1, "one session left from the whole login");
});

test("a routine password change replaces the session too", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await passwordStep(tenant, staff);
	assert.equal((await client.get(PROTECTED)).status, 200);
	const stolen = copyOf(client);
	const before = await snapshot(client);
	const changed = await client.post("/api/auth/password", {
		currentPassword: TEST_PASSWORD,
		newPassword: NEW_PASSWORD,
	});
	await assertRenewed(before, client, await expectJson<{ csrfToken: string }>(changed));
	await expectProblem(await stolen.get(PROTECTED), 401, "unauthenticated");
	assert.equal((await client.get(PROTECTED)).status, 200);
});

test("logging in again replaces the session the browser already had", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await passwordStep(tenant, staff);
	const stolen = copyOf(client);
	const oldToken = tokenOf(client);
	const again = await client.login(tenant.slug, staff.username, TEST_PASSWORD);
	assert.equal(again.response.status, 200);
	assert.notEqual(tokenOf(client), oldToken);
	assert.equal(await sessionRow(oldToken), undefined, "the earlier session is deleted");
	await expectProblem(await stolen.get(PROTECTED), 401, "unauthenticated");
	assert.equal((await client.get(PROTECTED)).status, 200);
});

test("the old CSRF token does not work with the renewed session", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const client = await passwordStep(tenant, ciso);
	const oldCsrf = client.csrfToken ?? assert.fail("login gave a CSRF token");
	await expectJson(
		await client.post("/api/auth/mfa/verify", {
			code: currentTotp(ciso.totpSecret ?? assert.fail("enrolled")),
		}),
	);
	assert.notEqual(client.csrfToken, oldCsrf);
	const newCsrf = client.csrfToken ?? assert.fail("renewal gave a CSRF token");
	client.csrfToken = oldCsrf;
	client.cookies.set("mamori_csrf", oldCsrf);
	await expectProblem(await client.post("/api/auth/logout"), 403, "csrf_failed");
	client.csrfToken = newCsrf;
	client.cookies.set("mamori_csrf", newCsrf);
	assert.equal((await client.post("/api/auth/logout")).status, 204);
});

test("a second factor sent twice with the same pre-MFA cookie yields one session", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const client = await passwordStep(tenant, ciso);
	const replay = copyOf(client);
	replay.csrfToken = client.csrfToken;
	replay.cookies.set("mamori_csrf", client.cookies.get("mamori_csrf") ?? "");
	const code = currentTotp(ciso.totpSecret ?? assert.fail("enrolled"));
	assert.equal((await client.post("/api/auth/mfa/verify", { code })).status, 200);
	await expectProblem(await replay.post("/api/auth/mfa/verify", { code }), 401, "unauthenticated");
	assert.equal(replay.cookies.has("mamori_session"), false, "the stale cookie is cleared");
});

test("a role granted while signed in ends the holder's sessions; a new login gets the role", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const adminClient = await passwordStep(tenant, admin);
	await adminClient.post("/api/auth/mfa/verify", {
		code: currentTotp(admin.totpSecret ?? assert.fail("enrolled")),
	});
	const holder = await makeAccount(runtime, tenant, { totp: true });
	const holderClient = await passwordStep(tenant, holder);
	await expectJson(
		await holderClient.post("/api/auth/mfa/verify", {
			code: currentTotp(holder.totpSecret ?? assert.fail("enrolled")),
		}),
	);
	await expectProblem(await holderClient.get("/api/audit-events"), 403, "forbidden");

	const granted = await adminClient.post(`/api/accounts/${holder.id}/roles`, { role: "auditor" });
	assert.equal(granted.status, 201);
	await expectProblem(await holderClient.get("/api/audit-events"), 401, "unauthenticated");
	await expectProblem(await holderClient.get(PROTECTED), 401, "unauthenticated");
	assert.equal((await adminClient.get(PROTECTED)).status, 200, "the granting admin stays in");

	const again = await passwordStep(tenant, holder);
	await again.post("/api/auth/mfa/verify", {
		code: currentTotp(holder.totpSecret ?? assert.fail("enrolled"), Date.now() + 30_000),
	});
	assert.equal((await again.get("/api/audit-events")).status, 200, "the role after a new login");
});

test("a role dated to start later ends the sessions older than its start when it takes effect", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const adminClient = await passwordStep(tenant, admin);
	await adminClient.post("/api/auth/mfa/verify", {
		code: currentTotp(admin.totpSecret ?? assert.fail("enrolled")),
	});
	const holder = await makeAccount(runtime, tenant, { totp: true });
	const holderClient = await passwordStep(tenant, holder);
	await holderClient.post("/api/auth/mfa/verify", {
		code: currentTotp(holder.totpSecret ?? assert.fail("enrolled")),
	});
	const validFrom = new Date(Date.now() + 60 * 60_000).toISOString();
	const granted = await adminClient.post(`/api/accounts/${holder.id}/roles`, {
		role: "auditor",
		validFrom,
	});
	assert.equal(granted.status, 201);
	assert.equal((await holderClient.get(PROTECTED)).status, 200, "nothing changes before");
	await expectProblem(await holderClient.get("/api/audit-events"), 403, "forbidden");
	// Time passes: the login was ten minutes ago and the role took effect five minutes ago.
	await runtime.db
		.updateTable("sessions")
		.set({ created_at: new Date(Date.now() - 10 * 60_000).toISOString() })
		.where("id", "=", sessionIdFor(tokenOf(holderClient)))
		.execute();
	await runtime.db
		.updateTable("role_assignments")
		.set({ valid_from: new Date(Date.now() - 5 * 60_000).toISOString() })
		.where("account_id", "=", holder.id)
		.where("role", "=", "auditor")
		.execute();
	// A change made behind the server's back is seen once its session cache has let go.
	await sleep(SESSION_CACHE_TTL_MS + 100);
	await expectProblem(await holderClient.get("/api/audit-events"), 401, "unauthenticated");
});
