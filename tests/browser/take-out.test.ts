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

/** An LGWAN laptop-like asset of class C2/I2/A2 in `unitId`, as the ledger API takes it. */
function carriableAsset(code: string, name: string, unitId: string) {
	return {
		code,
		name,
		kind: "systems",
		ownerUnitId: unitId,
		managerName: null,
		location: null,
		zone: "lgwan",
		personalData: "none",
		retention: null,
		lifecycle: "in_use",
		relatedSystem: null,
		notes: null,
		levels: ["C2", "I2", "A2"],
	};
}

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
		...carriableAsset("PC-2026-001", "業務用ノートPC", unit.id),
		personalData: "personal",
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
		manager.page.getByRole("button", { name: "Excelで出力" }).click(),
	]);
	assert.match(download.suggestedFilename(), /^持ち出し管理簿_\d{8}\.xlsx$/u);
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
		/持ち出し中（中央公民館、令和\d+年\d+月\d+日まで）/,
	);
	assert.match(await shown(panel), /説明会のため必要と認める。暗号化を確認済み。/);
	const stored = await api<{ lifecycle: string }>("GET", `/api/assets/${asset.id}`);
	assert.equal(stored.lifecycle, "taken_out");
	assert.deepEqual(manager.problems, []);
	await adminContext.close();
	await kachoContext.close();
});

test("the list of all take-outs comes a page of 50 at a time; the short lists say when they show only the newest", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	// Someone of the IT-policy section (統括), who may record assets of every unit.
	const otp = await addUser(server, "demo", "tokatsu-paging", ["chief_officer"]);
	const context = await browser.newContext(options);
	const admin = await watchedPage(context);
	await firstLoginAs(admin.page, server.url, "demo", "tokatsu-paging", otp);
	const api = await apiAs(admin.page);
	const units = await api<{ items: { id: string; kind: string }[] }>("GET", "/api/org-units");
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit);
	for (let i = 0; i < 205; i++) {
		const code = `PAGE-${String(i).padStart(3, "0")}`;
		const asset = await api<{ id: string }>(
			"POST",
			"/api/assets",
			carriableAsset(code, `貸出用タブレット ${i}`, unit.id),
		);
		await api("POST", "/api/take-outs", {
			assetId: asset.id,
			purpose: "出張先での説明",
			destination: "県庁",
			from: "2026-12-07",
			until: "2026-12-08",
			encrypted: true,
			lockedCase: true,
		});
	}

	const { page } = admin;
	await openTakeOuts(page);
	// 205 of one's own requests: the short list shows the newest 200 and says so. The list of
	// all take-outs also holds other people's requests.
	const { total } = await api<{ total: number }>("GET", "/api/take-outs?limit=1");
	assert.ok(total >= 205);
	await page.getByText("新しい順に 200 件を表示しています（全 205 件）").waitFor();
	const list = page.getByRole("table", { name: "持ち出しの一覧" });
	await page.getByTestId("take-out-count").getByText(`${total} 件`).waitFor();
	const nav = page.getByRole("navigation", { name: "ページ送り" });
	await nav.getByText(`${total}件中 1–50件を表示`).waitFor();
	assert.equal(await list.locator("tbody tr").count(), 50);
	const first = await list.locator("tbody tr").first().textContent();
	await nav.getByRole("button", { name: "次へ" }).click();
	await nav.getByText(`${total}件中 51–100件を表示`).waitFor();
	assert.notEqual(await list.locator("tbody tr").first().textContent(), first);
	// A filter starts again at its first page.
	await page.getByLabel("状況で絞り込み").selectOption({ label: "承認待ち" });
	await nav.getByText(/件中 1–50件を表示/).waitFor();
	assert.deepEqual(admin.problems, []);

	// An export over its limit is refused by the server (this many rows would take 10,001
	// requests to make, so the answer is stood in for): the page shows why, and saves no file.
	const refusal =
		"the filter matches 10001 rows; one export holds at most 10000: narrow the filter";
	await page.route("**/api/take-outs/export?*", (route) =>
		route.fulfill({
			status: 400,
			contentType: "application/problem+json",
			body: JSON.stringify({
				type: "urn:mamori:problem:validation_failed",
				code: "validation_failed",
				title: "validation_failed",
				status: 400,
				detail: refusal,
				issues: [
					{
						path: "(filter)",
						message: refusal,
						code: "export_too_many_rows",
						params: { count: 10001, max: 10000 },
					},
				],
			}),
		}),
	);
	let downloads = 0;
	page.on("download", () => {
		downloads += 1;
	});
	await page.getByRole("button", { name: "CSVで出力" }).click();
	await page.getByRole("alert").filter({ hasText: "上限の10000件" }).waitFor();
	await page.getByRole("button", { name: "CSVで出力" }).waitFor();
	assert.equal(downloads, 0);
	await page.unroute("**/api/take-outs/export?*");
	await context.close();
});

