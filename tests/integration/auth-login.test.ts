import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createApp } from "../../src/http/app.ts";
import { SESSION_CACHE_TTL_MS } from "../../src/modules/auth/session-cache.ts";
import { sessionIdFor } from "../../src/modules/auth/sessions.repository.ts";
import { auditEvents, countRows } from "../helpers/audit-db.ts";
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
	csrfToken: string;
	session: {
		stage: string;
		account: { id: string; username: string; mfaRequired: boolean; mfaEnrolled: boolean };
	} | null;
}

test("the right password logs a plain member of staff straight in", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const stored = await runtime.db
		.selectFrom("accounts")
		.select("password_hash")
		.where("id", "=", staff.id)
		.executeTakeFirstOrThrow();
	assert.match(stored.password_hash, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[\w-]+\$[\w-]+$/);

	const client = new TestClient(app);
	const { response, body } = await client.login(tenant.slug, staff.username, TEST_PASSWORD);
	assert.equal(response.status, 200);
	const info = body as SessionInfo;
	assert.equal(info.session?.stage, "active");
	assert.equal(info.session?.account.id, staff.id);
	assert.ok(client.cookies.get("mamori_session"), "a session cookie is set");
	const orgUnits = await client.get("/api/org-units");
	assert.equal(orgUnits.status, 200);

	const events = await auditEvents(runtime.db, tenant.id);
	const success = events.filter((e) => e.type === "auth.login_succeeded");
	assert.equal(success.length, 1);
	assert.equal(success[0]?.actor_id, staff.id);
	assert.deepEqual(success[0]?.payload, { method: "password" });
});

test("a wrong password, an unknown user and an unknown tenant get the same refusal", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const sessionsBefore = await countRows(runtime.db, "sessions");

	const attempts = [
		{ tenant: tenant.slug, username: staff.username, password: "not the password at all" },
		{ tenant: tenant.slug, username: "nobody-by-this-name", password: TEST_PASSWORD },
		{ tenant: "no-such-tenant", username: staff.username, password: TEST_PASSWORD },
	];
	const refusals = [];
	for (const attempt of attempts) {
		const client = new TestClient(app);
		const response = await client.post("/api/auth/login", attempt);
		const problem = await expectProblem(response, 401, "invalid_credentials");
		assert.equal(response.headers.get("retry-after"), null);
		assert.equal(client.cookies.has("mamori_session"), false, "no session cookie on refusal");
		refusals.push(problem);
	}
	assert.deepEqual(refusals[1], refusals[0], "unknown user looks like a wrong password");
	assert.deepEqual(refusals[2], refusals[0], "unknown tenant looks like a wrong password");
	assert.equal(await countRows(runtime.db, "sessions"), sessionsBefore, "no session was created");

	const failures = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "auth.login_failed",
	);
	assert.deepEqual(
		failures.map((e) => [e.actor_id, e.payload]),
		[
			[staff.id, { username: staff.username, reason: "bad_credentials" }],
			[null, { username: "nobody-by-this-name", reason: "bad_credentials" }],
		],
	);
});

test("a disabled account cannot log in, and its open sessions end", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const staff = await makeAccount(runtime, tenant);
	const adminClient = await activeClient(runtime, app, admin);
	const staffClient = await activeClient(runtime, app, staff);
	assert.equal((await staffClient.get("/api/org-units")).status, 200);

	const disabled = await adminClient.patch(`/api/accounts/${staff.id}`, { disabled: true });
	assert.equal((await expectJson<{ disabled: boolean }>(disabled)).disabled, true);
	await expectProblem(await staffClient.get("/api/org-units"), 401, "unauthenticated");

	const refused = await new TestClient(app).post("/api/auth/login", {
		tenant: tenant.slug,
		username: staff.username,
		password: TEST_PASSWORD,
	});
	const wrong = await new TestClient(app).post("/api/auth/login", {
		tenant: tenant.slug,
		username: staff.username,
		password: "certainly not it",
	});
	assert.deepEqual(
		await expectProblem(refused, 401, "invalid_credentials"),
		await expectProblem(wrong, 401, "invalid_credentials"),
		"a disabled account is refused like a wrong password",
	);
	const failures = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "auth.login_failed",
	);
	assert.deepEqual(
		failures.map((e) => e.payload.reason),
		["disabled", "bad_credentials"],
	);

	await expectJson(await adminClient.patch(`/api/accounts/${staff.id}`, { disabled: false }));
	const again = await new TestClient(app).login(tenant.slug, staff.username, TEST_PASSWORD);
	assert.equal(again.response.status, 200, "re-enabled, the account logs in again");
});

test("a session whose account was disabled behind its back is ended on its next request", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const token = await makeSessionToken(runtime, staff);
	const client = new TestClient(app, token);
	assert.equal((await client.get("/api/org-units")).status, 200);

	await runtime.db
		.updateTable("accounts")
		.set({ disabled_at: new Date().toISOString() })
		.where("id", "=", staff.id)
		.execute();
	// Changed behind the server's back, as another process would: seen once its cached login
	// state of this cookie has expired.
	await sleep(SESSION_CACHE_TTL_MS);
	await expectProblem(await client.get("/api/org-units"), 401, "unauthenticated");
	const row = await runtime.db
		.selectFrom("sessions")
		.select("id")
		.where("id", "=", sessionIdFor(token))
		.executeTakeFirst();
	assert.equal(row, undefined, "the session row is deleted");
	assert.equal(client.cookies.has("mamori_session"), false, "the stale cookie is cleared");
});
