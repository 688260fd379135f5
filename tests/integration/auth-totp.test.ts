import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { currentTotp, matchTotp } from "../../src/modules/auth/totp.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents } from "../helpers/audit-db.ts";
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

const STEP_MS = 30_000;

interface SessionInfo {
	session: { stage: string; account: { recoveryCodesLeft: number } } | null;
}

/** Log in with the password; the session then waits for the second factor. */
async function passwordStep(tenant: TenantRow, account: MadeAccount): Promise<TestClient> {
	const client = new TestClient(app);
	const { response, body } = await client.login(tenant.slug, account.username, TEST_PASSWORD);
	assert.equal(response.status, 200);
	assert.equal((body as SessionInfo).session?.stage, "mfa_verify");
	return client;
}

/** A code that is surely wrong for `secret` around now. */
function wrongCode(secret: string): string {
	const near = [-1, 0, 1].map((d) => currentTotp(secret, Date.now() + d * STEP_MS));
	for (let n = 0; ; n++) {
		const code = String(n).padStart(6, "0");
		if (!near.includes(code)) return code;
	}
}

async function stageOf(client: TestClient): Promise<string | undefined> {
	return (await expectJson<SessionInfo>(await client.get("/api/auth/session"))).session?.stage;
}

test("the second step: a wrong code is refused, the right one opens the application", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const secret = ciso.totpSecret ?? assert.fail("the factory enrolled TOTP");
	const client = await passwordStep(tenant, ciso);
	await expectProblem(await client.get("/api/org-units"), 403, "mfa_verification_required");

	const wrong = await client.post("/api/auth/mfa/verify", { code: wrongCode(secret) });
	await expectProblem(wrong, 401, "invalid_code");
	assert.equal(await stageOf(client), "mfa_verify", "still waiting for the second factor");
	await expectProblem(await client.get("/api/org-units"), 403, "mfa_verification_required");

	const right = await client.post("/api/auth/mfa/verify", { code: currentTotp(secret) });
	assert.equal((await expectJson<{ stage: string }>(right)).stage, "active");
	assert.equal((await client.get("/api/org-units")).status, 200);

	const events = await auditEvents(runtime.db, tenant.id);
	const logins = events.filter((e) => e.type.startsWith("auth.login"));
	assert.deepEqual(
		logins.map((e) => [e.type, e.payload]),
		[
			["auth.login_failed", { username: ciso.username, reason: "bad_second_factor" }],
			["auth.login_succeeded", { method: "password_totp" }],
		],
		"the password step alone does not count as a login",
	);
});

test("a TOTP code cannot be replayed, not even in a new login", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const secret = ciso.totpSecret ?? assert.fail("the factory enrolled TOTP");
	const now = Date.now();
	const code = currentTotp(secret, now);
	const step = matchTotp(secret, code, now);

	const first = await passwordStep(tenant, ciso);
	assert.equal((await first.post("/api/auth/mfa/verify", { code })).status, 200);
	const stored = await runtime.db
		.selectFrom("accounts")
		.select("totp_last_step")
		.where("id", "=", ciso.id)
		.executeTakeFirstOrThrow();
	assert.equal(Number(stored.totp_last_step), step, "the used step is remembered");

	const second = await passwordStep(tenant, ciso);
	await expectProblem(await second.post("/api/auth/mfa/verify", { code }), 401, "invalid_code");
	const older = currentTotp(secret, now - STEP_MS);
	if (older !== code) {
		await expectProblem(
			await second.post("/api/auth/mfa/verify", { code: older }),
			401,
			"invalid_code",
		);
	}
	const next = currentTotp(secret, now + STEP_MS);
	assert.equal((await second.post("/api/auth/mfa/verify", { code: next })).status, 200);
});

test("two logins racing with the same code: only one gets in", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const secret = ciso.totpSecret ?? assert.fail("the factory enrolled TOTP");
	const clients = [await passwordStep(tenant, ciso), await passwordStep(tenant, ciso)];
	const code = currentTotp(secret);
	const responses = await Promise.all(
		clients.map((client) => client.post("/api/auth/mfa/verify", { code })),
	);
	assert.deepEqual(
		responses.map((r) => r.status).sort(),
		[200, 401],
		"the code is accepted once, however close together the requests come",
	);
});

