import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { findAccountByUsername } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { addToStaff } from "../helpers/campaign-world.ts";
import { bundledChecklistId } from "../helpers/checklist-world.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { assertAccessible } from "./axe.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLoginAs } from "./policy-helpers.ts";

/**
 * A self-inspection campaign in the browser (issue 15, done-when a): 統括 opens it for two
 * units; a member of staff answers on a phone-sized screen, one いいえ on a required item
 * becomes a finding; the unit's 管理者 reviews and signs off; the rates update.
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

/** 情報政策課 (staff and its 管理者) and 人事課 (one member of staff). */
async function makeUnits(): Promise<void> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, "demo");
		assert.ok(tenant);
		const policy = await makeOrgUnit(deps, tenant, { name: "情報政策課" });
		const personnel = await makeOrgUnit(deps, tenant, { name: "人事課" });
		const account = async (username: string) => {
			const found = await findAccountByUsername(deps.db, tenant.id, username);
			assert.ok(found, `${username} was added`);
			return found.id;
		};
		await addToStaff(deps, tenant.id, await account("shokuin-cmp"), policy.id);
		await addToStaff(deps, tenant.id, await account("kacho-cmp"), policy.id);
		await addToStaff(deps, tenant.id, await account("jinji-cmp"), personnel.id);
		await grantRole(deps, tenant.id, await account("kacho-cmp"), "section_manager", policy.id);
		await bundledChecklistId(deps, tenant.id, "standard.self_inspection");
	} finally {
		await handle.db.destroy();
	}
}

const unitRow = (page: Page, unit: string) => page.getByTestId(`unit-${unit}`);

