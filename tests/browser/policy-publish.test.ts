import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

const SAGA_TEXT = resolve(import.meta.dirname, "../../../shared/seeds/000_2ada437c7fa3d3e9.txt");
const SCREENSHOT = "/tmp/mamori-policy-diff.png";

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

test("a drafter uploads the 基本方針, another approves and publishes it with its 施行日; staff acknowledge it; the manager sees completion", async () => {
	// Both may approve and publish; Saga's pack keeps the drafter out of the decision.
	const drafterOtp = await addUser(server, "saga", "kian", ["ciso", "chief_officer"]);
	const managerOtp = await addUser(server, "saga", "kanri", ["ciso", "chief_officer"]);
	const staffOtp = await addUser(server, "saga", "shokuin");
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };

	// The drafter: documents from the pack, with Saga's 改定履歴 dated in 和暦 (the tenant's setting).
	const drafterContext = await browser.newContext(options);
	const { page, problems } = await watchedPage(drafterContext);
	const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });
	await firstLoginAs(page, server.url, "saga", "kian", drafterOtp);
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "ポリシー文書" })
		.click();
	await heading("ポリシー文書").waitFor();
	await page.getByRole("link", { name: "情報セキュリティ基本方針" }).click();
	await heading("情報セキュリティ基本方針").waitFor();
	const history = page.locator("table.revision-table tbody tr");
	assert.equal(await history.count(), 9);
	assert.deepEqual(
		await history
			.first()
			.locator("td")
			.allTextContents()
			.then((c) => c.slice(1, 2)),
		["平成16年3月"],
	);
	assert.deepEqual(
		await history
			.nth(4)
			.locator("td")
			.allTextContents()
			.then((c) => c.slice(1, 2)),
		["令和元年7月"],
	);

	// Upload the published text: a structured draft, with the importer's notes.
	await page.getByRole("button", { name: "テキストから改定案を作成" }).click();
	const dialog = page.getByRole("dialog");
	// As extracted from PDF: a page number left on a line of its own.
	const lines = (await readFile(SAGA_TEXT, "utf8")).split("\n");
	lines.splice(60, 0, "4");
	await dialog.getByLabel(/テキストファイル/).setInputFiles({
		name: "saga-kihon.txt",
		mimeType: "text/plain",
		buffer: Buffer.from(lines.join("\n")),
	});
	await dialog.getByLabel("改定内容の要約").fill("公開版を取込み");
	await dialog.getByRole("button", { name: "取り込む" }).click();
	await dialog.getByText("第1版の改定案を作成しました。").waitFor();
	await dialog.getByRole("heading", { name: "取込み時の注意 (1件)" }).waitFor();
	await dialog.getByText(/ページ番号だけの行（.+）を取り除きました。/u).waitFor();
	await dialog.getByRole("link", { name: "開く" }).click();

	await heading(/第1版/).waitFor();
	await page.getByText("引用: 基本方針 6(1)").first().waitFor();
	await page.getByRole("button", { name: "審査に回す" }).click();
	// 起案者 ≠ 決裁者: the drafter is told that someone else decides, and offered no approval.
	await page.getByText(/あなたが起案したため、承認・公開は別の方が行います/).waitFor();
	assert.equal(await page.getByRole("button", { name: "承認する" }).count(), 0);
	const versionUrl = page.url();

	// The manager approves and publishes, with the 施行日 and the committee's decision date.
	const managerContext = await browser.newContext(options);
	const manager = await watchedPage(managerContext);
	await firstLoginAs(manager.page, server.url, "saga", "kanri", managerOtp);
	await manager.page.goto(versionUrl);
	await manager.page.getByRole("button", { name: "承認する" }).click();
	// Approval and publication cannot be undone: each says so before it is taken.
	const approve = manager.page.getByRole("dialog", { name: "この版を承認しますか" });
	await approve.getByText("元に戻すことはできません。").waitFor();
	await approve.getByRole("button", { name: "承認する" }).click();
	await manager.page.getByRole("button", { name: "公開する" }).click();
	const publish = manager.page.getByRole("dialog", { name: "第1版を公開" });
	await publish.getByText("公開（施行）は取り消せません。").waitFor();
	await publish.getByLabel("全職員等").check();
	await publish.getByLabel("施行日").fill("2026-04-01");
	await publish.getByLabel("委員会決定日").fill("2026-03-25");
	await publish.getByRole("button", { name: "公開して確認を求める" }).click();
	await manager.page.locator(".badge", { hasText: "公開中" }).first().waitFor();
	const facts = manager.page.locator("dl.decision-facts");
	// Written the tenant's way (Saga: 和暦, the default date style).
	assert.deepEqual(await facts.locator("dd").allTextContents(), [
		"令和8年4月1日",
		"令和8年3月25日",
	]);
	const completion = manager.page.getByRole("region", { name: "確認状況" });
	await completion.getByText("0 / 4 人が確認済み").waitFor();

	// Staff: the dashboard asks, the list leads to the text, one click acknowledges.
	const staffContext = await browser.newContext(options);
	const staff = await watchedPage(staffContext);
	await firstLoginAs(staff.page, server.url, "saga", "shokuin", staffOtp);
	await staff.page.getByRole("link", { name: "確認が必要なポリシー文書: 1 件" }).click();
	await staff.page.getByRole("heading", { level: 1, name: "ポリシー文書" }).waitFor();
	await staff.page.getByRole("link", { name: /情報セキュリティ基本方針 第1版/ }).click();
	// The button follows the text: one acknowledges what one has read.
	const acknowledge = staff.page.getByRole("button", { name: "内容を確認し、遵守します" });
	const lastSection = staff.page.getByText("引用: 基本方針 6(1)").last();
	const [textBottom, buttonTop] = await Promise.all([
		lastSection.boundingBox().then((box) => (box?.y ?? 0) + (box?.height ?? 0)),
		acknowledge.boundingBox().then((box) => box?.y ?? 0),
	]);
	assert.ok(buttonTop > textBottom, "the acknowledge button is below the text");
	await acknowledge.click();
	await staff.page
		.getByRole("status")
		.getByText(/に確認済み/)
		.waitFor();
	assert.equal(await staff.page.getByRole("region", { name: "確認状況" }).count(), 0);
	assert.deepEqual(staff.problems, []);

	// The manager: completion per unit; his own acknowledgement counts at once, without a reload.
	await manager.page.reload();
	await completion.getByText("1 / 4 人が確認済み").waitFor();
	await manager.page.getByRole("button", { name: "内容を確認し、遵守します" }).click();
	await completion.getByText("2 / 4 人が確認済み").waitFor();
	const row = completion.locator("tbody tr", { hasText: "所属なし" });
	assert.deepEqual(await row.locator("td").allTextContents(), ["所属なし", "4", "2", "50%"]);
	// Reminders and the pending list.
	await completion.getByRole("button", { name: "未確認者に督促" }).click();
	await completion.getByText("2人に督促しました。").waitFor();
	const download = manager.page.waitForEvent("download");
	await completion.getByRole("link", { name: "未確認者一覧 (CSV)" }).click();
	const csv = await (await download).path();
	const text = await readFile(csv, "utf8");
	assert.match(text, /kian/);
	assert.doesNotMatch(text, /shokuin|kanri/);

	// Everyone acknowledges (the drafter and the administrator through the API): no 督促 at 100 %.
	const versionId = versionUrl.split("/").pop() ?? "";
	await (await apiAs(page))("POST", `/api/policy-versions/${versionId}/acknowledgement`);
	const adminContext = await browser.newContext(options);
	const admin = await adminContext.newPage();
	await firstLoginAs(admin, server.url, "saga", "admin", server.oneTimePasswords.saga ?? "");
	await (await apiAs(admin))("POST", `/api/policy-versions/${versionId}/acknowledgement`);
	await adminContext.close();
	await manager.page.reload();
	await completion.getByText("4 / 4 人が確認済み").waitFor();
	await completion.getByText("全員が確認済みです。").waitFor();
	assert.equal(await completion.getByRole("button", { name: "未確認者に督促" }).count(), 0);
	assert.deepEqual(manager.problems, []);
	await managerContext.close();

	// 新旧対照表 of a second draft against the published version.
	await page.getByRole("link", { name: "文書へ戻る" }).click();
	await page.getByRole("button", { name: "改定案を作成", exact: true }).click();
	await heading(/第2版/).waitFor();
	// Edit the draft's text in place: one sentence is added to section 1.
	await page.getByRole("button", { name: "本文を編集" }).click();
	const body = page.getByLabel("１ の本文", { exact: true });
	await body.fill(`${await body.inputValue()}\n本方針は毎年度見直す。`);
	await page.getByRole("button", { name: "保存" }).click();
	await page.getByText("本方針は毎年度見直す。").waitFor();
	await page.getByRole("button", { name: "比較する" }).click();
	await heading(/新旧対照表/).waitFor();
	await page.getByRole("columnheader", { name: "旧 (第1版)" }).waitFor();
	await page.getByRole("columnheader", { name: "新 (第2版)" }).waitFor();
	const rows = page.locator(".diff-table tbody tr");
	assert.equal(await rows.count(), 1, "only the changed section is shown");
	await rows.first().getByText("基本方針 1").waitFor();
	assert.equal(await rows.first().locator("ins").textContent(), "\n本方針は毎年度見直す。");
	await page.screenshot({ path: SCREENSHOT, fullPage: true });
	assert.deepEqual(problems, []);
	await staffContext.close();
	await drafterContext.close();
});
