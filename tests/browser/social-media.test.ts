import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";
import { putOnRoster } from "./roster.ts";

/**
 * Done-when (c) of the official social-media accounts: in Saga (whose policy has the provision)
 * a 課長 registers an account and, as the approver the pack names (the section manager), approves
 * it; the Kitakyushu tenant (no such provision) has no menu entry and no such page.
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

test("Saga: a 課長 registers an official account and approves it as the pack's approver", async () => {
	const adminContext = await context();
	const admin = await watchedPage(adminContext);
	const password = server.oneTimePasswords.saga;
	assert.ok(password, "the server printed a one-time password for saga");
	await firstLogin(admin.page, server.url, "saga", password);
	const api = await apiAs(admin.page);

	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "koho",
		name: "広報広聴課",
		kind: "section",
		parentId: null,
	});
	const kachoOtp = await addUser(server, "saga", "koho-kacho", [], { displayName: "広報 太郎" });
	const found = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=koho-kacho",
	);
	const kachoAccount = found.items.find((a) => a.username === "koho-kacho");
	assert.ok(kachoAccount);
	await api("POST", `/api/accounts/${kachoAccount.id}/roles`, {
		role: "section_manager",
		orgUnitId: unit.id,
	});
	await putOnRoster(server, { accountId: kachoAccount.id, unitId: unit.id, title: "課長" });

	const kacho = await watchedPage(await context());
	await firstLoginAs(kacho.page, server.url, "saga", "koho-kacho", kachoOtp);
	await kacho.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "公式SNSアカウント" })
		.click();
	await kacho.page.getByRole("heading", { level: 1, name: "公式SNSアカウント" }).waitFor();
	await kacho.page.getByRole("button", { name: "アカウントを登録" }).first().click();
	const form = kacho.page.getByRole("dialog");
	await form.getByText("承認者（ポリシーの定め）：情報セキュリティ管理者").waitFor();
	await form.getByLabel("所管課").selectOption({ label: "広報広聴課" });
	await form.getByLabel("サービス").fill("X");
	await form.getByLabel("アカウント名").fill("@saga_city_koho");
	await form.getByLabel("目的", { exact: true }).fill("市政情報と災害・防災情報の発信");
	await form.getByLabel("責任者（課長）").selectOption({ label: "広報 太郎（課長）" });
	await form.getByLabel("運用手順（ポリシー文書）").selectOption({ index: 1 });
	await form
		.getByLabel("発信してよい内容")
		.fill("イベント、災害・防災情報、市政のお知らせに限る。個人への返信はしない。");
	await form.getByLabel("広報 太郎（課長）").check();
	await form.getByLabel("多要素認証を設定している").check();
	await form.getByRole("button", { name: "登録する" }).click();

	await kacho.page.getByRole("heading", { level: 1, name: "X @saga_city_koho" }).waitFor();
	const state = kacho.page.getByTestId("social-account-state");
	assert.equal(await state.textContent(), "登録");
	await kacho.page.getByRole("button", { name: "承認を申請" }).click();
	await state.filter({ hasText: "承認申請中" }).waitFor();
	await kacho.page.getByRole("button", { name: "承認", exact: true }).click();
	await kacho.page.getByRole("dialog").getByLabel(/^理由/).fill("運用手順と発信内容を確認した。");
	await kacho.page.getByRole("dialog").getByRole("button", { name: "承認する" }).click();
	await state.filter({ hasText: /^承認$/ }).waitFor();
	assert.match(
		(await kacho.page.getByTestId("social-account-decision").textContent()) ?? "",
		/情報セキュリティ管理者/,
	);

	// The register lists it as approved, with its responsible person and MFA.
	await kacho.page.getByRole("link", { name: "公式SNSアカウントの一覧へ" }).click();
	const row = kacho.page.getByRole("table", { name: "公式SNSアカウント" }).locator("tbody tr");
	await row.first().waitFor();
	assert.equal(await row.count(), 1);
	assert.match(
		(await row.first().textContent()) ?? "",
		/@saga_city_koho.*承認.*広報広聴課.*広報 太郎.*有効/,
	);

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(kacho.problems, []);
});

test("Kitakyushu: no menu entry and no such page, even for the CISO", async () => {
	const otp = await addUser(server, "kitakyushu", "k-ciso", ["ciso"]);
	const ciso = await watchedPage(await context());
	await firstLoginAs(ciso.page, server.url, "kitakyushu", "k-ciso", otp);
	const menu = ciso.page.getByRole("navigation", { name: "メインメニュー" });
	await menu.getByRole("link", { name: "例外措置" }).waitFor();
	assert.equal(await menu.getByRole("link", { name: "公式SNSアカウント" }).count(), 0);
	await ciso.page.goto(`${server.url}/social-media`);
	await ciso.page.getByRole("heading", { level: 1, name: "ページが見つかりません" }).waitFor();
	const response = await ciso.page.request.get("/api/social-media/accounts");
	assert.equal(response.status(), 404);
	assert.equal(((await response.json()) as { code: string }).code, "not_found");
	assert.deepEqual(
		ciso.problems.filter((p) => !p.includes("404")),
		[],
	);
});
