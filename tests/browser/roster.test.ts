import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { ROSTER_HEADERS } from "../../src/modules/org/roster/roster-format.ts";
import { writeXlsx } from "../../src/shared/tabular.ts";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";

let server: RunningServer;
let browser: Browser;
let dir: string;

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
	dir = await mkdtemp(join(tmpdir(), "mamori-roster-"));
});

after(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) await rm(dir, { recursive: true, force: true });
});

/** A roster workbook of the demo tenant (standard pack: the agency 首長部局 is 010000). */
async function roster(name: string, rows: string[][]): Promise<string> {
	const path = join(dir, name);
	await writeFile(path, await writeXlsx([{ name: "名簿", header: [...ROSTER_HEADERS], rows }]));
	return path;
}

async function open(page: Page, link: string) {
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: link })
		.click();
	await page.getByRole("heading", { level: 1, name: link, exact: true }).waitFor();
}

async function preview(page: Page, file: string) {
	await page.getByLabel("名簿ファイル").setInputFiles(file);
	await page.getByRole("button", { name: "プレビュー", exact: true }).click();
	await page.getByRole("heading", { level: 2, name: /^プレビュー：/ }).waitFor();
}

test("roster import: bad rows block apply; a good roster previews, applies and shows the new staff", async () => {
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const { page, problems } = await watchedPage(context);
	const password = server.oneTimePasswords.demo ?? server.oneTimePassword;
	await firstLogin(page, server.url, "demo", password);
	await open(page, "名簿取込み（人事異動）");

	const bad = await roster("bad.xlsx", [
		["9001", "誤り 太郎", "ayamari", "", "嘱託", "010000", "", "", "", ""],
		["9002", "誤り 花子", "ayamari2", "", "職員", "no-such-unit", "", "", "", ""],
	]);
	await preview(page, bad);
	const errors = page.getByRole("table", { name: "エラーのある行（2 行）" });
	await errors.waitFor();
	const errorRows = await errors.locator("tbody tr").allInnerTexts();
	assert.equal(errorRows.length, 2);
	assert.match(errorRows[0] ?? "", /2\s+職員区分\s+職員区分「嘱託」はありません/);
	assert.match(errorRows[1] ?? "", /3\s+所属コード/);
	// The rows are told from the catalogue by their codes: in English when the reader switches.
	const banner = page.getByRole("banner");
	await banner.getByRole("button", { name: "English" }).click();
	const englishRows = await page
		.getByRole("table", { name: "Rows with errors (2)" })
		.locator("tbody tr")
		.allInnerTexts();
	assert.match(englishRows[0] ?? "", /There is no staff category 「嘱託」/);
	assert.match(
		englishRows[1] ?? "",
		/The unit code 「no-such-unit」 is not a unit of this organisation/,
	);
	await banner.getByRole("button", { name: "日本語" }).click();
	await errors.waitFor();
	assert.ok(await page.getByRole("button", { name: "適用する" }).isDisabled());

	const good = await roster("good.xlsx", [
		[
			"9101",
			"新任 一郎",
			"shinnin.ichiro",
			"ichiro@example.lg.jp",
			"職員",
			"010000",
			"主事",
			"CSIRT",
			"×",
			"2026-04-01",
		],
		[
			"9102",
			"新任 花子",
			"shinnin.hanako",
			"",
			"会計年度任用職員",
			"010000",
			"",
			"",
			"",
			"2026-04-01",
		],
	]);
	await preview(page, good);
	const newStaff = page.getByRole("region", { name: "新規職員（アカウントを作成）（2）" });
	await newStaff.waitFor();
	assert.match((await newStaff.textContent()) ?? "", /新任 一郎[\s\S]*新任 花子/);
	assert.equal(await page.getByRole("table", { name: /エラーのある行/ }).count(), 0);

	await page.getByRole("button", { name: "適用する" }).click();
	await page.getByRole("dialog").getByRole("button", { name: "適用する" }).click();
	const passwords = page.getByRole("table", { name: "新規アカウントの初期パスワード" });
	await passwords.waitFor();
	const issued = await passwords.locator("tbody tr").allInnerTexts();
	assert.deepEqual(
		issued.map((row) => row.split("\t")[2]),
		["shinnin.ichiro", "shinnin.hanako"],
	);
	assert.ok(issued.every((row) => (row.split("\t")[3] ?? "").length >= 12));
	await page.getByRole("status").filter({ hasText: "名簿を適用しました。" }).waitFor();

	await open(page, "職員");
	const list = page.getByRole("table", { name: "職員" });
	await list.getByRole("cell", { name: "新任 一郎", exact: true }).waitFor();
	const rows = await list.locator("tbody tr").allInnerTexts();
	assert.equal(rows.length, 2);
	assert.match(rows[0] ?? "", /9101\s+新任 一郎\s+shinnin\.ichiro\s+職員\s+首長部局/);
	assert.match(rows[1] ?? "", /9102\s+新任 花子\s+shinnin\.hanako\s+会計年度任用職員/);

	await open(page, "組織");
	const agency = page.getByRole("row").filter({ hasText: "010000" });
	assert.match((await agency.textContent()) ?? "", /職員 2 人/);
	const tenantRoles = page.getByRole("region", { name: /団体全体の役割/ });
	assert.match((await tenantRoles.textContent()) ?? "", /CSIRT\s*新任 一郎/);
	assert.deepEqual(problems, []);
	await context.close();
});
