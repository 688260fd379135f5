import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

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

test("a section manager sees on Home the take-out request waiting for his approval, and follows it", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };

	// The administrator makes a laptop of a 課 and that 課's manager; a member of staff asks.
	const adminContext = await browser.newContext(options);
	const admin = await watchedPage(adminContext);
	await firstLogin(admin.page, server.url, "demo", server.oneTimePasswords.demo ?? "");
	const api = await apiAs(admin.page);
	const units = await api<{ items: { id: string; kind: string }[] }>("GET", "/api/org-units");
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit);
	const asset = await api<{ id: string }>("POST", "/api/assets", {
		code: "PC-HOME-001",
		name: "説明会用ノートPC",
		kind: "systems",
		ownerUnitId: unit.id,
		managerName: null,
		location: null,
		zone: "lgwan",
		personalData: "none",
		retention: null,
		lifecycle: "in_use",
		relatedSystem: null,
		notes: null,
		levels: ["C2", "I2", "A2"],
	});
	const kachoOtp = await addUser(server, "demo", "kacho-home");
	const found = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=kacho-home",
	);
	const kacho = found.items.find((a) => a.username === "kacho-home");
	assert.ok(kacho);
	await api("POST", `/api/accounts/${kacho.id}/roles`, {
		role: "section_manager",
		orgUnitId: unit.id,
	});
	await api("POST", "/api/take-outs", {
		assetId: asset.id,
		purpose: "地区説明会での資料投影",
		destination: "北公民館",
		from: "2026-12-07",
		until: "2026-12-08",
		encrypted: true,
		lockedCase: true,
	});

	// The manager's Home says what waits for him, with the count, and leads to it.
	const kachoContext = await browser.newContext(options);
	const manager = await watchedPage(kachoContext);
	await firstLoginAs(manager.page, server.url, "demo", "kacho-home", kachoOtp);
	const waiting = manager.page.getByRole("region", { name: "あなたを待っている作業" });
	await waiting.getByRole("link", { name: "承認待ちの持ち出し申請: 1 件" }).click();
	await manager.page.getByRole("heading", { level: 1, name: "持ち出し", exact: true }).waitFor();
	const pending = manager.page.getByRole("table", { name: "承認待ちの申請" });
	await pending.getByRole("row").filter({ hasText: "PC-HOME-001" }).waitFor();

	// The administrator, who does not decide take-outs, has none waiting.
	await admin.page.reload();
	const adminWaiting = admin.page.getByRole("region", { name: "あなたを待っている作業" });
	await adminWaiting.waitFor();
	assert.equal(await adminWaiting.getByText(/承認待ちの持ち出し申請/).count(), 0);

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(manager.problems, []);
	await adminContext.close();
	await kachoContext.close();
});
