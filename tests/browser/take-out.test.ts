import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { readTable } from "../../src/shared/tabular.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/** The text a person sees in an element, cells separated by tabs. */
const shown = async (locator: Locator) => (await locator.allInnerTexts()).join("\n");

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

async function openTakeOuts(page: Page) {
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "持ち出し", exact: true })
		.click();
	await page.getByRole("heading", { level: 1, name: "持ち出し", exact: true }).waitFor();
}

test("a manager asks to take out a laptop; the unit's section manager approves with a reason; the asset shows 持ち出し中", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };

	// The administrator (who manages every asset) sets up a unit's laptop and its 管理者.
	const adminContext = await browser.newContext(options);
	const admin = await watchedPage(adminContext);
	await firstLogin(admin.page, server.url, "demo", server.oneTimePasswords.demo ?? "");
	const api = await apiAs(admin.page);
	const units = await api<{ items: { id: string; kind: string }[] }>("GET", "/api/org-units");
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit, "the demo tenant has org units");
	const asset = await api<{ id: string; code: string }>("POST", "/api/assets", {
		code: "PC-2026-001",
		name: "業務用ノートPC",
		kind: "systems",
		ownerUnitId: unit.id,
		managerName: null,
		location: null,
		zone: "lgwan",
		personalData: "personal",
		retention: null,
		lifecycle: "in_use",
		relatedSystem: null,
		notes: null,
		levels: ["C2", "I2", "A2"],
	});
	const kachoOtp = await addUser(server, "demo", "kacho");
	const found = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=kacho",
	);
	const kacho = found.items.find((a) => a.username === "kacho");
	assert.ok(kacho);
	await api("POST", `/api/accounts/${kacho.id}/roles`, {
		role: "section_manager",
		orgUnitId: unit.id,
	});

	// The request, through the take-out page: both protections are required for class C2.
	const { page } = admin;
	await openTakeOuts(page);
	const choice = page.getByLabel("資産", { exact: true });
	const label = await choice.locator("option").filter({ hasText: "PC-2026-001" }).textContent();
	await choice.selectOption({ label: label ?? "" });
	await page.getByText("持ち出し時に暗号化と施錠できるケースでの運搬の両方が必要です").waitFor();
	await page.getByLabel("目的").fill("住民説明会での資料投影");
	await page.getByLabel("持ち出し先").fill("中央公民館");
	await page.getByLabel("暗号化している").check();
	await page.getByLabel("施錠できるケースで運搬する").check();
	await page.getByRole("button", { name: "申請する" }).click();
	await page
		.getByRole("status")
		.filter({ hasText: "PC-2026-001 の持ち出しを申請しました。" })
		.waitFor();
	const mine = page.getByRole("table", { name: "自分の申請" });
	await mine.getByText("承認待ち").waitFor();
	assert.match(await shown(mine), /中央公民館[\s\S]*住民説明会での資料投影/);
	assert.deepEqual(admin.problems, []);

	// The unit's section manager logs in, finds the request and approves it with a reason.
	const kachoContext = await browser.newContext(options);
	const manager = await watchedPage(kachoContext);
	await firstLoginAs(manager.page, server.url, "demo", "kacho", kachoOtp);
	await openTakeOuts(manager.page);
	const pending = manager.page.getByRole("table", { name: "承認待ちの申請" });
	const row = pending.getByRole("row").filter({ hasText: "PC-2026-001" });
	await row.getByRole("button", { name: "承認" }).click();
	const dialog = manager.page.getByRole("dialog");
	await dialog.getByLabel("理由").fill("説明会のため必要と認める。暗号化を確認済み。");
	await dialog.getByRole("button", { name: "承認" }).click();
	await manager.page
		.getByRole("status")
		.filter({ hasText: "PC-2026-001 の持ち出しを承認しました。" })
		.waitFor();
	await row.waitFor({ state: "detached" });

	// The list of all take-outs, filtered to those out, exports exactly that filter as Excel.
	const list = manager.page.getByRole("table", { name: "持ち出しの一覧" });
	await manager.page.getByLabel("状況で絞り込み").selectOption({ label: "持ち出し中" });
	await list.getByRole("row").filter({ hasText: "PC-2026-001" }).getByText("持ち出し中").waitFor();
	const [download] = await Promise.all([
		manager.page.waitForEvent("download"),
		manager.page.getByRole("link", { name: "Excelで出力" }).click(),
	]);
	assert.equal(download.suggestedFilename(), "take-outs.xlsx");
	const sheet = await readTable(new Uint8Array(await readFile(await download.path())));
	assert.equal(sheet.rows[0]?.[0], "資産番号");
	const exported = sheet.rows.find((cells) => cells[0] === "PC-2026-001");
	assert.equal(exported?.[4], "持ち出し中");
	assert.equal(exported?.[7], "中央公民館");

	// The asset's custody page shows it out, with the decision and its reason.
	await manager.page.goto(`${server.url}/assets/${asset.id}/custody`);
	await manager.page.getByTestId("asset-lifecycle").getByText("持ち出し中").waitFor();
	const panel = manager.page.getByTestId("take-out-panel");
	assert.match(
		await shown(panel.getByTestId("take-out-state")),
		/持ち出し中（中央公民館、\d{4}-\d{2}-\d{2}まで）/,
	);
	assert.match(await shown(panel), /説明会のため必要と認める。暗号化を確認済み。/);
	const stored = await api<{ lifecycle: string }>("GET", `/api/assets/${asset.id}`);
	assert.equal(stored.lifecycle, "taken_out");
	assert.deepEqual(manager.problems, []);
	await adminContext.close();
	await kachoContext.close();
});
