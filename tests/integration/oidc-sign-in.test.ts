import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import { startTestOidc, type TestOidc } from "../../scripts/test-oidc.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { currentTotp, newTotpSecret } from "../../src/modules/auth/totp.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { rolesNow } from "../helpers/directory-world.ts";
import { expectProblem } from "../helpers/http.ts";
import {
	makeOidcWorld,
	type OidcWorld,
	sharedOidc,
	stopSharedOidc,
	TEST_REDIRECT_URI,
} from "../helpers/oidc-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * OpenID Connect sign-in against a real provider (oidc-provider) on loopback issuing real signed
 * ID tokens, validated by openid-client: claims to the roster and roles, MFA by amr/acr or
 * Mamori's TOTP, and each refusal of issue #18 point 6 — forged, expired, wrong-audience token,
 * nonce mismatch, replayed state, provider down, throttling — logged; on whichever engine
 * DATABASE_URL names.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let op: TestOidc;
let world: OidcWorld;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	op = await sharedOidc();
	world = await makeOidcWorld(runtime, op.issuer);
});
after(async () => {
	op?.tamper(null);
	await stopSharedOidc();
	await runtime?.cleanup();
});

interface SessionBody {
	csrfToken: string;
	session: { stage: string; account: { id: string; displayName: string } };
}

/** Start at Mamori, sign in at the provider's page; the query the browser comes back with. */
async function throughProvider(client: TestClient, tenant: string, login: string, at = op) {
	const start = await client.post("/api/auth/oidc/start", { tenant });
	assert.equal(start.status, 200, await start.clone().text());
	const { authorizationUrl } = (await start.json()) as { authorizationUrl: string };
	return (await at.signIn(authorizationUrl, login)).search;
}

function callback(client: TestClient, tenant: string, search: string) {
	return client.post("/api/auth/oidc/callback", { tenant, search });
}

async function failures(tenantId: string) {
	return (await auditEvents(runtime.db, tenantId))
		.filter((e) => e.type === "auth.login_failed")
		.map((e) => `${e.payload.reason}:${e.payload.detail ?? ""}`);
}

