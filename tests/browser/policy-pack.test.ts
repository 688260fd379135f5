import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";

const SEEDS = resolve(import.meta.dirname, "../../../shared/seeds");
const SAGA_SEED = resolve(SEEDS, "000_2ada437c7fa3d3e9.txt");
const KITAKYUSHU_SEED = resolve(SEEDS, "004_34f5ad730ec06e4b.txt");

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
	return { context, page, problems };
}

async function open(page: Page, link: string) {
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: link })
		.click();
	await page.getByRole("heading", { level: 1, name: link, exact: true }).waitFor();
}

/** Upload a policy text on the gap page; returns each provision's status by code. */
async function analyse(page: Page, file: string): Promise<Record<string, string | null>> {
	await open(page, "ギャップ分析");
	await page.getByLabel("基本方針のテキストファイル").setInputFiles(file);
	await page.getByRole("button", { name: "分析する" }).click();
	await page.locator("tr[data-code]").first().waitFor();
	const rows = await page
		.locator("tr[data-code]")
		.evaluateAll((list) =>
			list.map((row) => [row.getAttribute("data-code"), row.getAttribute("data-status")]),
		);
	return Object.fromEntries(rows);
}

async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
	const [download] = await Promise.all([
		page.waitForEvent("download"),
		page.getByRole("button", { name: button }).click(),
	]);
	const path = await download.path();
	return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test("the server prints a one-time password for each demo tenant", () => {
	assert.deepEqual(Object.keys(server.oneTimePasswords).sort(), ["demo", "kitakyushu", "saga"]);
});

test("Saga: seven agencies, importance levels, nine revisions dated in 和暦; gap analysis and PDF; yearly review", async () => {
	const { context, page, problems } = await loggedIn("saga");
	await open(page, "ポリシー設定");
	await page.getByText("佐賀市 情報セキュリティポリシー", { exact: false }).first().waitFor();

	const agencies = page.getByRole("list", { name: /適用される行政機関/ }).getByRole("listitem");
	assert.equal(await agencies.count(), 7);
	assert.equal(await agencies.first().textContent(), "市長部局");

	const levels = page.locator('[data-scheme="importance"] tbody tr');
	assert.deepEqual(
		await levels.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-level"))),
		["I", "II", "III", "IV"],
	);
	assert.match((await levels.first().textContent()) ?? "", /重要性分類I.*施錠保管/su);

	const revisions = page.getByRole("region", { name: /改定履歴/ }).locator("tbody tr");
	assert.equal(await revisions.count(), 9);
	assert.match((await revisions.first().textContent()) ?? "", /平成16年3月.*初版/su);
	assert.match((await revisions.last().textContent()) ?? "", /令和5年9月/su);

	const gaps = await analyse(page, SAGA_SEED);
	assert.equal(gaps.social_media, "present");
	assert.equal(gaps.specific_personal_information, "present");
	assert.equal(gaps.incident_plan, "different");
	const pdf = await downloaded(page, "PDF で出力");
	assert.match(pdf.name, /^ギャップ分析_\d{8}\.pdf$/u);
	assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");

	// The yearly review the cadence asks for, on the fiscal-year calendar, with its inputs.
	await open(page, "ポリシーの見直し");
	await page.getByText(/令和\d+年度の定例見直し（期限 令和\d+年3月31日/).waitFor();
	await page.getByRole("button", { name: "定例の見直しを開始" }).click();
	await page.getByText("作成済み").waitFor();
	await page.getByLabel("状況の変化（法令・組織・技術）").fill("地方自治法の改正");
	await page.getByLabel("災害による停止: 発生の可能性").selectOption("2");
	await page.getByRole("button", { name: "材料を保存" }).click();
	await page.getByRole("status").filter({ hasText: "保存しました。" }).waitFor();

	assert.deepEqual(problems, []);
	await context.close();
});

test("Kitakyushu: its CIA scheme and no revisions; the gaps it has, exported to Excel", async () => {
	const { context, page, problems } = await loggedIn("kitakyushu");
	await open(page, "ポリシー設定");
	const scheme = page.locator("[data-scheme]").first();
	await scheme.getByText("機密性・完全性・可用性", { exact: true }).waitFor();
	for (const axis of ["機密性", "完全性", "可用性"]) {
		await scheme.locator("caption", { hasText: `: ${axis}` }).waitFor();
	}
	await page
		.getByRole("region", { name: /改定履歴/ })
		.getByText("改定履歴はありません。")
		.waitFor();
	assert.equal(
		await page
			.getByRole("region", { name: /改定履歴/ })
			.locator("tbody tr")
			.count(),
		0,
	);

	const gaps = await analyse(page, KITAKYUSHU_SEED);
	assert.equal(gaps.social_media, "missing");
	assert.equal(gaps.specific_personal_information, "missing");
	assert.equal(gaps.incident_plan, "present");
	const row = page.locator('tr[data-code="social_media"]');
	assert.match((await row.textContent()) ?? "", /ソーシャルメディアの利用.*欠落/su);
	const xlsx = await downloaded(page, "Excel で出力");
	assert.match(xlsx.name, /^ギャップ分析_\d{8}\.xlsx$/u);
	assert.equal(xlsx.bytes.subarray(0, 2).toString("latin1"), "PK");

	await open(page, "ポリシーの見直し");
	await page.getByText(/定例の見直しを定めていません/).waitFor();
	assert.equal(await page.getByRole("button", { name: "定例の見直しを開始" }).count(), 0);

	assert.deepEqual(problems, []);
	await context.close();
});