test("recovery codes work once each, and the count drops", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"], totp: false });

	const enrolling = new TestClient(app);
	const login = await enrolling.login(tenant.slug, ciso.username, TEST_PASSWORD);
	assert.equal((login.body as SessionInfo).session?.stage, "mfa_enroll");
	const { secret } = await expectJson<{ secret: string }>(
		await enrolling.post("/api/auth/mfa/enrollment"),
	);
	const confirmed = await expectJson<{ recoveryCodes: string[] }>(
		await enrolling.post("/api/auth/mfa/enrollment/confirm", { code: currentTotp(secret) }),
	);
	const [firstCode, secondCode] = confirmed.recoveryCodes;
	assert.ok(firstCode && secondCode);
	assert.match(firstCode, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
	const stored = await runtime.db
		.selectFrom("accounts")
		.select("recovery_codes")
		.where("id", "=", ciso.id)
		.executeTakeFirstOrThrow();
	assert.ok(!stored.recovery_codes?.includes(firstCode), "codes are stored hashed");

	const one = await passwordStep(tenant, ciso);
	const verified = await one.post("/api/auth/mfa/verify", { code: firstCode });
	assert.equal((await expectJson<{ stage: string }>(verified)).stage, "active");
	const afterOne = await expectJson<SessionInfo>(await one.get("/api/auth/session"));
	assert.equal(afterOne.session?.account.recoveryCodesLeft, 9);

	const two = await passwordStep(tenant, ciso);
	await expectProblem(
		await two.post("/api/auth/mfa/verify", { code: firstCode }),
		401,
		"invalid_code",
	);
	const upper = ` ${secondCode.toUpperCase()} `;
	assert.equal((await two.post("/api/auth/mfa/verify", { code: upper })).status, 200);
	const afterTwo = await expectJson<SessionInfo>(await two.get("/api/auth/session"));
	assert.equal(afterTwo.session?.account.recoveryCodesLeft, 8);

	const thirdCode = confirmed.recoveryCodes[2] ?? assert.fail("ten codes");
	const racing = [await passwordStep(tenant, ciso), await passwordStep(tenant, ciso)];
	const raced = await Promise.all(
		racing.map((client) => client.post("/api/auth/mfa/verify", { code: thirdCode })),
	);
	assert.deepEqual(raced.map((r) => r.status).sort(), [200, 401], "a racing reuse gets in once");

	const used = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "auth.recovery_code_used",
	);
	assert.deepEqual(
		used.map((e) => e.payload),
		[{ remaining: 9 }, { remaining: 8 }, { remaining: 7 }],
	);
});

test("wrong second factors are throttled like wrong passwords", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const secret = ciso.totpSecret ?? assert.fail("the factory enrolled TOTP");
	const client = await passwordStep(tenant, ciso);
	for (let i = 0; i < 4; i++) {
		await expectProblem(
			await client.post("/api/auth/mfa/verify", { code: wrongCode(secret) }),
			401,
			"invalid_code",
		);
	}
	const fifth = await client.post("/api/auth/mfa/verify", { code: wrongCode(secret) });
	await expectProblem(fifth, 429, "login_throttled");
	assert.equal(fifth.headers.get("retry-after"), "30");

	const locked = await client.post("/api/auth/mfa/verify", { code: currentTotp(secret) });
	await expectProblem(locked, 429, "login_throttled");
	assert.ok(Number(locked.headers.get("retry-after")) > 0, "says when to try again");
	assert.equal(await stageOf(client), "mfa_verify", "the right code is refused while locked");
	await expectProblem(
		await new TestClient(app).post("/api/auth/login", {
			tenant: tenant.slug,
			username: ciso.username,
			password: TEST_PASSWORD,
		}),
		429,
		"login_throttled",
	);
	const types = (await auditEvents(runtime.db, tenant.id)).map((e) => e.type);
	assert.equal(types.filter((t) => t === "auth.login_throttled").length, 1);
});
