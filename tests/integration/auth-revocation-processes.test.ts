import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { after, before, test } from "node:test";
import { Secret, TOTP } from "otpauth";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { CLI_SECRET_KEY, runCli, spawnCli } from "../helpers/cli.ts";
import {
	type MadeAccount,
	makeAccount,
	makeSessionToken,
	makeTenant,
	TEST_PASSWORD,
} from "../helpers/factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Sessions are cached briefly by each `mamori serve` process. Two real processes share one
 * database: a session signed in and revoked through A, or revoked by the CLI, must be refused by
 * B within 1 s, while B has just served it from its cache.
 */

const REFUSED_WITHIN_MS = 1_000;

const runtime = await createTestRuntime();
// Accounts made here seal their TOTP secret under the key the processes are given.
const deps = { ...runtime, secrets: new SecretBox(CLI_SECRET_KEY) };
const servers: ChildProcess[] = [];
let a: string;
let b: string;

async function startServe(): Promise<string> {
	const child = spawnCli(["serve", "--port", "0"], runtime);
	servers.push(child);
	let output = "";
	let errors = "";
	child.stderr?.on("data", (chunk) => {
		errors += String(chunk);
	});
	for await (const chunk of child.stdout ?? []) {
		output += String(chunk);
		const match = /http:\/\/localhost:(\d+)\//.exec(output);
		if (match) {
			child.stdout?.resume();
			return `http://127.0.0.1:${match[1]}`;
		}
	}
	throw new Error(`mamori serve exited before listening: ${output}${errors}`);
}

before(async () => {
	// One after the other: the first start on an empty database creates the demo tenant.
	a = await startServe();
	b = await startServe();
});

after(async () => {
	for (const child of servers) {
		if (child.exitCode === null) {
			child.kill("SIGTERM");
			await once(child, "exit");
		}
	}
	await runtime.cleanup();
});

/** A browser's cookie jar and CSRF token, talking to whichever process it is pointed at. */
class Browser {
	readonly cookies = new Map<string, string>();
	csrfToken = "";

	async request(origin: string, method: string, path: string, body?: unknown) {
		const headers: Record<string, string> = {
			cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
		};
		if (method !== "GET") headers["x-csrf-token"] = this.csrfToken;
		if (body !== undefined) headers["content-type"] = "application/json";
		const response = await fetch(`${origin}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair = ""] = cookie.split(";");
			const [name = "", value = ""] = pair.split("=");
			if (value) this.cookies.set(name, value);
			else this.cookies.delete(name);
		}
		const text = await response.text();
		return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
	}

	/** Fetch the CSRF token (the session's, once there is one). */
	async refreshCsrf(origin: string): Promise<void> {
		const { json } = await this.request(origin, "GET", "/api/auth/session");
		this.csrfToken = (json as { csrfToken: string }).csrfToken;
	}

	async post(origin: string, path: string, body?: unknown) {
		const response = await this.request(origin, "POST", path, body);
		await this.refreshCsrf(origin);
		return response;
	}
}

/** Sign in through `origin` with the password (and the current TOTP code when enrolled). */
async function signIn(origin: string, tenantSlug: string, account: MadeAccount) {
	const browser = new Browser();
	await browser.refreshCsrf(origin);
	const login = await browser.post(origin, "/api/auth/login", {
		tenant: tenantSlug,
		username: account.username,
		password: TEST_PASSWORD,
	});
	assert.equal(login.status, 200, JSON.stringify(login.json));
	if (account.totpSecret) {
		const code = new TOTP({ secret: Secret.fromBase32(account.totpSecret) }).generate();
		const verify = await browser.post(origin, "/api/auth/mfa/verify", { code });
		assert.equal(verify.status, 200, JSON.stringify(verify.json));
	}
	return browser;
}

const read = (browser: Browser, origin: string) => browser.request(origin, "GET", "/api/org-units");

/**
 * Read through B right before `revoke` (so B has the session cached), run it, then poll B with
 * the same cookie until it refuses; fail if that takes longer than 1 s after the revocation
 * returned.
 */
async function assertRefusedByBInTime(browser: Browser, revoke: () => Promise<void>) {
	// The cookie as it is now: logging out clears it from this browser, not from a copy of it.
	const copy = new Browser();
	for (const [name, value] of browser.cookies) copy.cookies.set(name, value);
	for (let i = 0; i < 5; i++) assert.equal((await read(copy, b)).status, 200, "B serves it");
	await revoke();
	const revokedAt = Date.now();
	for (;;) {
		const { status } = await read(copy, b);
		const elapsed = Date.now() - revokedAt;
		if (status === 401) return elapsed;
		assert.equal(status, 200);
		assert.ok(elapsed < REFUSED_WITHIN_MS, `B still served the session after ${elapsed} ms`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

test("logout through A: B refuses the session within 1 s", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(deps, tenant);
	const browser = await signIn(a, tenant.slug, staff);
	await assertRefusedByBInTime(browser, async () => {
		assert.equal((await browser.post(a, "/api/auth/logout")).status, 204);
	});
});

test("password change through A: B refuses the account's other session within 1 s", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(deps, tenant);
	const changing = await signIn(a, tenant.slug, staff);
	const other = await signIn(a, tenant.slug, staff);
	await assertRefusedByBInTime(other, async () => {
		const change = await changing.post(a, "/api/auth/password", {
			currentPassword: TEST_PASSWORD,
			newPassword: "a much longer and different passphrase 2026",
		});
		assert.equal(change.status, 200, JSON.stringify(change.json));
	});
	assert.equal((await read(changing, b)).status, 200, "the session that changed it goes on");
});

test("MFA reset by `mamori user reset-mfa`: B refuses the session within 1 s", async () => {
	const tenant = await makeTenant(runtime);
	const officer = await makeAccount(deps, tenant, { roles: ["ciso"] });
	assert.ok(officer.totpSecret);
	const browser = await signIn(a, tenant.slug, officer);
	await assertRefusedByBInTime(browser, async () => {
		const reset = await runCli(
			["user", "reset-mfa", "--tenant", tenant.slug, "--username", officer.username],
			runtime,
		);
		assert.equal(reset.code, 0, reset.stderr);
	});
});

test("account disabled by an administrator through A: B refuses its session within 1 s", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(deps, tenant);
	const admin = new Browser();
	const adminAccount = await makeAccount(deps, tenant, { roles: ["tenant_admin"] });
	admin.cookies.set("mamori_session", await makeSessionToken(deps, adminAccount));
	await admin.refreshCsrf(a);
	const browser = await signIn(a, tenant.slug, staff);
	await assertRefusedByBInTime(browser, async () => {
		const disable = await admin.request(a, "PATCH", `/api/accounts/${staff.id}`, {
			disabled: true,
		});
		assert.equal(disable.status, 200, JSON.stringify(disable.json));
	});
});
