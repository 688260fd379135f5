import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { findAccountByUsername } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { assertAccessible } from "./axe.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLoginAs } from "./policy-helpers.ts";

/**
 * A finding from raising to verification in the browser (issue 15, done-when c): an auditor
 * raises it for 総務課 on an empty register, the 課's 情報セキュリティ管理者 plans the corrective
 * action, keeps a file as evidence and marks it done, and the auditor verifies it.
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

/** 総務課, and `username` its 情報セキュリティ管理者 (a per-unit role the CLI leaves to the UI). */
async function makeUnitManager(username: string): Promise<void> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, "demo");
		assert.ok(tenant, "the demo tenant exists after first start");
		const unit = await makeOrgUnit(deps, tenant, { name: "総務課" });
		const account = await findAccountByUsername(deps.db, tenant.id, username);
		assert.ok(account, `${username} was added`);
		await grantRole(deps, tenant.id, account.id, "section_manager", unit.id);
	} finally {
		await handle.db.destroy();
	}
}

const stateOf = async (page: Page) =>
	((await page.getByTestId("finding-state").textContent()) ?? "").trim();

test("a finding gets a corrective action, is done, and verified by the auditor", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo" };
	const auditorOtp = await addUser(server, "demo", "kansa-fnd", ["auditor"], {
		displayName: "監査 一郎",
	});
	const managerOtp = await addUser(server, "demo", "kacho-fnd", [], { displayName: "総務 課長" });
	await makeUnitManager("kacho-fnd");

	// The auditor finds the register empty, with what to do, and raises a finding.
	const auditor = await watchedPage(await browser.newContext(options));
	await firstLoginAs(auditor.page, server.url, "demo", "kansa-fnd", auditorOtp);
	const a = auditor.page;
	await a
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "指摘事項と是正処置" })
		.click();
	await a.getByRole("heading", { level: 1, name: "指摘事項と是正処置" }).waitFor();
	const empty = a.getByTestId("findings-empty");
	await empty.getByText("まだ指摘事項はありません。").waitFor();
	await assertAccessible(a, "the empty findings register");
	await empty.getByRole("button", { name: "指摘を登録" }).click();
	const raise = a.getByRole("dialog");
	await raise.getByLabel("指摘事項").fill("離席時に端末をロックしていない");
	await raise.getByLabel(/^内容/).fill("執務室の巡回で、ロックされていない端末が3台あった。");
	await raise.getByLabel("該当条項").fill("対策基準 4.4");
	await raise.getByLabel("所管").selectOption({ label: "総務課" });
	await raise.getByLabel("重大度").selectOption({ label: "中" });
	await raise.getByRole("button", { name: "指摘を登録" }).click();
	await a
		.getByRole("heading", { level: 1, name: /^F-\d{4}-0001 離席時に端末をロックしていない$/ })
		.waitFor();
	assert.equal(await stateOf(a), "未対応");
	const findingUrl = a.url();
	assert.equal(await a.getByRole("button", { name: "確認する" }).count(), 0);

	// The 課's manager sees it in the register and plans the corrective action.
	const manager = await watchedPage(await browser.newContext(options));
	await firstLoginAs(manager.page, server.url, "demo", "kacho-fnd", managerOtp);
	const m = manager.page;
	await m.goto(`${server.url}/findings`);
	await m.getByTestId("finding-total").filter({ hasText: "1件" }).waitFor();
	await m.getByRole("link", { name: "離席時に端末をロックしていない" }).click();
	await m.getByRole("button", { name: "是正処置を計画" }).click();
	const plan = m.getByRole("dialog");
	await plan.getByLabel("是正処置の内容").fill("全端末に5分の自動ロックを設定し、課内に周知する。");
	await plan.getByLabel("是正の責任者").selectOption({ label: "総務 課長" });
	await plan.getByLabel("是正期限").fill("2099-03-31");
	await plan.getByRole("button", { name: "計画を記録" }).click();
	await plan.waitFor({ state: "detached" });
	assert.equal(await stateOf(m), "是正計画済み");
	await m.getByTestId("finding-plan").getByText("総務 課長").waitFor();

	// Evidence of completion, then done.
	await m.getByRole("button", { name: "証跡を追加" }).click();
	const evidence = m.getByRole("dialog");
	await evidence.getByLabel("ファイル", { exact: true }).setInputFiles({
		name: "自動ロック設定.pdf",
		mimeType: "application/pdf",
		buffer: Buffer.from("%PDF-1.4\n% 自動ロックの設定画面\n"),
	});
	await evidence.getByRole("button", { name: "追加する" }).click();
	await m.getByRole("status").filter({ hasText: "自動ロック設定.pdf を追加しました" }).waitFor();
	await m
		.getByTestId("finding-evidence")
		.getByRole("cell", { name: "自動ロック設定.pdf", exact: true })
		.waitFor();
	await m.getByRole("button", { name: "是正完了にする" }).click();
	const done = m.getByRole("dialog");
	await done.getByLabel("実施した内容").fill("全端末に設定し、課内会議で周知した。");
	await done.getByRole("button", { name: "完了を記録" }).click();
	await done.waitFor({ state: "detached" });
	assert.equal(await stateOf(m), "是正完了（確認待ち）");
	assert.equal(await m.getByRole("button", { name: "確認する" }).count(), 0, "not by the manager");

	// Home tells the auditor a corrective action waits; the auditor verifies it.
	await a.goto(server.url);
	await a.getByTestId("my-work").getByRole("link", { name: "確認待ちの是正処置: 1 件" }).click();
	await a.getByTestId("finding-total").filter({ hasText: "1件" }).waitFor();
	await a.goto(findingUrl);
	await a.getByRole("button", { name: "確認する" }).click();
	const verify = a.getByRole("dialog");
	await verify.getByLabel("確認の所見").fill("設定画面の写しと周知の記録を確認した。");
	await verify.getByRole("button", { name: "確認済みにする" }).click();
	await verify.waitFor({ state: "detached" });
	assert.equal(await stateOf(a), "確認済み");
	await a
		.getByTestId("finding-verification")
		.getByText("設定画面の写しと周知の記録を確認した。")
		.waitFor();
	assert.deepEqual(
		await a
			.getByTestId("finding-timeline")
			.locator("li")
			.evaluateAll((items) => items.map((li) => li.getAttribute("data-kind"))),
		["raised", "planned", "evidence_added", "done", "verified"],
	);
	assert.equal(await a.getByRole("button", { name: "確認する" }).count(), 0, "nothing left to do");
	await assertAccessible(a, "a verified finding");

	assert.deepEqual(auditor.problems, []);
	assert.deepEqual(manager.problems, []);
});
