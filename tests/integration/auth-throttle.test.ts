import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant, TEST_PASSWORD } from "../helpers/factories.ts";
import { expectProblem, type ProblemBody } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

function attempt(tenant: TenantRow, username: string, password: string) {
	return new TestClient(app).post("/api/auth/login", { tenant: tenant.slug, username, password });
}

async function throttleRow(tenantId: string, usernameKey: string) {
	return runtime.db
		.selectFrom("login_throttle")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("username_key", "=", usernameKey)
		.executeTakeFirst();
}

/** Let the current lock run out, as if its time had passed. */
async function expireLock(tenantId: string, usernameKey: string) {
	await runtime.db
		.updateTable("login_throttle")
		.set({ locked_until: new Date(Date.now() - 1000).toISOString() })
		.where("tenant_id", "=", tenantId)
		.where("username_key", "=", usernameKey)
		.execute();
}

/** Four free failures, then the fifth starts a 30-second lock; returns what each answered. */
async function failFiveTimes(tenant: TenantRow, username: string) {
	const answers: { status: number; retryAfter: string | null; problem: ProblemBody }[] = [];
	for (let i = 1; i <= 5; i++) {
		const response = await attempt(tenant, username, `wrong password ${i}`);
		const expected = i <= 4 ? ["invalid_credentials", 401] : ["login_throttled", 429];
		const problem = await expectProblem(response, expected[1] as number, expected[0] as string);
		answers.push({
			status: response.status,
			retryAfter: response.headers.get("retry-after"),
			problem,
		});
	}
	return answers;
}

test("after four free failures the fifth locks the name, and the lock doubles", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant, { username: "throttled-user" });
	const answers = await failFiveTimes(tenant, staff.username);
	assert.deepEqual(
		answers.map((a) => a.retryAfter),
		[null, null, null, null, "30"],
	);

	const locked = await attempt(tenant, staff.username, TEST_PASSWORD);
	await expectProblem(locked, 429, "login_throttled");
	assert.ok(Number(locked.headers.get("retry-after")) > 0, "the right password is refused too");
	assert.equal((await throttleRow(tenant.id, "throttled-user"))?.failures, 5, "not counted");

	await expireLock(tenant.id, "throttled-user");
	const sixth = await attempt(tenant, staff.username, "wrong again");
	await expectProblem(sixth, 429, "login_throttled");
	assert.equal(sixth.headers.get("retry-after"), "60", "the second lock is twice as long");
	const row = await throttleRow(tenant.id, "throttled-user");
	assert.equal(row?.failures, 6);
	assert.equal(
		Date.parse(row?.locked_until ?? "") - Date.parse(row?.last_failure_at ?? ""),
		60_000,
	);

	await expireLock(tenant.id, "throttled-user");
	const seventh = await attempt(tenant, staff.username, "and again");
	assert.equal(seventh.headers.get("retry-after"), "120");

	const events = await auditEvents(runtime.db, tenant.id);
	const throttled = events.filter((e) => e.type === "auth.login_throttled");
	assert.equal(throttled.length, 3, "each new lock is recorded");
	assert.equal(throttled[0]?.payload.username, staff.username);
});

test("success after a lock has run out clears the counter", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant, { username: "recovering-user" });
	await failFiveTimes(tenant, staff.username);
	await expireLock(tenant.id, "recovering-user");

	const success = await attempt(tenant, staff.username, TEST_PASSWORD);
	assert.equal(success.status, 200);
	assert.equal(await throttleRow(tenant.id, "recovering-user"), undefined, "counter cleared");

	const next = await attempt(tenant, staff.username, "a fresh mistake");
	await expectProblem(next, 401, "invalid_credentials");
	assert.equal((await throttleRow(tenant.id, "recovering-user"))?.failures, 1);
});

test("a name that does not exist is throttled exactly like one that does", async () => {
	const tenant = await makeTenant(runtime);
	await makeAccount(runtime, tenant, { username: "real-user" });
	const real = await failFiveTimes(tenant, "real-user");
	const ghost = await failFiveTimes(tenant, "ghost-user");
	assert.deepEqual(ghost, real);
	await expectProblem(await attempt(tenant, "ghost-user", TEST_PASSWORD), 429, "login_throttled");
});

test("the lock is per tenant and name, and ignores the case of the name", async () => {
	const tenant = await makeTenant(runtime);
	const other = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant, { username: "casey" });
	const twin = await makeAccount(runtime, other, { username: "casey" });
	for (const name of ["casey", "CASEY", "Casey", "casey"]) {
		await expectProblem(await attempt(tenant, name, "wrong"), 401, "invalid_credentials");
	}
	await expectProblem(await attempt(tenant, "CaSeY", "wrong"), 429, "login_throttled");
	await expectProblem(await attempt(tenant, staff.username, TEST_PASSWORD), 429, "login_throttled");
	const elsewhere = await attempt(other, twin.username, TEST_PASSWORD);
	assert.equal(elsewhere.status, 200, "the same name in another tenant is not locked");
});
