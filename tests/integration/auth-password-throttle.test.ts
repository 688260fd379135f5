import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant, TEST_PASSWORD } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

test("wrong current passwords on a live session count towards the login throttle", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await activeClient(runtime, app, staff);
	const attempt = (currentPassword: string) =>
		client.post("/api/auth/password", { currentPassword, newPassword: "another passphrase 2026" });

	for (let i = 0; i < 4; i++)
		await expectProblem(await attempt(`guess ${i}`), 401, "invalid_credentials");
	const locked = await attempt("guess 4");
	await expectProblem(locked, 429, "login_throttled");
	assert.ok(Number(locked.headers.get("retry-after")) > 0);

	// While locked even the right password is refused, and the login screen is locked too.
	await expectProblem(await attempt(TEST_PASSWORD), 429, "login_throttled");
	const login = await new TestClient(app).login(tenant.slug, staff.username, TEST_PASSWORD);
	assert.equal(login.response.status, 429);
	assert.equal((login.body as { code?: string }).code, "login_throttled");

	const events = await auditEvents(runtime.db, tenant.id);
	const failed = events.filter((e) => e.type === "auth.password_change_failed");
	assert.equal(failed.length, 5);
	assert.ok(events.some((e) => e.type === "auth.login_throttled"));
});

test("a successful password change clears earlier failures", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await activeClient(runtime, app, staff);
	await expectProblem(
		await client.post("/api/auth/password", {
			currentPassword: "nope",
			newPassword: "x".repeat(20),
		}),
		401,
		"invalid_credentials",
	);
	await expectJson(
		await client.post("/api/auth/password", {
			currentPassword: TEST_PASSWORD,
			newPassword: "a fresh passphrase 2026",
		}),
	);
	const rows = await runtime.db
		.selectFrom("login_throttle")
		.selectAll()
		.where("tenant_id", "=", tenant.id)
		.execute();
	assert.deepEqual(rows, []);
});
