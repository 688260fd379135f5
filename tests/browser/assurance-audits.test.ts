import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { fiscalYear } from "../../src/shared/dates.ts";
import { makeAccount } from "../helpers/factories.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { assertAccessible } from "./axe.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLoginAs } from "./policy-helpers.ts";

/**
 * Done when (b) of issue 15: an auditor assigned to their own unit is refused, and the screen
 * says why in Japanese (who, which unit, that they belong to it); so is the unit's 管理者, by
 * the role they hold. With an independent lead the audit is entered and shown.
 */

let server: RunningServer;
let browser: Browser;

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

/** 総務課 with its member 山田 太郎 and its 管理者 鈴木 一郎; 情報政策課 with 佐藤 花子. */
async function seed(): Promise<void> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps: AppDeps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, "demo");
		assert.ok(tenant, "the demo tenant exists after first start");
		const soumu = await makeOrgUnit(deps, tenant, { name: "総務課" });
		const joho = await makeOrgUnit(deps, tenant, { name: "情報政策課" });
		const named = async (id: string, display_name: string) =>
			inTransaction(deps.db, (tx) => updateAccount(tx, tenant.id, id, { display_name }));
		const yamada = await makeStaff(deps, tenant, soumu.id, { username: "yamada" });
		await named(yamada.id, "山田 太郎");
		const sato = await makeStaff(deps, tenant, joho.id, { username: "sato" });
		await named(sato.id, "佐藤 花子");
		const suzuki = await makeAccount(deps, tenant, { username: "suzuki", totp: true });
		await named(suzuki.id, "鈴木 一郎");
		await grantRole(deps, tenant.id, suzuki.id, "section_manager", soumu.id);
	} finally {
		await handle.db.destroy();
	}
}

