import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Secret, TOTP } from "otpauth";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
	groupDn,
	PASSWORD_SUFFIX,
	personDn,
	SERVICE_PASSWORD,
	startTestLdap,
	type TestLdap,
} from "../../scripts/test-ldap.ts";
import { SESSION_CACHE_TTL_MS } from "../../src/modules/auth/session-cache.ts";
import { runCli } from "../helpers/cli.ts";
import { LDAP_SKIP, openLdapSettings } from "../helpers/directory-world.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs } from "./policy-helpers.ts";
import { putOnRoster } from "./roster.ts";

/**
 * Done-when of issue #18 (LDAP half), in the browser: a staff member signs in through the city's
 * directory and lands on Home with the role their group gives; a CISO signs in through the
 * directory and is asked for Mamori's TOTP (a bind is one factor); a person disabled in slapd
 * has their session ended by `mamori directory sync` and is refused on the login page after it.
 *
 * The login page is served at `/` (no `/login` address): a test waits for what the page shows
 * after the sign-in (a heading, an alert), never for an address change.
 */

let server: RunningServer;
let browser: Browser;
let ldap: TestLdap;
/** suzuki (all-staff → staff), signed in by the first test and ended by the sync in the last. */
let staffContext: BrowserContext | undefined;

interface SessionInfo {
	session: {
		stage: string;
		account: { displayName: string; mfaRequired: boolean };
		roles: { role: string; orgUnitId: string | null }[];
	} | null;
}

before(async () => {
	if (LDAP_SKIP) return;
	ldap = await startTestLdap();
	server = await startServer();
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
	// The roster holds the people under their directory employee numbers (as a roster import would).
	await addUser(server, "saga", "suzuki-local");
	await putOnRoster(server, { username: "suzuki-local", staffNumber: "E1002", unitId: unit.id });
	await addUser(server, "saga", "tanaka-local");
	await putOnRoster(server, { username: "tanaka-local", staffNumber: "E1001", unitId: unit.id });

	const { csrfToken } = (await (await admin.page.request.get("/api/auth/session")).json()) as {
		csrfToken: string;
	};
	const put = await admin.page.request.fetch("/api/directory/config", {
		method: "PUT",
		headers: { "x-csrf-token": csrfToken, "content-type": "application/json" },
		data: JSON.stringify({
			enabled: true,
			settings: openLdapSettings(ldap.url),
			bindPassword: SERVICE_PASSWORD,
			version: null,
		}),
	});
	assert.equal(put.status(), 200, await put.text());
	// The first group is mapped on the settings page, as an administrator does it.
	await admin.page.goto("/directory");
	const mappings = admin.page.getByRole("heading", { level: 2, name: "グループと役割の対応" });
	await mappings.waitFor();
	// The innermost section holding the heading (the page itself is a section too).
	const section = admin.page.locator("section", { has: mappings }).last();
	await section.getByLabel("グループ（DN）").fill(groupDn("all-staff"));
	await section.getByLabel("役割", { exact: true }).fill("staff");
	await section.getByRole("button", { name: "対応を追加" }).click();
	await section.getByRole("cell", { name: groupDn("all-staff"), exact: true }).waitFor();
	await api("POST", "/api/directory/mappings", {
		groupKey: groupDn("mamori-ciso"),
		role: "ciso",
		orgUnitId: null,
	});
	await adminContext.close();
});

after(async () => {
	await browser?.close();
	await server?.stop();
	await ldap?.stop();
});

function heading(page: Page, name: string) {
	return page.getByRole("heading", { level: 1, name, exact: true });
}

/** Fill the login page and press the directory sign-in (offered first once the tenant has one). */
async function directorySignIn(page: Page, uid: string) {
	await page.goto(server.url);
	await heading(page, "ログイン").waitFor();
	await page.getByLabel("団体").selectOption("saga");
	await page.getByLabel("ユーザー名").fill(uid);
	await page.getByLabel("パスワード").fill(`${uid}${PASSWORD_SUFFIX}`);
	await page.getByRole("button", { name: "庁内アカウントでサインイン" }).click();
}

async function sessionOf(page: Page): Promise<SessionInfo> {
	return (await (await page.request.get("/api/auth/session")).json()) as SessionInfo;
}

test("a staff member signs in through LDAP and lands on Home with the role their group gives", {
	skip: LDAP_SKIP,
}, async () => {
	staffContext = await browser.newContext({ locale: "ja-JP", baseURL: server.url });
	const staff = await watchedPage(staffContext);
	await directorySignIn(staff.page, "suzuki");

	// No security role, so no second factor: straight to Home, under the directory's name.
	await heading(staff.page, "ホーム").waitFor();
	await staff.page.getByRole("link", { name: /鈴木 一郎/ }).waitFor();
	const nav = staff.page.getByRole("navigation", { name: "メインメニュー" });
	await nav.waitFor();
	// Plain staff: no administration entries, which a security role would show.
	assert.equal(await nav.getByRole("link", { name: "監査ログ" }).count(), 0);
	assert.equal(await nav.getByRole("link", { name: "ディレクトリ連携" }).count(), 0);

	const { session } = await sessionOf(staff.page);
	assert.ok(session);
	assert.equal(session.stage, "active");
	assert.equal(session.account.displayName, "鈴木 一郎");
	assert.equal(session.account.mfaRequired, false);
	assert.deepEqual(
		session.roles.map((held) => held.role),
		["staff"],
	);
	assert.deepEqual(staff.problems, []);
});

