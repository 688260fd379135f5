import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Done-when (b) of 業務委託: a contract handling 機密性2 data without the erasure clause is flagged
 * on the list and its page; the unit's manager adds the clause and the flag clears.
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

const ALL_BUT_ERASURE = [
	"comply_policy",
	"responsible_person",
	"staff_and_place",
	"purpose_limit",
	"subcontract_approval",
	"on_site_inspection",
	"incident_reporting",
];

test("a 機密性2 contract without the erasure clause is flagged; adding the clause clears the flag", async () => {
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const admin = await watchedPage(context);
	await firstLogin(
		admin.page,
		server.url,
		"demo",
		server.oneTimePasswords.demo ?? server.oneTimePassword,
	);
	const api = await apiAs(admin.page);
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "koseki",
		name: "市民課",
		kind: "section",
		parentId: null,
	});
	const asset = await api<{ id: string }>("POST", "/api/assets", {
		code: "A-KOSEKI-01",
		name: "住民記録システム",
		kind: "systems",
		ownerUnitId: unit.id,
		managerName: null,
		location: null,
		zone: "mynumber",
		personalData: "personal",
		retention: null,
		lifecycle: "in_use",
		relatedSystem: null,
		notes: null,
		levels: ["C2", "I2", "A2"],
	});
	const managerOtp = await addUser(server, "demo", "shimin");
	const found = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=shimin",
	);
	const manager = found.items.find((a) => a.username === "shimin");
	assert.ok(manager);
	await api("POST", `/api/accounts/${manager.id}/roles`, {
		role: "section_manager",
		orgUnitId: unit.id,
	});

	const managerContext = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const shimin = await watchedPage(managerContext);
	await firstLoginAs(shimin.page, server.url, "demo", "shimin", managerOtp);
	const asManager = await apiAs(shimin.page);
	const contractor = await asManager<{ id: string }>("POST", "/api/contractors", {
		code: "V-001",
		name: "株式会社まもり情報サービス",
		address: null,
		contact: null,
		notes: null,
	});
	await asManager("POST", "/api/contracts", {
		code: "R8-委託-001",
		title: "住民記録システム運用保守業務",
		purpose: "住民記録システムの運用と保守",
		contractorId: contractor.id,
		orgUnitId: unit.id,
		startsOn: "2026-04-01",
		endsOn: "2027-03-31",
		assetIds: [asset.id],
		clauses: ALL_BUT_ERASURE,
	});

	// The list flags the contract; the "clause gaps" filter finds it.
	const page = shimin.page;
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "業務委託" })
		.click();
	await page.getByRole("heading", { level: 1, name: "業務委託契約" }).waitFor();
	await page.getByLabel("条項", { exact: true }).selectOption("true");
	await page.getByRole("button", { name: "絞り込む" }).click();
	const row = page.locator('tr[data-contract="R8-委託-001"]');
	await row.getByText("条項不足 1件").waitFor();
	assert.equal(await row.locator("td").nth(4).textContent(), "C2");

	// Its page says which clause is missing; the manager adds it.
	await row.getByRole("link", { name: "R8-委託-001" }).click();
	await page.getByTestId("contract-gap-flag").filter({ hasText: "条項不足 1件" }).waitFor();
	const erasure = page.locator('li[data-clause="return_or_erasure"]');
	assert.match((await erasure.textContent()) ?? "", /不足.*契約終了時の情報の返却・消去.*必須/);
	await page.getByRole("button", { name: "契約を編集" }).click();
	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("契約終了時の情報の返却・消去").check();
	await dialog.getByRole("button", { name: "保存" }).click();
	await dialog.waitFor({ state: "detached" });
	await page.getByTestId("contract-gap-flag").filter({ hasText: "条項充足" }).waitFor();
	assert.match((await erasure.textContent()) ?? "", /^あり/);

	// The list no longer flags it.
	await page.getByRole("link", { name: "業務委託契約の一覧へ" }).click();
	await page.getByRole("heading", { level: 1, name: "業務委託契約" }).waitFor();
	await page.getByLabel("条項", { exact: true }).selectOption("true");
	await page.getByRole("button", { name: "絞り込む" }).click();
	await page.getByText("条件に合う契約はありません。").waitFor();
	await page.getByLabel("条項", { exact: true }).selectOption("");
	await page.getByRole("button", { name: "絞り込む" }).click();
	await page.locator('tr[data-contract="R8-委託-001"]').getByText("条項充足").waitFor();

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(shimin.problems, []);
});

test("the CISO checks a contractor file (errors by row and column), then imports a Shift_JIS CSV", async () => {
	const otp = await addUser(server, "demo", "keiyaku-ciso", ["ciso"]);
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const admin = await watchedPage(context);
	await firstLoginAs(admin.page, server.url, "demo", "keiyaku-ciso", otp);
	const page = admin.page;
	await page.goto("/contracts/contractors");
	await page.getByRole("heading", { level: 1, name: "委託先" }).waitFor();
	await page.getByRole("button", { name: "取込", exact: true }).click();
	const dialog = page.getByRole("dialog");
	const header = "委託先コード,委託先名,所在地,連絡先,備考";
	const file = dialog.locator('input[type="file"]');

	// A dry run of a file with a row without its name: the row and column, nothing imported.
	await file.setInputFiles({
		name: "委託先.csv",
		mimeType: "text/csv",
		buffer: Buffer.from(`${header}\nV-IMP-1,株式会社取込テスト,,,\nV-IMP-2,,,,\n`),
	});
	await dialog.getByRole("button", { name: "確認する" }).click();
	const errorRow = dialog.getByTestId("import-result").locator("tbody tr");
	await errorRow.first().waitFor();
	assert.deepEqual((await errorRow.first().locator("td").allTextContents()).slice(0, 2), [
		"3",
		"委託先名",
	]);
	assert.equal(await dialog.getByRole("button", { name: "取り込む", exact: true }).count(), 0);

	// A good Shift_JIS file: checked, then imported as a job; the list shows the new contractor.
	await file.setInputFiles({
		name: "委託先.csv",
		mimeType: "text/csv",
		buffer: Buffer.from(encodeShiftJis(`${header}\r\nV-IMP-1,株式会社取込テスト,佐賀市,山田,\r\n`)),
	});
	await dialog.getByRole("button", { name: "確認する" }).click();
	await dialog.getByText("追加 1件、更新 0件、変更なし 0件。 まだ取り込んでいません。").waitFor();
	await dialog.getByRole("button", { name: "取り込む", exact: true }).click();
	await dialog.getByText("取り込みました。", { exact: false }).waitFor();
	await dialog.getByRole("button", { name: "キャンセル" }).click();
	await dialog.waitFor({ state: "detached" });
	await page.getByRole("cell", { name: "株式会社取込テスト", exact: true }).waitFor();

	assert.deepEqual(admin.problems, []);
});