async function openFromMenu(page: Page, link: string, heading: string) {
	const menu = page.getByRole("navigation", { name: "メインメニュー" });
	await menu.getByRole("heading", { name: "点検・改善" }).waitFor();
	await menu.getByRole("link", { name: link, exact: true }).click();
	await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

/** Refused requests are the point here; anything else going wrong is not. */
function unexpected(problems: readonly string[]): string[] {
	return problems.filter(
		(p) => !p.startsWith("HTTP 409") && !/Failed to load resource: .* status of 409/.test(p),
	);
}

test("an auditor assigned to their own unit is refused, with the reason in Japanese", async () => {
	await seed();
	const year = fiscalYear(new Date().toISOString());
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const { page, problems } = await watchedPage(context);
	const password = await addUser(server, "demo", "kansa-ciso", ["ciso"]);
	await firstLoginAs(page, server.url, "demo", "kansa-ciso", password);

	// The yearly plan: 総務課 in the third quarter.
	await openFromMenu(page, "監査計画", "監査計画");
	await page.getByTestId("audit-plans-multi-year-empty").waitFor();
	await assertAccessible(page, "the empty audit plans");
	await page
		.getByTestId("audit-plans-yearly-empty")
		.getByRole("button", { name: "年度監査計画を作成" })
		.click();
	const planDialog = page.getByRole("dialog");
	await planDialog.getByLabel("年度", { exact: true }).selectOption(String(year));
	await planDialog.getByLabel("監査の目的・重点").fill("本庁の課の端末と媒体の管理を確かめる。");
	await planDialog.getByLabel("追加する組織").selectOption({ label: "総務課" });
	await planDialog.getByRole("button", { name: "組織を追加" }).click();
	await planDialog.getByLabel("「総務課」の時期").selectOption("q3");
	await planDialog.getByRole("button", { name: "作成する" }).click();
	await planDialog.waitFor({ state: "detached" });
	const card = page.locator("[data-yearly-plan]");
	await card.getByRole("heading", { level: 3, name: new RegExp(`（${year}年度）$`) }).waitFor();
	assert.match((await card.textContent()) ?? "", /総務課\s*第3四半期（10〜12月）/);

	// The audit, led by a member of the unit it audits: refused, saying who, where and why.
	await openFromMenu(page, "情報セキュリティ監査", "情報セキュリティ監査");
	await page.getByTestId("audits-empty").getByRole("button", { name: "監査を登録" }).waitFor();
	await assertAccessible(page, "the empty audit list");
	await page.getByTestId("audits-empty").getByRole("button", { name: "監査を登録" }).click();
	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("年度監査計画").selectOption({ index: 1 });
	await dialog.getByLabel("監査名").fill("総務課 情報セキュリティ監査");
	await dialog.getByLabel("監査の範囲").fill("庁内LANの端末管理と、USBメモリの持ち出し手続");
	await dialog.getByLabel("監査の基準").fill("情報セキュリティ基本方針、対策基準");
	await dialog.getByLabel("監査期間（開始）").fill(`${year}-10-01`);
	await dialog.getByLabel("監査期間（終了）").fill(`${year}-10-31`);
	await dialog.getByLabel("監査責任者").selectOption({ label: "山田 太郎（yamada）" });
	assert.deepEqual(
		await dialog
			.getByLabel("監査対象の組織")
			.evaluate((select) => [...(select as HTMLSelectElement).selectedOptions].map((o) => o.text)),
		["総務課"],
		"the yearly plan's units are proposed",
	);
	await dialog.getByRole("button", { name: "登録する" }).click();
	const alert = dialog.getByRole("alert");
	await alert.waitFor();
	const refusal = (await alert.textContent()) ?? "";
	assert.match(refusal, /山田 太郎 さんは「総務課」の所属のため、「総務課」を監査できません/);
	assert.match(refusal, /監査人は監査対象から独立している必要があります/);
	await assertAccessible(page, "the audit dialog refusing a member of the unit", "dialog[open]");

	// The unit's 管理者 as an auditor: refused by the role they hold there.
	await dialog.getByLabel("監査責任者").selectOption({ label: "佐藤 花子（sato）" });
	await dialog.getByLabel("監査人", { exact: true }).selectOption({ label: "鈴木 一郎（suzuki）" });
	await dialog.getByRole("button", { name: "登録する" }).click();
	await alert
		.getByText(
			/鈴木 一郎 さんは「総務課」の情報セキュリティ管理者のため、「総務課」を監査できません/,
		)
		.waitFor();
	assert.doesNotMatch((await alert.textContent()) ?? "", /山田 太郎/, "the first refusal is gone");

	// An independent team: entered, and shown.
	await dialog.getByLabel("監査人", { exact: true }).selectOption([]);
	await dialog.getByRole("button", { name: "登録する" }).click();
	await page.getByRole("heading", { level: 1, name: "総務課 情報セキュリティ監査" }).waitFor();
	assert.equal((await page.getByTestId("audit-state").textContent()) ?? "", "計画中");
	assert.match(
		(await page.getByTestId("audit-team").textContent()) ?? "",
		/監査責任者\s*佐藤 花子/,
	);
	assert.match((await page.getByTestId("audit-units").textContent()) ?? "", /総務課/);
	assert.match(
		(await page.getByTestId("audit-plan").textContent()) ?? "",
		/令和\d+年10月1日〜令和\d+年10月31日/,
	);

	// Adding the member later through the edit dialog is refused the same way.
	await page.getByRole("button", { name: "計画・体制を変更" }).click();
	const edit = page.getByRole("dialog");
	await edit.getByLabel("監査人", { exact: true }).selectOption({ label: "山田 太郎（yamada）" });
	await edit.getByRole("button", { name: "保存" }).click();
	await edit
		.getByRole("alert")
		.getByText(/山田 太郎 さんは「総務課」の所属のため、「総務課」を監査できません/)
		.waitFor();
	await page.keyboard.press("Escape");
	await edit.waitFor({ state: "detached" });
	assert.doesNotMatch((await page.getByTestId("audit-team").textContent()) ?? "", /山田/);

	assert.deepEqual(unexpected(problems), []);
	await context.close();
});