describe("OpenID Connect sign-in", () => {
	test("the authorization request carries PKCE S256, state and nonce; the browser gets a cookie", async () => {
		const client = new TestClient(app);
		const start = await client.post("/api/auth/oidc/start", { tenant: world.tenant.slug });
		const url = new URL(((await start.json()) as { authorizationUrl: string }).authorizationUrl);
		assert.equal(url.origin, op.issuer);
		assert.equal(url.searchParams.get("code_challenge_method"), "S256");
		assert.ok((url.searchParams.get("code_challenge") ?? "").length >= 43);
		assert.ok(url.searchParams.get("state"));
		assert.ok(url.searchParams.get("nonce"));
		assert.equal(url.searchParams.get("redirect_uri"), TEST_REDIRECT_URI);
		assert.ok(client.cookies.get("mamori_oidc"), "the browser secret cookie");
	});

	test("a staff member signs in: linked by employee number, name and mail from the claims, active", async () => {
		const client = new TestClient(app);
		const search = await throughProvider(client, world.tenant.slug, "suzuki");
		const response = await callback(client, world.tenant.slug, search);
		assert.equal(response.status, 200, await response.clone().text());
		const body = (await response.json()) as SessionBody;
		assert.equal(body.session.account.id, world.suzuki.id);
		assert.equal(body.session.account.displayName, "鈴木 一郎");
		assert.equal(body.session.stage, "active");
		const me = await client.get("/api/auth/session");
		assert.equal(((await me.json()) as SessionBody).session.stage, "active");
		const events = await auditEvents(runtime.db, world.tenant.id);
		assert.ok(events.some((e) => e.type === "auth.login_succeeded" && e.payload.method === "oidc"));
		assert.ok(
			events.some((e) => e.type === "directory.account_linked" && e.payload.subject === "suzuki"),
		);
	});

	test("a CISO without amr MFA is asked for Mamori's TOTP, then is active with the group's role", async () => {
		const secret = newTotpSecret();
		await inTransaction(runtime.db, (tx) =>
			updateAccount(tx, world.tenant.id, world.tanaka.id, {
				totp_secret: runtime.secrets.seal(secret),
				totp_enabled_at: new Date().toISOString(),
			}),
		);
		const client = new TestClient(app);
		const response = await callback(
			client,
			world.tenant.slug,
			await throughProvider(client, world.tenant.slug, "tanaka"),
		);
		assert.equal(response.status, 200);
		const body = (await response.json()) as SessionBody;
		assert.equal(body.session.stage, "mfa_verify");
		client.csrfToken = body.csrfToken;
		const verified = await client.post("/api/auth/mfa/verify", { code: currentTotp(secret) });
		assert.equal(((await verified.json()) as { stage: string }).stage, "active");
		assert.deepEqual(await rolesNow(runtime, world.tenant.id, world.tanaka.id), ["ciso@"]);
	});

	test("a CISO whose ID token says amr otp, or the accepted acr, needs no Mamori TOTP", async () => {
		for (const [login, staff] of [
			["takahashi", world.takahashi],
			["ito", world.ito],
		] as const) {
			const client = new TestClient(app);
			const response = await callback(
				client,
				world.tenant.slug,
				await throughProvider(client, world.tenant.slug, login),
			);
			const body = (await response.json()) as SessionBody;
			assert.equal(body.session.stage, "active", login);
			assert.deepEqual(await rolesNow(runtime, world.tenant.id, staff.id), ["ciso@"]);
		}
		const methods = (await auditEvents(runtime.db, world.tenant.id))
			.filter((e) => e.type === "auth.login_succeeded")
			.map((e) => e.payload.method);
		assert.equal(methods.filter((m) => m === "oidc_provider_mfa").length, 2);
	});

	test("without amr/acr values configured, the same CISO must enrol Mamori's TOTP", async () => {
		const strict = await makeOidcWorld(runtime, op.issuer, { mfaAmr: [], mfaAcr: [] });
		const client = new TestClient(app);
		const response = await callback(
			client,
			strict.tenant.slug,
			await throughProvider(client, strict.tenant.slug, "takahashi"),
		);
		assert.equal(((await response.json()) as SessionBody).session.stage, "mfa_enroll");
	});

	for (const [mode, detail] of [
		["foreign_key", null],
		["expired", "OAUTH_JWT_TIMESTAMP_CHECK_FAILED"],
		["wrong_audience", "OAUTH_JWT_CLAIM_COMPARISON_FAILED"],
		["other_nonce", "OAUTH_JWT_CLAIM_COMPARISON_FAILED"],
	] as const) {
		test(`an ID token ${mode.replace("_", " ")} is refused and logged`, async () => {
			const client = new TestClient(app);
			const search = await throughProvider(client, world.tenant.slug, "takahashi");
			op.tamper(mode);
			try {
				const problem = await expectProblem(
					await callback(client, world.tenant.slug, search),
					401,
					"invalid_credentials",
				);
				assert.equal(problem.issues?.[0]?.code, "oidc_token_invalid");
			} finally {
				op.tamper(null);
			}
			const me = (await (await client.get("/api/auth/session")).json()) as {
				session: unknown;
			};
			assert.equal(me.session, null, "no session");
			const logged = (await failures(world.tenant.id)).filter((f) =>
				f.startsWith("oidc_token_invalid:"),
			);
			assert.ok(logged.length > 0);
			if (detail) assert.ok(logged.at(-1)?.endsWith(detail), String(logged.at(-1)));
		});
	}

	test("a replayed state is refused and logged, though the first use signed in", async () => {
		const client = new TestClient(app);
		const search = await throughProvider(client, world.tenant.slug, "suzuki");
		const browser = client.cookies.get("mamori_oidc") ?? "";
		assert.equal((await callback(client, world.tenant.slug, search)).status, 200);
		const replay = new TestClient(app);
		replay.cookies.set("mamori_oidc", browser);
		const problem = await expectProblem(
			await callback(replay, world.tenant.slug, search),
			401,
			"invalid_credentials",
		);
		assert.equal(problem.issues?.[0]?.code, "oidc_state_invalid");
		assert.ok((await failures(world.tenant.id)).includes("oidc_state_invalid:state_replayed"));
	});

	test("a state from another browser, another tenant or nowhere is refused", async () => {
		const started = new TestClient(app);
		const search = await throughProvider(started, world.tenant.slug, "suzuki");
		await expectProblem(
			await callback(new TestClient(app), world.tenant.slug, search),
			401,
			"invalid_credentials",
		);
		const other = await makeOidcWorld(runtime, op.issuer);
		await expectProblem(
			await callback(started, other.tenant.slug, search),
			401,
			"invalid_credentials",
		);
		await expectProblem(
			await callback(started, world.tenant.slug, "?code=x&state=made-up"),
			401,
			"invalid_credentials",
		);
		const logged = await failures(world.tenant.id);
		assert.ok(logged.includes("oidc_state_invalid:state_other_browser"));
		assert.ok(logged.includes("oidc_state_invalid:state_unknown"));
		assert.ok((await failures(other.tenant.id)).includes("oidc_state_invalid:state_unknown"));
	});

	test("a provider that is down answers 503 directory_unavailable at once, logged, no fallback", async () => {
		const closedPort = await new Promise<number>((resolve) => {
			const probe = createServer().listen(0, "127.0.0.1", () => {
				const { port } = probe.address() as { port: number };
				probe.close(() => resolve(port));
			});
		});
		const down = await makeOidcWorld(runtime, `http://127.0.0.1:${closedPort}`);
		await expectProblem(
			await new TestClient(app).post("/api/auth/oidc/start", { tenant: down.tenant.slug }),
			503,
			"directory_unavailable",
		);
		assert.equal((await failures(down.tenant.id))[0]?.split(":")[0], "directory_unavailable");

		// Down between the provider's page and the code exchange.
		const own = await startTestOidc({ redirectUris: [TEST_REDIRECT_URI] });
		const gone = await makeOidcWorld(runtime, own.issuer);
		const client = new TestClient(app);
		const search = await throughProvider(client, gone.tenant.slug, "suzuki", own);
		await own.stop();
		await expectProblem(
			await callback(client, gone.tenant.slug, search),
			503,
			"directory_unavailable",
		);
		assert.ok((await failures(gone.tenant.id)).some((f) => f.startsWith("directory_unavailable:")));
	});

	test("throttling applies: the fifth failed callback locks OIDC sign-in from that address", async () => {
		const locked = await makeOidcWorld(runtime, op.issuer);
		const client = new TestClient(app);
		for (let i = 1; i <= 4; i++) {
			await expectProblem(
				await callback(client, locked.tenant.slug, `?code=x&state=guess-${i}`),
				401,
				"invalid_credentials",
			);
		}
		await expectProblem(
			await callback(client, locked.tenant.slug, "?code=x&state=guess-5"),
			429,
			"login_throttled",
		);
		await expectProblem(
			await client.post("/api/auth/oidc/start", { tenant: locked.tenant.slug }),
			429,
			"login_throttled",
		);
		const events = (await auditEvents(runtime.db, locked.tenant.id)).map((e) => e.type);
		assert.ok(events.includes("auth.login_throttled"));
	});

	test("the sign-in options offer OIDC; a tenant without it has no OIDC start", async () => {
		const options = await new TestClient(app).get(
			`/api/auth/sign-in-options?tenant=${world.tenant.slug}`,
		);
		assert.equal(((await options.json()) as { oidc: boolean }).oidc, true);
		const none = await makeOidcWorld(runtime, op.issuer);
		await runtime.db
			.updateTable("directory_connections")
			.set({ enabled: false })
			.where("tenant_id", "=", none.tenant.id)
			.execute();
		await expectProblem(
			await new TestClient(app).post("/api/auth/oidc/start", { tenant: none.tenant.slug }),
			404,
			"not_found",
		);
	});
});