test("a campaign for two units: answered, one いいえ becomes a finding, signed off, rates update", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo" };
	const chiefOtp = await addUser(server, "demo", "tokatsu-cmp", ["chief_officer"], {
		displayName: "統括 太郎",
	});
	const staffOtp = await addUser(server, "demo", "shokuin-cmp", [], { displayName: "政策 花子" });
	const managerOtp = await addUser(server, "demo", "kacho-cmp", [], { displayName: "政策 課長" });
	await addUser(server, "demo", "jinji-cmp", [], { displayName: "人事 次郎" });
	await makeUnits();

	// 統括 opens the campaign for the two units.
	const chief = await watchedPage(await browser.newContext(options));
	await firstLoginAs(chief.page, server.url, "demo", "tokatsu-cmp", chiefOtp);
	const c = chief.page;
	await c
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "自己点検" })
		.click();
	await c.getByRole("heading", { level: 1, name: "自己点検" }).waitFor();
	await c.getByTestId("campaigns-empty").waitFor();
	await c.getByRole("button", { name: "自己点検を開始" }).click();
	const open = c.getByRole("dialog");
	await open.getByLabel("名称").fill("令和8年度 情報セキュリティ自己点検");
	await open.getByLabel("年度").locator("option").first().waitFor({ state: "attached" });
	assert.match((await open.getByLabel("年度").textContent()) ?? "", /令和\d+年度（\d{4}年度）/);
	await open
		.getByLabel("チェックリスト")
		.selectOption({ label: "情報セキュリティ自己点検チェックリスト（標準）（第1版）" });
	await open.getByLabel("対象の組織").selectOption([{ label: "情報政策課" }, { label: "人事課" }]);
	await open.getByLabel("期限").fill("2099-03-31");
	await assertAccessible(c, "the dialog opening a campaign", "dialog[open]");
	await open.getByRole("button", { name: "開始する" }).click();
	await c.getByRole("heading", { level: 1, name: "令和8年度 情報セキュリティ自己点検" }).waitFor();
	await unitRow(c, "情報政策課").waitFor();
	await unitRow(c, "人事課").waitFor();
	assert.match((await unitRow(c, "情報政策課").textContent()) ?? "", /0 \/ 2.*0%/);
	const campaignUrl = c.url();
	await assertAccessible(c, "a campaign's rates and heat map");

	// A member of staff answers on a phone: the first item いいえ, the others はい (or the top level).
	const staff = await watchedPage(
		await browser.newContext({ ...options, viewport: { width: 390, height: 844 } }),
	);
	await firstLoginAs(staff.page, server.url, "demo", "shokuin-cmp", staffOtp);
	const s = staff.page;
	await s.goto(`${server.url}/assurance/campaigns`);
	await s.getByRole("link", { name: /情報政策課: 未回答 16 \/ 16 項目/ }).click();
	await s
		.getByTestId("response-progress")
		.filter({ hasText: "16 項目中 0 項目に回答済み" })
		.waitFor();
	await assertAccessible(s, "a respondent's items at 390 px");
	const overflow = await s.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
	);
	assert.ok(overflow <= 0, `the page fits 390 px (overflow ${overflow}px)`);
	const cards = s.locator(".answer-card");
	const count = await cards.count();
	assert.equal(count, 16);
	for (let i = 0; i < count; i++) {
		const card = cards.nth(i);
		if (i === 0) {
			await card.getByLabel("いいえ", { exact: true }).check();
			await card.getByLabel("コメント（任意）").fill("所属の管理者を知らなかった");
			await card.getByLabel("証跡ファイル（任意）").setInputFiles({
				name: "点検メモ.pdf",
				mimeType: "application/pdf",
				buffer: Buffer.from("%PDF-1.4\n点検メモ\n"),
			});
		} else if ((await card.getByLabel("はい", { exact: true }).count()) > 0) {
			await card.getByLabel("はい", { exact: true }).check();
		} else {
			await card.getByRole("radio").last().check();
		}
		await card.getByRole("button", { name: "下書き保存" }).click();
		await card.getByRole("button", { name: "回答を更新" }).waitFor();
	}
	await s
		.getByTestId("response-progress")
		.filter({ hasText: "16 項目中 16 項目に回答済み" })
		.waitFor();
	// The evidence file kept with the draft downloads under its own name.
	const [ownFile] = await Promise.all([
		s.waitForEvent("download"),
		s.getByRole("button", { name: "証跡をダウンロード: 点検メモ.pdf" }).click(),
	]);
	assert.equal(ownFile.suggestedFilename(), "点検メモ.pdf");
	await s.getByRole("button", { name: "回答を提出" }).click();
	const confirm = s.getByRole("dialog");
	await assertAccessible(s, "the submit confirmation", "dialog[open]");
	await confirm.getByRole("button", { name: "回答を提出" }).click();
	await s.getByTestId("response-progress").filter({ hasText: "に提出しました" }).waitFor();
	assert.equal(
		await s.getByRole("button", { name: "回答を更新" }).count(),
		0,
		"locked after submit",
	);

	// The いいえ is a finding of the register.
	await c.goto(`${server.url}/findings`);
	await c.getByTestId("finding-total").filter({ hasText: "1件" }).waitFor();
	await c.getByText("自分の所属の情報セキュリティ管理者が誰かを知っているか。").first().waitFor();

	// The 管理者 reviews the unit and signs it off (they have not answered: a note says why).
	const manager = await watchedPage(await browser.newContext(options));
	await firstLoginAs(manager.page, server.url, "demo", "kacho-cmp", managerOtp);
	const m = manager.page;
	await m.goto(campaignUrl);
	await unitRow(m, "情報政策課").getByRole("button", { name: "確認する" }).click();
	const review = m.getByRole("dialog");
	await review.getByText("政策 花子: 提出済み").waitFor();
	await review
		.getByText(/6\(1\)-3 自分の所属の情報セキュリティ管理者が誰かを知っているか。/)
		.waitFor();
	const [reviewedFile] = await Promise.all([
		m.waitForEvent("download"),
		review
			.getByTestId("sign-off-evidence")
			.getByRole("button", { name: "証跡をダウンロード: 点検メモ.pdf" })
			.click(),
	]);
	assert.equal(reviewedFile.suggestedFilename(), "点検メモ.pdf");
	assert.equal(
		await reviewedFile.createReadStream().then(async (stream) => {
			let text = "";
			for await (const chunk of stream) text += String(chunk);
			return text;
		}),
		"%PDF-1.4\n点検メモ\n",
	);
	await assertAccessible(m, "the 管理者's review and sign-off", "dialog[open]");
	await review.getByLabel(/^備考/).fill("課長分は別途点検する");
	await review.getByRole("button", { name: "所属の回答を確認済みにする" }).click();
	await review.waitFor({ state: "detached" });
	await unitRow(m, "情報政策課")
		.getByText(/政策 課長 が確認/)
		.waitFor();
	assert.equal(await unitRow(m, "人事課").count(), 0, "a 管理者 sees their own unit only");

	// The rates have moved: 16 of 48 slots answered in 情報政策課, one いいえ.
	await c.goto(campaignUrl);
	await unitRow(c, "情報政策課").getByText("33.3%").waitFor();
	assert.match(
		(await unitRow(c, "情報政策課").textContent()) ?? "",
		/1 \/ 2.*33\.3%.*93\.8%.*確認/,
	);
	assert.match((await c.getByTestId("campaign-total").textContent()) ?? "", /回答率 \d/);

	// 統括 closes the campaign early: the dialog counts who has not submitted, a reason is asked.
	await c.getByRole("button", { name: "自己点検を終了" }).click();
	const closing = c.getByRole("dialog");
	await closing.getByTestId("close-unsubmitted").filter({ hasText: "2 人" }).waitFor();
	await assertAccessible(c, "the dialog closing a campaign", "dialog[open]");
	await closing.getByLabel(/^終了の理由/).fill("年度内の集計のため前倒しで終了する");
	await closing.getByRole("button", { name: "終了する" }).click();
	await closing.waitFor({ state: "detached" });
	await c.getByTestId("campaign-state").filter({ hasText: "終了" }).waitFor();
	await c
		.getByTestId("campaign-closed")
		.getByText(/年度内の集計のため前倒しで終了する/)
		.waitFor();
	const unanswered = c.getByTestId("campaign-unanswered");
	await unanswered.getByRole("rowheader", { name: "政策 課長" }).waitFor();
	await unanswered.getByRole("rowheader", { name: "人事 次郎" }).waitFor();
	assert.equal(await unanswered.getByRole("rowheader", { name: "政策 花子" }).count(), 0);
	assert.equal(await c.getByRole("button", { name: "自己点検を終了" }).count(), 0);
	await assertAccessible(c, "a closed campaign with its 未回答");
	await c.goto(`${server.url}/assurance/campaigns`);
	await c.locator(".campaign-card").filter({ hasText: "終了" }).waitFor();
	// The 管理者 can no longer sign off anything, nor answer their own items.
	await m.goto(campaignUrl);
	await m.getByTestId("campaign-closed").waitFor();
	assert.equal(await m.getByRole("button", { name: "確認する" }).count(), 0);
	await m.getByRole("link", { name: /情報政策課: 未回答/ }).click();
	await m.getByTestId("response-closed").waitFor();
	assert.equal(await m.getByRole("button", { name: "回答を提出" }).count(), 0);
	assert.equal(await m.getByRole("button", { name: "下書き保存" }).count(), 0);
	assert.deepEqual(chief.problems, []);
	assert.deepEqual(staff.problems, []);
	assert.deepEqual(manager.problems, []);
});
