import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { currentTotp } from "../../src/modules/auth/totp.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents, countRows } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { type MadeAccount, makeAccount, makeTenant, TEST_PASSWORD } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

const NEW_PASSWORD = "a completely new passphrase 2026";

async function loginStatus(tenant: TenantRow, account: MadeAccount, password: string) {
	const { response, body } = await new TestClient(app).login(
		tenant.slug,
		account.username,
		password,
	);
	return {
		status: response.status,
		stage: (body as { session?: { stage: string } }).session?.stage,
	};
}

function sessionsOf(accountId: string) {
	return runtime.db
		.selectFrom("sessions")
		.select("id")
		.where("account_id", "=", accountId)
		.execute();
}

test("a wrong current password is refused and changes nothing", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await activeClient(runtime, app, staff);
	const refused = await client.post("/api/auth/password", {
		currentPassword: "not my password",
		newPassword: NEW_PASSWORD,
	});
	const problem = await expectProblem(refused, 401, "invalid_credentials");
	assert.deepEqual(
		problem.issues?.map((i) => i.path),
		["currentPassword"],
	);
	assert.equal((await client.get("/api/org-units")).status, 200, "still logged in");
	assert.equal((await loginStatus(tenant, staff, TEST_PASSWORD)).status, 200);
	assert.equal((await loginStatus(tenant, staff, NEW_PASSWORD)).status, 401);
});

test("weak new passwords are refused with a stable code and parameters per reason", async () => {
	const tenant = await makeTenant(runtime, "saga-city");
	const staff = await makeAccount(runtime, tenant, { username: "suzuki.hanako" });
	const client = await activeClient(runtime, app, staff);
	const cases: [string, string, Record<string, string | number>][] = [
		["short1", "password_too_short", { min: 12 }],
		["my name is suzuki.hanako!", "password_contains_name", { field: "username" }],
		["SUZUKI.HANAKO-2026-04", "password_contains_name", { field: "username" }],
		["blue saga-city harbour 42", "password_contains_name", { field: "tenant" }],
		["password1234", "password_common", {}],
		["qwertyuiop12", "password_common", {}],
		["konnichiwa123", "password_common", {}],
		["aaaaaaaaaaaa", "password_low_entropy", { kind: "repeated" }],
		[" ".repeat(12), "password_low_entropy", { kind: "whitespace" }],
		["\u3000".repeat(12), "password_low_entropy", { kind: "whitespace" }],
		["sakurasakura", "password_low_entropy", { kind: "pattern" }],
		[TEST_PASSWORD, "password_unchanged", {}],
	];
	for (const [newPassword, code, params] of cases) {
		const response = await client.post("/api/auth/password", {
			currentPassword: TEST_PASSWORD,
			newPassword,
		});
		const problem = await expectProblem(response, 400, "validation_failed");
		assert.deepEqual(
			problem.issues?.map((i) => [i.path, i.code, i.params]),
			[["newPassword", code, params]],
			JSON.stringify(newPassword),
		);
	}
	assert.equal((await loginStatus(tenant, staff, TEST_PASSWORD)).status, 200, "unchanged");
	const rows = await runtime.db
		.selectFrom("sessions")
		.select("id")
		.where("account_id", "=", staff.id)
		.execute();
	assert.equal(rows.length, 2, "a refused change renews nothing: this session and the login's");
	assert.equal((await client.get("/api/org-units")).status, 200, "still logged in");
});

test("the display name counts as a name, in kanji too", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	await runtime.db
		.updateTable("accounts")
		.set({ display_name: "鈴木 花子" })
		.where("id", "=", staff.id)
		.execute();
	const client = await activeClient(runtime, app, staff);
	const problem = await expectProblem(
		await client.post("/api/auth/password", {
			currentPassword: TEST_PASSWORD,
			newPassword: "窓辺の鈴木花子と青い猫たち",
		}),
		400,
		"validation_failed",
	);
	assert.deepEqual(problem.issues?.[0]?.params, { field: "displayName" });
});

