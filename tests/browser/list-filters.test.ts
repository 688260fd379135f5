import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";

/**
 * List filters live in the address (reload, Back and a shared link keep them), and the tenant's
 * date style, changed by its administrator, is how every screen writes dates.
 */

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
	context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	({ page, problems } = await watchedPage(context));
	await firstLogin(page, server.url, "saga", server.oneTimePasswords.saga ?? "");
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const nav = (name: string) =>
	page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name });

/** The event types of the audit rows shown. */
async function typesShown(): Promise<string[]> {
	const rows = page.locator("tr[data-type]");
	await rows.first().waitFor();
	return rows.evaluateAll((list) => list.map((row) => row.getAttribute("data-type") ?? ""));
}

test("the audit log's filter is in the address: reload, Back, Forward and a shared link keep it", async () => {
	await nav("監査ログ").click();
	await page.getByRole("heading", { level: 1, name: "監査ログ" }).waitFor();
	const type = page.getByLabel("種別", { exact: true });
	await type.selectOption("auth.mfa_enrolled");
	await page.getByRole("button", { name: "検索" }).click();
	await page.waitForURL(/\/audit-log\?type=auth\.mfa_enrolled$/u);
	// The rows of the whole log stay on screen until the filtered page arrives.
	await page.waitForFunction(() => {
		const rows = [...document.querySelectorAll("tr[data-type]")];
		return (
			rows.length > 0 && rows.every((row) => row.getAttribute("data-type") === "auth.mfa_enrolled")
		);
	});
	assert.deepEqual([...new Set(await typesShown())], ["auth.mfa_enrolled"]);

	await page.reload();
	await page.getByRole("heading", { level: 1, name: "監査ログ" }).waitFor();
	assert.equal(await type.inputValue(), "auth.mfa_enrolled", "the form shows the filter again");
	assert.deepEqual([...new Set(await typesShown())], ["auth.mfa_enrolled"]);

	await page.goBack();
	await page.waitForURL(/\/audit-log$/u);
	assert.equal(await type.inputValue(), "");
	// The whole log again: other types come back.
	await page.waitForFunction(() =>
		[...document.querySelectorAll("tr[data-type]")].some(
			(row) => row.getAttribute("data-type") !== "auth.mfa_enrolled",
		),
	);
	await page.goForward();
	await page.waitForURL(/type=auth\.mfa_enrolled/u);
	await page.waitForFunction(() =>
		[...document.querySelectorAll("tr[data-type]")].every(
			(row) => row.getAttribute("data-type") === "auth.mfa_enrolled",
		),
	);
	assert.equal(await type.inputValue(), "auth.mfa_enrolled");

	const shared = await context.newPage();
	await shared.goto(page.url());
	await shared.getByRole("heading", { level: 1, name: "監査ログ" }).waitFor();
	// The select gets its value once its options (the event types) have loaded.
	const sharedType = shared.getByLabel("種別", { exact: true });
	await sharedType.locator('option[value="auth.mfa_enrolled"]').waitFor({ state: "attached" });
	await shared.waitForFunction(
		() =>
			[...document.querySelectorAll("select")].some(
				(select) => (select as HTMLSelectElement).value === "auth.mfa_enrolled",
			),
		undefined,
		{ timeout: 10_000 },
	);
	assert.equal(await sharedType.inputValue(), "auth.mfa_enrolled");
	await shared.close();
});

test("the ledger's filter and sort are in the address too", async () => {
	await page.goto(`${server.url}/assets?zone=lgwan&lifecycle=taken_out`);
	await page.getByRole("heading", { level: 1, name: "情報資産管理台帳" }).waitFor();
	assert.equal(await page.getByLabel("ネットワーク区分").inputValue(), "lgwan");
	assert.equal(await page.getByLabel("状態").inputValue(), "taken_out");
	await page.getByRole("button", { name: "資産名" }).click();
	await page.waitForURL(/sort=name/u);
	assert.match(page.url(), /zone=lgwan/u, "sorting keeps the filter");
	await page.getByRole("button", { name: "条件を消す" }).click();
	await page.waitForURL((url) => !url.search.includes("zone="));
	assert.equal(await page.getByLabel("ネットワーク区分").inputValue(), "");
});

test("the administrator writes dates in 西暦 instead of 和暦, and the screens follow", async () => {
	await nav("監査ログ").click();
	await page.getByRole("heading", { level: 1, name: "監査ログ" }).waitFor();
	const firstTime = page.locator("tr[data-type] time").first();
	assert.match((await firstTime.textContent()) ?? "", /^令和\d+年\d+月\d+日 \d{2}:\d{2}:\d{2}$/u);

	await nav("団体の設定").click();
	await page.getByRole("heading", { level: 1, name: "団体の設定" }).waitFor();
	assert.ok(await page.getByRole("radio", { name: /和暦/u }).isChecked(), "和暦 by default");
	await page.getByRole("radio", { name: /西暦/u }).check();
	await page.getByRole("button", { name: "保存" }).click();
	await page.getByRole("status").filter({ hasText: "設定を保存しました。" }).waitFor();

	await nav("監査ログ").click();
	await page.getByRole("heading", { level: 1, name: "監査ログ" }).waitFor();
	assert.match((await firstTime.textContent()) ?? "", /^20\d\d年\d+月\d+日 \d{2}:\d{2}:\d{2}$/u);
	assert.deepEqual((await typesShown()).slice(0, 1), ["tenant.settings_changed"]);
	assert.deepEqual(problems, []);
});