test("a CISO signs in through LDAP and is asked for Mamori's TOTP after the bind", {
	skip: LDAP_SKIP,
}, async () => {
	const context = await browser.newContext({ locale: "ja-JP", baseURL: server.url });
	const ciso = await watchedPage(context);
	await directorySignIn(ciso.page, "tanaka");

	// The bind is one factor; the ciso role the group gives demands a second: TOTP enrolment.
	await heading(ciso.page, "二要素認証（TOTP）の登録").waitFor();
	const pending = await sessionOf(ciso.page);
	assert.equal(pending.session?.stage, "mfa_enroll");
	assert.deepEqual(pending.session?.roles.map((held) => held.role).sort(), ["ciso", "staff"]);

	const secret = (await ciso.page.getByTestId("totp-secret").textContent())?.replace(/\s/g, "");
	assert.match(secret ?? "", /^[A-Z2-7]{32}$/);
	const totp = new TOTP({ secret: Secret.fromBase32(secret ?? ""), digits: 6, period: 30 });
	await ciso.page.getByLabel("認証アプリに表示された6桁のコード").fill(totp.generate());
	await ciso.page.getByRole("button", { name: "登録を完了" }).click();
	await heading(ciso.page, "リカバリーコード").waitFor();
	await ciso.page.getByLabel(/安全な場所に保管しました/).check();
	await ciso.page.getByRole("button", { name: "保管しました。次へ進む" }).click();
	await heading(ciso.page, "ホーム").waitFor();
	const nav = ciso.page.getByRole("navigation", { name: "メインメニュー" });
	await nav.getByRole("link", { name: "監査ログ" }).waitFor();
	assert.equal((await sessionOf(ciso.page)).session?.stage, "active");

	// The next directory sign-in asks for the enrolled code.
	const again = await watchedPage(
		await browser.newContext({ locale: "ja-JP", baseURL: server.url }),
	);
	await directorySignIn(again.page, "tanaka");
	await heading(again.page, "二要素認証").waitFor();
	assert.equal((await sessionOf(again.page)).session?.stage, "mfa_verify");
	assert.deepEqual(ciso.problems, []);
	await context.close();
});

test("a person disabled in slapd loses their session at the sync and is refused after it", {
	skip: LDAP_SKIP,
}, async () => {
	assert.ok(staffContext, "the staff member's sign-in ran first");
	const [staffPage] = staffContext.pages();
	assert.ok(staffPage);
	assert.equal((await sessionOf(staffPage)).session?.stage, "active");

	ldap.modify(
		[
			`dn: ${personDn("suzuki")}`,
			"changetype: modify",
			"add: employeeType",
			"employeeType: disabled",
			"",
		].join("\n"),
	);
	// `mamori directory sync` on the server's own data directory and secret key.
	const sync = await runCli(
		["directory", "sync", "--tenant", "saga", "--json"],
		{ dataDir: server.dataDir, databaseUrl: undefined },
		{ MAMORI_SECRET_KEY: undefined },
	);
	assert.equal(sync.code, 0, sync.stderr);
	const result = JSON.parse(sync.stdout) as {
		changes: { username: string; account: "disable" | "enable" | null }[];
	};
	assert.deepEqual(
		result.changes.filter((change) => change.account === "disable").map((c) => c.username),
		["suzuki-local"],
	);

	// The open session ended with the sync. The server keeps a session it has just read for up
	// to SESSION_CACHE_TTL_MS (another process ended it), so ask again until that has passed.
	const until = Date.now() + SESSION_CACHE_TTL_MS * 4;
	let after = await sessionOf(staffPage);
	while (after.session !== null && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_TTL_MS / 2));
		after = await sessionOf(staffPage);
	}
	assert.equal(after.session, null);
	await staffPage.reload();
	await heading(staffPage, "ログイン").waitFor();

	const again = await watchedPage(
		await browser.newContext({ locale: "ja-JP", baseURL: server.url }),
	);
	await directorySignIn(again.page, "suzuki");
	const alert = again.page.getByRole("alert");
	await alert.waitFor();
	assert.match((await alert.textContent()) ?? "", /ユーザー名またはパスワードが正しくありません/);
	await heading(again.page, "ログイン").waitFor();
	assert.equal((await sessionOf(again.page)).session, null);
	assert.ok(again.problems.includes(`HTTP 401: POST ${server.url}/api/auth/directory/login`));
	assert.deepEqual(
		again.problems.filter((problem) => !problem.includes("401")),
		[],
		"the only failure is the refusal itself",
	);
	await staffContext.close();
});
