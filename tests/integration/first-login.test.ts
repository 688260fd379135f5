import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { bootstrapIfEmpty } from "../../src/bootstrap.ts";
import { createApp } from "../../src/http/app.ts";
import { currentTotp } from "../../src/modules/auth/totp.ts";
import { TestClient } from "../helpers/client.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

test("first administrator: one-time password, new password, TOTP enrolment, then the app", async () => {
	const admins = await bootstrapIfEmpty(runtime.db);
	assert.deepEqual(
		admins?.map((a) => a.tenantSlug),
		["demo", "saga", "kitakyushu"],
		"one demo tenant per bundled policy pack",
	);
	const first = admins?.[0];
	assert.ok(first, "an empty database gets a first administrator");
	assert.equal(await bootstrapIfEmpty(runtime.db), null, "bootstrap runs only once");
	const app = createApp(runtime);
	const client = new TestClient(app);

	const login = await client.login(first.tenantSlug, first.username, first.oneTimePassword);
	assert.equal(login.response.status, 200);
	assert.equal((login.body.session as { stage: string }).stage, "password_change");

	const blocked = await client.get("/api/accounts");
	assert.equal(blocked.status, 403);
	assert.equal(((await blocked.json()) as { code: string }).code, "password_change_required");

	const changed = await client.post("/api/auth/password", {
		currentPassword: first.oneTimePassword,
		newPassword: "a much longer passphrase 2026",
	});
	assert.equal(changed.status, 200);
	assert.equal(((await changed.json()) as { stage: string }).stage, "mfa_enroll");

	const begin = await client.post("/api/auth/mfa/enrollment");
	assert.equal(begin.status, 200);
	const enrollment = (await begin.json()) as { secret: string; qrSvg: string; otpauthUri: string };
	assert.match(enrollment.qrSvg, /^<svg/);
	assert.match(enrollment.otpauthUri, /^otpauth:\/\/totp\//);

	const wrong = await client.post("/api/auth/mfa/enrollment/confirm", {
		code: "000000" === currentTotp(enrollment.secret) ? "111111" : "000000",
	});
	assert.equal(wrong.status, 401);
	const mismatch = (await wrong.json()) as { issues?: { path: string; code?: string }[] };
	assert.deepEqual(
		mismatch.issues?.map((i) => [i.path, i.code]),
		[["code", "totp_mismatch"]],
	);

	const confirm = await client.post("/api/auth/mfa/enrollment/confirm", {
		code: currentTotp(enrollment.secret),
	});
	assert.equal(confirm.status, 200);
	const confirmed = (await confirm.json()) as { stage: string; recoveryCodes: string[] };
	assert.equal(confirmed.stage, "active");
	assert.equal(confirmed.recoveryCodes.length, 10);
	assert.equal(new Set(confirmed.recoveryCodes).size, 10);

	const accounts = await client.get("/api/accounts");
	assert.equal(accounts.status, 200);
	const list = (await accounts.json()) as { items: { username: string; mfaEnrolled: boolean }[] };
	assert.deepEqual(
		list.items.map((a) => [a.username, a.mfaEnrolled]),
		[["admin", true]],
	);

	const audit = (await (await client.get("/api/audit-events?limit=50")).json()) as {
		items: { type: string }[];
	};
	const types = audit.items.map((e) => e.type);
	for (const type of [
		"auth.login_succeeded",
		"auth.password_changed",
		"auth.mfa_enrolled",
		"account.created",
		"tenant.created",
	]) {
		assert.ok(types.includes(type), `audit log has ${type}`);
	}
});