test("an approved take-out past its return date surfaces on the dashboard until it is returned", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	const requesterOtp = await addUser(server, "demo", "shinsei-overdue", ["chief_officer"]);
	const deciderOtp = await addUser(server, "demo", "kettei-overdue", ["chief_officer"]);
	const requesterContext = await browser.newContext(options);
	const requester = await watchedPage(requesterContext);
	await firstLoginAs(requester.page, server.url, "demo", "shinsei-overdue", requesterOtp);
	const asRequester = await apiAs(requester.page);
	const units = await asRequester<{ items: { id: string; kind: string }[] }>(
		"GET",
		"/api/org-units",
	);
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit);
	const asset = await asRequester<{ id: string }>(
		"POST",
		"/api/assets",
		carriableAsset("USB-OVERDUE-1", "暗号化USBメモリ", unit.id),
	);
	const takeOut = await asRequester<{ id: string }>("POST", "/api/take-outs", {
		assetId: asset.id,
		purpose: "研修会での資料配布",
		destination: "市民会館",
		from: "2026-04-01",
		until: "2026-04-02",
		encrypted: true,
		lockedCase: true,
	});

	const deciderContext = await browser.newContext(options);
	const decider = await watchedPage(deciderContext);
	await firstLoginAs(decider.page, server.url, "demo", "kettei-overdue", deciderOtp);
	await (await apiAs(decider.page))("POST", `/api/take-outs/${takeOut.id}/decision`, {
		outcome: "approved",
		reason: "研修のため承認",
	});

	await decider.page.reload();
	const card = decider.page.getByTestId("overdue-take-outs");
	await card.getByText(/USB-OVERDUE-1 暗号化USBメモリ/).waitFor();
	assert.match(await shown(card.getByRole("heading")), /返却期限を過ぎた持ち出しが \d+ 件あります/);
	await card.getByRole("link").click();
	await decider.page.getByRole("heading", { level: 1, name: "持ち出し", exact: true }).waitFor();
	const overdue = decider.page.getByRole("table", { name: "返却期限を過ぎた持ち出し" });
	await overdue.getByRole("row").filter({ hasText: "USB-OVERDUE-1" }).waitFor();

	// Once it is back, it leaves the dashboard.
	await asRequester("POST", `/api/take-outs/${takeOut.id}/return`, { note: null });
	const answered = decider.page.waitForResponse((response) =>
		response.url().includes("/api/take-outs?status=overdue"),
	);
	await decider.page.goto(server.url);
	await decider.page.getByRole("heading", { level: 1, name: "ホーム", exact: true }).waitFor();
	await answered;
	// Let React render what came back before looking for what must not be there.
	await decider.page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
	);
	assert.equal(await decider.page.getByText("USB-OVERDUE-1").count(), 0);
	assert.deepEqual(requester.problems, []);
	assert.deepEqual(decider.problems, []);
	await requesterContext.close();
	await deciderContext.close();
});
