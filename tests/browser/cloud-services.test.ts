import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Done-when of the cloud service register: a unit's 管理者 registers a service storing 機密性2
 * data and asks approval; the pack's approver (the 統括 in the standard pack) approves it up to
 * 機密性2; the 管理者 raises the stored data to 機密性3A, and the service is flagged.
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

test("a service approved up to 機密性2 is flagged once it stores 機密性3A data", async () => {
	const admin = await watchedPage(await context());
	await firstLogin(
		admin.page,
		server.url,
		"demo",
		server.oneTimePasswords.demo ?? server.oneTimePassword,
	);
	const api = await apiAs(admin.page);
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "jouhou",
		name: "情報政策課",
		kind: "section",
		parentId: null,
	});
	const managerOtp = await addUser(server, "demo", "kanri");
	const chiefOtp = await addUser(server, "demo", "toukatsu", ["chief_officer"]);
	const found = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=kanri",
	);
	const manager = found.items.find((a) => a.username === "kanri");
	assert.ok(manager);
	await api("POST", `/api/accounts/${manager.id}/roles`, {
		role: "section_manager",
		orgUnitId: unit.id,
	});

	// The 管理者 registers the service through the form and asks approval.
	const kanri = await watchedPage(await context());
	await firstLoginAs(kanri.page, server.url, "demo", "kanri", managerOtp);
	await kanri.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "クラウドサービス等" })
		.click();
	await kanri.page.getByRole("heading", { level: 1, name: "クラウドサービス等利用台帳" }).waitFor();
	await kanri.page.getByRole("button", { name: "サービスを登録" }).first().click();
	const form = kanri.page.getByRole("dialog");
	await form.getByLabel("サービス番号").fill("CS-001");
	await form.getByLabel("サービス名").fill("電子申請サービス");
	await form.getByLabel("提供事業者").fill("株式会社サンプル");
	await form.getByLabel("保存する情報", { exact: true }).fill("申請者の氏名・住所");
	await form.getByLabel("保存する情報の格付け").selectOption("C2");
	await form.getByLabel("ISMAP").selectOption("ismap");
	await form.getByLabel("データの保存場所").selectOption("japan");
	await form.getByLabel("SLA：稼働率").fill("99.9%");
	await form.getByLabel("契約にバックアップが含まれる").check();
	await form.getByRole("button", { name: "登録する" }).click();
	await kanri.page.getByRole("heading", { level: 1, name: "CS-001 電子申請サービス" }).waitFor();
	assert.equal(await kanri.page.getByTestId("cloud-service-state").textContent(), "登録中");
	await kanri.page.getByRole("button", { name: "承認を申請" }).click();
	await kanri.page.getByTestId("cloud-service-state").filter({ hasText: "承認申請中" }).waitFor();
	const serviceUrl = kanri.page.url();

	// The 統括 approves it up to 機密性2.
	const chief = await watchedPage(await context());
	await firstLoginAs(chief.page, server.url, "demo", "toukatsu", chiefOtp);
	await chief.page.goto(serviceUrl);
	await chief.page.getByRole("button", { name: "承認", exact: true }).click();
	const decide = chief.page.getByRole("dialog");
	await decide.getByLabel("承認する格付けの上限").selectOption("C2");
	await decide.getByLabel(/^理由/).fill("ISMAP登録と国内保存を確認した。");
	await decide.getByRole("button", { name: "承認する" }).click();
	await chief.page.getByTestId("cloud-service-state").filter({ hasText: "承認済み" }).waitFor();
	assert.equal(await chief.page.getByTestId("cloud-service-max").textContent(), "C2");

	// The 管理者 raises the stored data to 機密性3A: the service is flagged.
	await kanri.page.reload();
	await kanri.page.getByTestId("cloud-service-state").filter({ hasText: "承認済み" }).waitFor();
	await kanri.page.getByRole("button", { name: "編集", exact: true }).click();
	const edit = kanri.page.getByRole("dialog");
	await edit.getByLabel("保存する情報の格付け").selectOption("C3A");
	await edit.getByRole("button", { name: "保存する" }).click();
	await kanri.page.getByTestId("cloud-service-level").filter({ hasText: "C3A" }).waitFor();
	const flags = kanri.page.getByTestId("cloud-service-flags");
	await flags.getByText(/承認された上限（C2）を超えています/).waitFor();

	// The list shows it among the flagged services.
	await chief.page.goto("/cloud-services?flagged=true");
	const row = chief.page.locator("tr[data-cloud-service]");
	await row.filter({ hasText: "CS-001" }).getByText("承認を超える格付け").waitFor();
	assert.equal(await row.count(), 1);

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(kanri.problems, []);
	assert.deepEqual(chief.problems, []);
});
