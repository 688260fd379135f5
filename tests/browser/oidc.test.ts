import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
	OIDC_CLIENT_SECRET,
	OIDC_PASSWORD_SUFFIX,
	startTestOidc,
	type TestOidc,
} from "../../scripts/test-oidc.ts";
import { testOidcSettings } from "../helpers/oidc-world.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs } from "./policy-helpers.ts";
import { putOnRoster } from "./roster.ts";

/**
 * Done-when of issue #18 (OpenID Connect half), in the browser, against a real OpenID provider
 * (scripts/test-oidc.ts) and its own login page: a CISO whose ID token carries no MFA in `amr`
 * is asked for Mamori's TOTP after the provider; a staff member lands on Home.
 */

let server: RunningServer;
let browser: Browser;
let op: TestOidc;

before(async () => {
	server = await startServer();
	op = await startTestOidc({ redirectUris: [`${server.url}/login/oidc`] });
	browser = await launchBrowser();

	const adminContext = await browser.newContext({ locale: "ja-JP", baseURL: server.url });
	const admin = await watchedPage(adminContext);
	const password = server.oneTimePasswords.saga;
	assert.ok(password);
	await firstLogin(admin.page, server.url, "saga", password);
	const api = await apiAs(admin.page);
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "shimin",
		name: "市民課",
		kind: "section",
		parentId: null,
	});
	await addUser(server, "saga", "suzuki-local");
	await putOnRoster(server, { username: "suzuki-local", staffNumber: "E1002", unitId: unit.id });
	await addUser(server, "saga", "tanaka-local");
	await putOnRoster(server, { username: "tanaka-local", staffNumber: "E1001", unitId: unit.id });
	await api("PUT", "/api/directory/oidc", {
		enabled: true,
		settings: testOidcSettings(op.issuer, { redirectUri: `${server.url}/login/oidc` }),
		clientSecret: OIDC_CLIENT_SECRET,
		version: null,
	});
	await api("POST", "/api/directory/mappings", {
		groupKey: "mamori-ciso",
		role: "ciso",
		orgUnitId: null,
		connection: "oidc",
	});
	await adminContext.close();
});

after(async () => {
	await browser?.close();
	await server?.stop();
	await op?.stop();
});

function heading(page: Page, name: string) {
	return page.getByRole("heading", { level: 1, name, exact: true });
}

/** The login page's OpenID button (offered first), then the provider's own sign-in page. */
async function oidcSignIn(page: Page, login: string) {
	await page.goto(server.url);
	await heading(page, "ログイン").waitFor();
	await page.getByLabel("団体").selectOption("saga");
	await page.getByRole("button", { name: "庁内アカウントでサインイン（OpenID Connect）" }).click();
	await heading(page, "Test IdP sign-in").waitFor();
	await page.getByLabel("Login").fill(login);
	await page.getByLabel("Password").fill(`${login}${OIDC_PASSWORD_SUFFIX}`);
	await page.getByRole("button", { name: "Sign in at the IdP" }).click();
}

async function sessionOf(page: Page) {
	return (await (await page.request.get("/api/auth/session")).json()) as {
		session: { stage: string; roles: { role: string }[]; account: { displayName: string } } | null;
	};
}

test("a staff member signs in through OIDC and lands on Home", async () => {
	const context = await browser.newContext({ locale: "ja-JP", baseURL: server.url });
	const staff = await watchedPage(context);
	await oidcSignIn(staff.page, "suzuki");
	await heading(staff.page, "ホーム").waitFor();
	await staff.page.getByRole("link", { name: /鈴木 一郎/ }).waitFor();
	const { session } = await sessionOf(staff.page);
	assert.equal(session?.stage, "active");
	// No group of suzuki's is mapped: no role beyond what every account implicitly holds.
	assert.deepEqual(
		session?.roles.map((held) => held.role),
		[],
	);
	assert.deepEqual(staff.problems, []);
	await context.close();
});

test("a CISO signs in through OIDC without amr MFA and is asked for TOTP", async () => {
	const context = await browser.newContext({ locale: "ja-JP", baseURL: server.url });
	const ciso = await watchedPage(context);
	await oidcSignIn(ciso.page, "tanaka");
	// amr is ["pwd"]: the ciso role the group claim gives demands Mamori's own second factor.
	await heading(ciso.page, "二要素認証（TOTP）の登録").waitFor();
	const { session } = await sessionOf(ciso.page);
	assert.equal(session?.stage, "mfa_enroll");
	assert.deepEqual(
		session?.roles.map((held) => held.role),
		["ciso"],
	);
	assert.deepEqual(ciso.problems, []);
	await context.close();
});