test("a new password ends every other session of the account; this one continues", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const secret = ciso.totpSecret ?? assert.fail("TOTP enrolled");
	const current = await activeClient(runtime, app, ciso);
	const otherA = await activeClient(runtime, app, ciso);
	const otherB = await activeClient(runtime, app, ciso);
	const bystander = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const bystanderClient = await activeClient(runtime, app, bystander);

	const changed = await current.post("/api/auth/password", {
		currentPassword: TEST_PASSWORD,
		newPassword: NEW_PASSWORD,
	});
	assert.equal((await expectJson<{ stage: string }>(changed)).stage, "active");
	await expectProblem(await otherA.get("/api/org-units"), 401, "unauthenticated");
	await expectProblem(await otherB.get("/api/org-units"), 401, "unauthenticated");
	assert.equal((await current.get("/api/org-units")).status, 200, "the changing session goes on");
	assert.equal((await bystanderClient.get("/api/org-units")).status, 200, "others untouched");
	assert.equal((await sessionsOf(ciso.id)).length, 1);

	const event = (await auditEvents(runtime.db, tenant.id)).find(
		(e) => e.type === "auth.password_changed",
	);
	assert.deepEqual(event?.payload, { sessionsRevoked: 2 });
	assert.equal(event?.actor_id, ciso.id);
	assert.equal(event?.record_id, ciso.id);

	assert.equal((await loginStatus(tenant, ciso, TEST_PASSWORD)).status, 401, "old one refused");
	const fresh = new TestClient(app);
	const login = await fresh.login(tenant.slug, ciso.username, NEW_PASSWORD);
	assert.equal((login.body as { session: { stage: string } }).session.stage, "mfa_verify");
	const verified = await fresh.post("/api/auth/mfa/verify", { code: currentTotp(secret) });
	assert.equal(verified.status, 200);
});

test("an administrator's password reset ends the holder's sessions and issues a one-time password", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const staff = await makeAccount(runtime, tenant);
	const adminClient = await activeClient(runtime, app, admin);
	const staffClients = [
		await activeClient(runtime, app, staff),
		await activeClient(runtime, app, staff),
	];

	const reset = await adminClient.post(`/api/accounts/${staff.id}/password-reset`);
	const body = await expectJson<{
		oneTimePassword: string;
		account: { mustChangePassword: boolean };
	}>(reset);
	assert.equal(body.account.mustChangePassword, true);
	assert.match(body.oneTimePassword, /^[A-Za-z2-9]{16}$/);
	for (const client of staffClients) {
		await expectProblem(await client.get("/api/org-units"), 401, "unauthenticated");
	}
	assert.equal((await sessionsOf(staff.id)).length, 0);
	assert.equal((await adminClient.get("/api/org-units")).status, 200, "the admin stays in");

	assert.equal((await loginStatus(tenant, staff, TEST_PASSWORD)).status, 401);
	assert.deepEqual(await loginStatus(tenant, staff, body.oneTimePassword), {
		status: 200,
		stage: "password_change",
	});
	const event = (await auditEvents(runtime.db, tenant.id)).find(
		(e) => e.type === "account.password_reset",
	);
	assert.deepEqual(
		[event?.actor_id, event?.record_id, event?.payload],
		[admin.id, staff.id, { sessionsRevoked: 2 }],
	);
});

test("an administrator's MFA reset ends the holder's sessions and requires enrolment again", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const adminClient = await activeClient(runtime, app, admin);
	const cisoClient = await activeClient(runtime, app, ciso);

	const reset = await adminClient.post(`/api/accounts/${ciso.id}/mfa-reset`);
	assert.equal((await expectJson<{ mfaEnrolled: boolean }>(reset)).mfaEnrolled, false);
	await expectProblem(await cisoClient.get("/api/org-units"), 401, "unauthenticated");
	const stored = await runtime.db
		.selectFrom("accounts")
		.select(["totp_secret", "recovery_codes", "totp_enabled_at"])
		.where("id", "=", ciso.id)
		.executeTakeFirstOrThrow();
	assert.deepEqual(
		{ ...stored },
		{ totp_secret: null, recovery_codes: null, totp_enabled_at: null },
	);
	assert.deepEqual(await loginStatus(tenant, ciso, TEST_PASSWORD), {
		status: 200,
		stage: "mfa_enroll",
	});
	const event = (await auditEvents(runtime.db, tenant.id)).find(
		(e) => e.type === "account.mfa_reset",
	);
	assert.deepEqual([event?.actor_id, event?.payload], [admin.id, { sessionsRevoked: 1 }]);
});

test("only a tenant administrator may reset someone else's credentials", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const staff = await makeAccount(runtime, tenant);
	const cisoClient = await activeClient(runtime, app, ciso);
	const eventsBefore = await countRows(runtime.db, "audit_events", tenant.id);
	await expectProblem(
		await cisoClient.post(`/api/accounts/${staff.id}/password-reset`),
		403,
		"forbidden",
	);
	await expectProblem(
		await cisoClient.post(`/api/accounts/${staff.id}/mfa-reset`),
		403,
		"forbidden",
	);
	assert.equal(await countRows(runtime.db, "audit_events", tenant.id), eventsBefore);
	assert.equal((await loginStatus(tenant, staff, TEST_PASSWORD)).status, 200);
});
