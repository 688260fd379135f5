import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { fiscalYear } from "../../src/shared/dates.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";
import { putOnRoster } from "./roster.ts";

/**
 * 統括 plans an in-person course in the app, records one member of staff's attendance by hand
 * and the others' from a roster file through the import dialog (a wrong row first, then a good
 * file); the unit's rate moves 0/3 → 1/3 → 3/3. Before any of it, the member of staff sees the
 * course they owe on Home.
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

const csv = (lines: string[]) => ({
	name: "受講者名簿.csv",
	mimeType: "text/csv",
	buffer: Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8"),
});

test("統括 plans a course, records one attendance by hand and imports the rest; the unit's rate moves", async () => {
	const admin = await watchedPage(await context());
	const password = server.oneTimePasswords.saga;
	assert.ok(password, "the server printed a one-time password for saga");
	await firstLogin(admin.page, server.url, "saga", password);
	const api = await apiAs(admin.page);
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "zeimu",
		name: "税務課",
		kind: "section",
		parentId: null,
	});
	const staffOtp = await addUser(server, "saga", "shuugou-ichiro", [], {
		displayName: "集合 一郎",
	});
	await addUser(server, "saga", "shuugou-jiro", [], { displayName: "集合 次郎" });
	await addUser(server, "saga", "shuugou-saburo", [], { displayName: "集合 三郎" });
	const accounts = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=shuugou",
	);
	const numbers: Record<string, string> = {
		"shuugou-ichiro": "Z-001",
		"shuugou-jiro": "Z-002",
		"shuugou-saburo": "Z-003",
	};
	for (const account of accounts.items) {
		const number = numbers[account.username];
		assert.ok(number, `a staff number for ${account.username}`);
		await putOnRoster(server, {
			accountId: account.id,
			unitId: unit.id,
			staffNumber: number,
			title: "主事",
		});
	}

	const chiefOtp = await addUser(server, "saga", "shuugou-tokatsu", ["chief_officer"]);
	const chief = await watchedPage(await context());
	await firstLoginAs(chief.page, server.url, "saga", "shuugou-tokatsu", chiefOtp);
	await chief.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "研修・訓練" })
		.click();
	await chief.page.getByRole("heading", { level: 1, name: "研修・訓練" }).waitFor();
	await chief.page.getByRole("button", { name: "研修を計画" }).click();
	const plan = chief.page.getByRole("dialog", { name: "研修を計画" });
	const year = fiscalYear(new Date().toISOString());
	await plan.getByLabel("年度").selectOption(String(year));
	await plan.getByLabel("研修名").fill("情報セキュリティ集合研修");
	await plan.getByLabel("形式").selectOption({ label: "集合研修" });
	await plan.getByLabel("対象", { exact: true }).selectOption({ label: "全職員" });
	await plan.getByLabel("受講期限").fill(`${year + 1}-03-31`);
	await plan.getByRole("button", { name: "計画を保存" }).click();
	await chief.page.getByRole("heading", { level: 1, name: "情報セキュリティ集合研修" }).waitFor();
	const unitRate = chief.page
		.getByRole("table", { name: "この研修の課別受講率" })
		.locator("tr", { hasText: "税務課" })
		.getByTestId("course-unit-rate");
	await unitRate.filter({ hasText: "0/3（0%）" }).waitFor();

	// Before anything is recorded, the member of staff sees on Home the course they owe.
	const staff = await watchedPage(await context());
	await firstLoginAs(staff.page, server.url, "saga", "shuugou-ichiro", staffOtp);
	await staff.page.goto(`${server.url}/`);
	const owed = staff.page.getByTestId("home-training-owed");
	await owed.filter({ hasText: "情報セキュリティ集合研修" }).waitFor();
	assert.match((await owed.textContent()) ?? "", /期限 /u);

	// By hand: one member of staff, on a day of their attending.
	const attendees = chief.page.getByRole("table", { name: "対象者" });
	await attendees.getByRole("checkbox", { name: "集合 一郎 を選択" }).check();
	await chief.page.getByLabel("受講日").fill(`${year}-04-01`);
	await chief.page.getByRole("button", { name: "選択した 1 人の受講を記録" }).click();
	await chief.page.getByRole("status").filter({ hasText: "1 人の受講を記録しました" }).waitFor();
	await unitRate.filter({ hasText: "1/3（33.3%）" }).waitFor();
	await attendees
		.locator("tr", { hasText: "集合 一郎" })
		.getByTestId("attendee-status")
		.filter({ hasText: "手入力" })
		.waitFor();

	// The others from a roster file: a wrong row is told with its row and column, nothing is kept.
	await chief.page.getByRole("button", { name: "受講者名簿を取り込む" }).click();
	const dialog = chief.page.getByRole("dialog", { name: "受講者名簿の取込" });
	await dialog.getByLabel("ファイル").setInputFiles(csv(["職員番号,受講日", "Z-002,", "Z-999,"]));
	await dialog.getByRole("button", { name: "内容を確認" }).click();
	const result = dialog.getByTestId("import-result");
	await result.locator("tr", { hasText: "Z-999" }).waitFor();
	const wrong = result.locator("tr", { hasText: "Z-999" }).locator("td");
	assert.deepEqual((await wrong.allTextContents()).slice(0, 2), ["3", "職員番号"]);
	assert.equal(await dialog.getByRole("button", { name: "取り込む", exact: true }).count(), 0);

	await dialog
		.getByLabel("ファイル")
		.setInputFiles(csv(["職員番号,受講日", "Z-001,", "Z-002,", `Z-003,${year}-04-02`]));
	await dialog.getByRole("button", { name: "内容を確認" }).click();
	await result
		.filter({ hasText: "受講を記録する職員 2 人、受講済のため変更しない職員 1 人。" })
		.waitFor();
	await dialog.getByRole("button", { name: "取り込む", exact: true }).click();
	await result.filter({ hasText: "取り込みました。" }).waitFor();
	await dialog.getByRole("button", { name: "キャンセル" }).click();
	await unitRate.filter({ hasText: "3/3（100%）" }).waitFor();
	await attendees
		.locator("tr", { hasText: "集合 三郎" })
		.getByTestId("attendee-status")
		.filter({ hasText: "名簿取込" })
		.waitFor();

	// The year's list shows the unit's rate moved too.
	await chief.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "研修・訓練" })
		.click();
	await chief.page
		.getByRole("table", { name: "課別の受講率" })
		.locator("tr", { hasText: "税務課" })
		.getByTestId("unit-rate")
		.filter({ hasText: "3/3（100%）" })
		.waitFor();

	// Nothing left to owe: Home no longer lists the course.
	await staff.page.reload();
	await staff.page.getByRole("heading", { level: 1 }).first().waitFor();
	await staff.page.waitForLoadState("networkidle");
	assert.equal(await staff.page.getByTestId("home-training-owed").count(), 0);

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(chief.problems, []);
	assert.deepEqual(staff.problems, []);
});
