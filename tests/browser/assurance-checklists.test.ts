import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { checklistFile, malformedChecklistFile } from "../helpers/checklist-world.ts";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";

/**
 * The checklists page: Saga's bundled checklists are there on the first visit and their items
 * filter; a malformed workbook is refused with each error at its sheet, row and column, in
 * Japanese, and nothing is imported; the corrected file is checked, imported and shown.
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

test("Saga's checklists on the first visit; a malformed file shows its errors by row and column, then a good file is imported", async () => {
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const { page, problems } = await watchedPage(context);
	page.setDefaultTimeout(15_000);
	await firstLogin(page, server.url, "saga", server.oneTimePasswords.saga ?? "");
	const nav = page.getByRole("navigation", { name: "メインメニュー" });
	await nav.getByRole("link", { name: "点検チェックリスト" }).click();
	await page.getByRole("heading", { level: 1, name: "点検チェックリスト" }).waitFor();
	const table = page.getByTestId("checklist-table");
	await table
		.getByRole("link", { name: "佐賀市 情報セキュリティ自己点検チェックリスト" })
		.waitFor();
	await table.getByRole("link", { name: "佐賀市 情報セキュリティ監査チェックリスト" }).waitFor();

	// The self-inspection's items, filtered to the rule of switching PCs off.
	await table.getByRole("link", { name: "佐賀市 情報セキュリティ自己点検チェックリスト" }).click();
	await page
		.getByRole("heading", { level: 1, name: "佐賀市 情報セキュリティ自己点検チェックリスト" })
		.waitFor();
	await page.getByLabel("番号・点検内容・証跡").fill("電源");
	await page
		.getByTestId("checklist-item-count")
		.filter({ hasText: /中 1項目を表示/ })
		.waitFor();
	const row = page.getByTestId("checklist-items").locator("tbody tr");
	assert.equal(await row.count(), 1);
	assert.match(
		(await row.textContent()) ?? "",
		/退庁するとき.*全職員.*退庁するときは、特別な理由がなければパソコンの電源を切る/,
	);
	await page.getByRole("link", { name: "← 点検チェックリストに戻る" }).click();

	// A malformed workbook: each error with its sheet, row and column, in Japanese.
	await page.getByRole("button", { name: "チェックリストを取り込む" }).click();
	const dialog = page.getByRole("dialog");
	const file = dialog.getByLabel("チェックリストのファイル（.xlsx）");
	await file.setInputFiles({
		name: "庁内自己点検.xlsx",
		mimeType: "application/octet-stream",
		buffer: await malformedChecklistFile(),
	});
	await dialog.getByRole("button", { name: "検査する" }).click();
	const errors = dialog.getByTestId("checklist-import-errors");
	await errors.getByText("3件のエラーがあります。").waitFor();
	const cells = await errors
		.locator("tbody tr")
		.evaluateAll((rows) =>
			rows.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
		);
	assert.deepEqual(cells, [
		[
			"点検項目",
			"2",
			"回答者",
			"「来庁者」は「回答者」の選択肢にありません（全職員、管理者、システム管理者）",
		],
		[
			"点検項目",
			"3",
			"段階",
			"回答の形式が「段階」のときは、段階を低い順に「|」で区切って書いてください（例: 未実施|一部実施|実施済み）。",
		],
		["点検項目", "3", "番号", "番号「6(4)-1」は2行目と重複しています。"],
	]);
	assert.ok(
		await dialog.getByRole("button", { name: "取り込む" }).isDisabled(),
		"a bad file cannot be imported",
	);

	// The corrected file: no error, imported, and shown with its items.
	await file.setInputFiles({
		name: "庁内自己点検.xlsx",
		mimeType: "application/octet-stream",
		buffer: await checklistFile("庁内自己点検（令和8年度）"),
	});
	await dialog.getByRole("button", { name: "検査する" }).click();
	await dialog
		.getByTestId("checklist-import-ok")
		.filter({ hasText: "2項目を取り込めます" })
		.waitFor();
	await dialog.getByRole("button", { name: "取り込む" }).click();
	await page.getByRole("heading", { level: 1, name: "庁内自己点検（令和8年度）" }).waitFor();
	await page
		.getByTestId("checklist-item-count")
		.filter({ hasText: "2項目中 2項目を表示" })
		.waitFor();
	assert.match(
		(await page.getByTestId("checklist-items").textContent()) ?? "",
		/離席するとき、画面をロックしているか。.*段階: 未受講が多い \/ 半数以上 \/ 全員/,
	);
	assert.deepEqual(problems, []);
	await context.close();
});
