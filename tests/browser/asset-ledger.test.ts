import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";

/**
 * Done-when of the ledger: each demo tenant's form offers its own pack's classification, and the
 * asset shows the handling derived from it; a class change lands in the history with its reason.
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

async function loggedIn(tenant: string) {
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const { page, problems } = await watchedPage(context);
	const password = server.oneTimePasswords[tenant];
	assert.ok(password, `the server printed a one-time password for ${tenant}`);
	await firstLogin(page, server.url, tenant, password);
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "情報資産台帳" })
		.click();
	await page.getByRole("heading", { level: 1, name: "情報資産管理台帳" }).waitFor();
	return { context, page, problems };
}

async function optionsOf(page: Page, axis: string): Promise<string[]> {
	return page
		.locator(`select[data-axis="${axis}"] option`)
		.evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""));
}

/** Fill the common fields of the registration form (the first unit offered owns the asset). */
async function fillCommon(page: Page, code: string, name: string) {
	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("資産番号").fill(code);
	await dialog.getByLabel("資産名").fill(name);
	const unit = dialog.getByLabel("所管課");
	const first = await unit.locator("option").nth(1).getAttribute("value");
	assert.ok(first, "a unit is offered");
	await unit.selectOption(first);
}

async function rule(page: Page, name: string): Promise<string> {
	return (
		(await page.locator(`[data-testid="asset-handling"] td[data-rule="${name}"]`).textContent()) ??
		""
	);
}

test("Saga: importance levels I–IV in the form; the asset shows its handling; a class change is recorded", async () => {
	const { context, page, problems } = await loggedIn("saga");
	await page.getByRole("button", { name: "資産を登録" }).click();
	assert.equal(
		await page.locator('[data-testid="level-picker"]').getAttribute("data-scheme"),
		"importance",
	);
	assert.deepEqual(await optionsOf(page, "importance"), ["I", "II", "III", "IV"]);
	await fillCommon(page, "SAGA-001", "住民記録システム");
	await page.locator('select[data-axis="importance"]').selectOption("II");
	await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();

	await page.getByRole("heading", { level: 1, name: "住民記録システム" }).waitFor();
	await page.locator('[data-testid="asset-handling"]').waitFor();
	const before = await rule(page, "takeOut");
	assert.ok(before.length > 0, "take-out handling is shown");

	await page.getByRole("button", { name: "格付けを変更" }).click();
	await page.locator('select[data-axis="importance"]').selectOption("IV");
	await page.getByLabel("変更の理由").fill("公開情報のみとなったため");
	await page.getByRole("dialog").getByRole("button", { name: "格付けを変更" }).click();
	await page.getByText("格付けを IV に変更しました。").waitFor();
	const history = page.locator('[data-testid="class-history"] tbody tr');
	await history.nth(1).waitFor();
	assert.match((await history.first().textContent()) ?? "", /II.*IV.*公開情報のみとなったため/);

	assert.deepEqual(problems, []);
	await context.close();
});

test("Kitakyushu: C, I and A in the form; the handling follows the strictest axis", async () => {
	const { context, page, problems } = await loggedIn("kitakyushu");
	await page.getByRole("button", { name: "資産を登録" }).click();
	assert.equal(
		await page.locator('[data-testid="level-picker"]').getAttribute("data-scheme"),
		"cia",
	);
	const confidentiality = await optionsOf(page, "confidentiality");
	assert.ok(confidentiality.includes("C3"), `C levels offered: ${confidentiality.join(",")}`);
	assert.ok((await optionsOf(page, "integrity")).length >= 2);
	assert.ok((await optionsOf(page, "availability")).length >= 2);
	await fillCommon(page, "KK-001", "税務システム");
	await page.locator('select[data-axis="confidentiality"]').selectOption("C3");
	await page.locator('select[data-axis="integrity"]').selectOption({ index: 1 });
	await page.locator('select[data-axis="availability"]').selectOption({ index: 1 });
	await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
	await page.getByRole("heading", { level: 1, name: "税務システム" }).waitFor();
	await page.locator('[data-testid="asset-handling"]').waitFor();
	assert.notEqual(await rule(page, "takeOut"), "可", "C3 does not allow free take-out");

	await page.getByRole("link", { name: "台帳に戻る" }).click();
	await page.locator('[data-testid="asset-table"] tbody tr').first().waitFor();
	assert.match((await page.locator('[data-testid="asset-table"]').textContent()) ?? "", /KK-001/);
	assert.deepEqual(problems, []);
	await context.close();
});

test("Import: a checked file is applied as a job; the dialog shows its progress, then the result", async () => {
	const { context, page, problems } = await loggedIn("demo");
	const units = (await page.evaluate(async () => {
		const response = await fetch("/api/org-units", { credentials: "same-origin" });
		return ((await response.json()) as { items: { code: string; kind: string }[] }).items;
	})) as { code: string; kind: string }[];
	const unit = units.find((u) => u.kind !== "agency") ?? units[0];
	assert.ok(unit, "the demo tenant has units");
	const header = [
		"資産番号",
		"資産名",
		"種別",
		"所管課",
		"ネットワーク区分",
		"格付け",
		"個人情報",
		"状態",
	];
	const rows = Array.from({ length: 5000 }, (_, i) =>
		[
			`IMP-${i}`,
			`取込端末 ${i}`,
			"システム・機器・媒体",
			unit.code,
			"LGWAN接続系",
			"C2/I2/A2",
			"なし",
			"運用中",
		].join(","),
	);
	const csv = `${[header.join(","), ...rows].join("\r\n")}\r\n`;

	await page.getByRole("button", { name: "一括取込み" }).click();
	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("ファイル").setInputFiles({
		name: "ledger.csv",
		mimeType: "text/csv",
		buffer: Buffer.from(csv),
	});
	await dialog.getByRole("button", { name: "検査する" }).click();
	await dialog.getByTestId("import-result").getByText("まだ何も取り込んでいません。").waitFor();
	assert.match(
		(await dialog.getByTestId("import-result").textContent()) ?? "",
		/新規 5000 件/,
		"the check counts the rows",
	);

	await dialog.getByRole("button", { name: "取り込む" }).click();
	const progress = dialog.getByTestId("import-job-progress");
	await progress.waitFor();
	assert.equal(await progress.locator("progress").getAttribute("max"), "5000");
	await dialog
		.getByTestId("import-result")
		.getByText("取り込みました。")
		.waitFor({ timeout: 60_000 });
	assert.equal(await progress.count(), 0, "the progress bar gives way to the result");
	assert.match((await dialog.getByTestId("import-result").textContent()) ?? "", /新規 5000 件/);
	assert.deepEqual(problems, []);
	await context.close();
});
