import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { openDatabase } from "../../src/db/connection.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { openAreaDesk } from "../../src/modules/secure-areas/area-desk.ts";
import { grantPermit } from "../../src/modules/secure-areas/permits.ts";
import { createArea } from "../../src/modules/secure-areas/save-area.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { areaActor } from "../helpers/secure-areas-world.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";
import { putOnRoster } from "./roster.ts";

/**
 * Done-when (c) of secure areas (管理区域): the server room's manager imports a card reader's
 * Shift_JIS CSV in which someone without a permit entered; the import is checked, applied as a
 * job, and the entry is flagged 入室許可なし in the month's flagged entries.
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

const context = () =>
	browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url });

/** The roster rows and the area, set up through the use cases (not under test here). */
async function serverRoom(managerAccountId: string, intruderAccountId: string, unitId: string) {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const tenant = await findTenantBySlug(handle.db, "saga");
		assert.ok(tenant);
		const staff = (accountId: string, staffNumber: string) =>
			putOnRoster(server, { accountId, unitId, staffNumber });
		const manager = await staff(managerAccountId, "7001");
		await staff(intruderAccountId, "7002");
		const desk = await openAreaDesk(handle.db, areaActor(tenant.id));
		const area = await inTransaction(handle.db, (tx) =>
			createArea(tx, desk, {
				code: "SR-1",
				name: "サーバ室",
				level: "strict",
				location: "本庁舎 地下1階",
				managerStaffId: manager,
			}),
		);
		await inTransaction(handle.db, (tx) =>
			grantPermit(tx, desk, area.id, { staffId: manager, untilOn: "2099-03-31" }),
		);
	} finally {
		await handle.db.destroy();
	}
}

test("a card reader's CSV with an unauthorised entry is imported and the entry is flagged", async () => {
	const adminContext = await context();
	const admin = await watchedPage(adminContext);
	const password = server.oneTimePasswords.saga;
	assert.ok(password, "the server printed a one-time password for saga");
	await firstLogin(admin.page, server.url, "saga", password);
	const api = await apiAs(admin.page);
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "johosei",
		name: "情報政策課",
		kind: "section",
		parentId: null,
	});
	const managerOtp = await addUser(server, "saga", "sr-kanri", [], { displayName: "管理 一郎" });
	await addUser(server, "saga", "sr-intruder", [], { displayName: "無断 次郎" });
	const accounts = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=sr-",
	);
	const idOf = (username: string) => {
		const found = accounts.items.find((a) => a.username === username);
		assert.ok(found, username);
		return found.id;
	};
	await api("POST", `/api/accounts/${idOf("sr-kanri")}/roles`, {
		role: "section_manager",
		orgUnitId: unit.id,
	});
	await serverRoom(idOf("sr-kanri"), idOf("sr-intruder"), unit.id);

	const kanri = await watchedPage(await context());
	await firstLoginAs(kanri.page, server.url, "saga", "sr-kanri", managerOtp);
	const page = kanri.page;
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "管理区域" })
		.click();
	await page.getByRole("heading", { level: 1, name: "管理区域" }).waitFor();
	await page.getByRole("button", { name: "入退室記録を取り込む" }).click();
	const dialog = page.getByRole("dialog");
	const day = japanDate(new Date(Date.now() - 86_400_000));
	const header = "区域コード,入室日時,退室日時,職員番号,来訪者氏名,来訪者所属,同行職員番号";
	await dialog.locator('input[type="file"]').setInputFiles({
		name: "入退室記録.csv",
		mimeType: "text/csv",
		buffer: Buffer.from(
			encodeShiftJis(
				`${header}\r\nSR-1,${day} 08:30,${day} 09:00,7001,,,\r\nSR-1,${day} 22:10,${day} 22:40,7002,,,\r\n`,
			),
		),
	});
	await dialog.getByRole("button", { name: "確認する" }).click();
	await dialog.getByText("新しい入室 2 件、記録済み 0 件", { exact: false }).waitFor();
	await dialog.getByRole("button", { name: "取り込む", exact: true }).click();
	await dialog.getByText("取り込みました。", { exact: false }).waitFor();
	await dialog.getByRole("button", { name: "キャンセル" }).click();
	await dialog.waitFor({ state: "detached" });

	// The month of the entries: the unauthorised one is flagged, the manager's is not.
	await page.getByLabel("対象月").fill(day.slice(0, 7));
	await page.getByRole("button", { name: "表示", exact: true }).click();
	const flagged = page.getByTestId("secure-area-flags").locator("tbody tr");
	await flagged.first().waitFor();
	assert.equal(await flagged.count(), 1);
	assert.match(
		(await flagged.first().textContent()) ?? "",
		/SR-1 サーバ室.*無断 次郎（7002）.*入室許可なし/,
	);

	// The area's day shows both entries, the unauthorised one flagged.
	await page.getByRole("link", { name: "サーバ室" }).click();
	await page.getByRole("heading", { level: 1, name: "SR-1 サーバ室" }).waitFor();
	await page.getByLabel("日付").fill(day);
	await page.getByRole("button", { name: "表示", exact: true }).click();
	const rows = page.getByTestId("area-entries").locator("tbody tr");
	await rows.nth(1).waitFor();
	assert.deepEqual(
		await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-flags"))),
		["", "not_permitted"],
	);

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(kanri.problems, []);
});
