import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { fiscalYear } from "../../src/shared/dates.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";
import { putOnRoster } from "./roster.ts";

/**
 * Done-when (a) of training: a member of staff takes an e-learning course, fails the quiz, then
 * passes it; the unit's completion rate the CISO sees moves from 0/2 to 1/2.
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

test("a member of staff fails the e-learning quiz, then passes it; the unit's rate moves", async () => {
	const admin = await watchedPage(await context());
	const password = server.oneTimePasswords.saga;
	assert.ok(password, "the server printed a one-time password for saga");
	await firstLogin(admin.page, server.url, "saga", password);
	const api = await apiAs(admin.page);
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "jinji",
		name: "人事課",
		kind: "section",
		parentId: null,
	});
	const staffOtp = await addUser(server, "saga", "kenshu-taro", [], { displayName: "研修 太郎" });
	await addUser(server, "saga", "kenshu-jiro", [], { displayName: "研修 次郎" });
	const accounts = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=kenshu",
	);
	for (const account of accounts.items)
		await putOnRoster(server, { accountId: account.id, unitId: unit.id, title: "主事" });

	const cisoOtp = await addUser(server, "saga", "kenshu-ciso", ["ciso"]);
	const ciso = await watchedPage(await context());
	await firstLoginAs(ciso.page, server.url, "saga", "kenshu-ciso", cisoOtp);
	const cisoApi = await apiAs(ciso.page);
	const year = fiscalYear(new Date().toISOString());
	await cisoApi("POST", "/api/training/courses", {
		fiscalYear: year,
		title: "情報セキュリティ基礎",
		kind: "e_learning",
		audience: "all_staff",
		dueOn: `${year + 1}-03-31`,
		passMark: 100,
		quiz: [
			{
				question: "不審なメールの添付ファイルを開いてしまったら",
				choices: ["そのまま業務を続ける", "ネットワークから切り離し、管理者に報告する"],
				answer: 1,
			},
			{
				question: "パスワードを付箋に書いて画面に貼ってよいか",
				choices: ["よくない", "よい"],
				answer: 0,
			},
		],
	});
	await ciso.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "研修・訓練" })
		.click();
	await ciso.page.getByRole("heading", { level: 1, name: "研修・訓練" }).waitFor();
	const unitRate = ciso.page
		.getByRole("table", { name: "課別の受講率" })
		.locator("tr", { hasText: "人事課" })
		.getByTestId("unit-rate");
	await unitRate.filter({ hasText: "0/2（0%）" }).waitFor();

	const staff = await watchedPage(await context());
	await firstLoginAs(staff.page, server.url, "saga", "kenshu-taro", staffOtp);
	await staff.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "わたしの研修" })
		.click();
	await staff.page.getByRole("heading", { level: 1, name: "わたしの研修" }).waitFor();
	const row = staff.page.locator("tr", { hasText: "情報セキュリティ基礎" });
	assert.equal(await row.getByTestId("my-status").textContent(), "未受講");
	await row.getByRole("button", { name: "確認テストを受ける" }).click();
	const quiz = staff.page.getByRole("dialog");
	await quiz.getByLabel("そのまま業務を続ける").check();
	await quiz.getByLabel("よくない").check();
	await quiz.getByRole("button", { name: "解答を送信" }).click();
	await quiz
		.getByRole("status")
		.filter({ hasText: "不合格です（50 点、合格点 100 点）" })
		.waitFor();

	// Failing recorded nothing: the rate stays.
	await ciso.page.reload();
	await unitRate.filter({ hasText: "0/2（0%）" }).waitFor();

	await quiz.getByLabel("ネットワークから切り離し、管理者に報告する").check();
	await quiz.getByRole("button", { name: "解答を送信" }).click();
	await quiz.getByRole("status").filter({ hasText: "合格です（100 点）" }).waitFor();
	await quiz.getByRole("button", { name: "閉じる" }).last().click();
	await row.getByTestId("my-status").filter({ hasText: "受講済" }).waitFor();
	assert.match((await row.textContent()) ?? "", /受験 2 回/);

	await ciso.page.reload();
	await unitRate.filter({ hasText: "1/2（50%）" }).waitFor();

	// The CISO changes the course: a change made meanwhile by someone else is reported, not
	// overwritten; after a reload the change saves, and the pass made before it still counts.
	await ciso.page.getByRole("link", { name: "情報セキュリティ基礎" }).click();
	await ciso.page.getByRole("heading", { level: 1, name: "情報セキュリティ基礎" }).waitFor();
	await ciso.page.getByRole("button", { name: "研修を変更" }).click();
	const change = ciso.page.getByRole("dialog");
	await change.getByLabel("研修名").fill("情報セキュリティ基礎（改訂）");
	const { items } = await cisoApi<{ items: { id: string; title: string }[] }>(
		"GET",
		"/api/training/courses",
	);
	const courseId = items.find((item) => item.title === "情報セキュリティ基礎")?.id;
	assert.ok(courseId);
	await cisoApi("PUT", `/api/training/courses/${courseId}`, {
		title: "情報セキュリティ基礎",
		description: "別の画面からの変更",
		kind: "e_learning",
		audience: "all_staff",
		dueOn: `${year + 1}-03-31`,
		passMark: 100,
		quiz: [
			{
				question: "不審なメールの添付ファイルを開いてしまったら",
				choices: ["そのまま業務を続ける", "ネットワークから切り離し、管理者に報告する"],
				answer: 1,
			},
			{
				question: "パスワードを付箋に書いて画面に貼ってよいか",
				choices: ["よくない", "よい"],
				answer: 0,
			},
		],
		version: 1,
	});
	await change.getByRole("button", { name: "変更を保存" }).click();
	await change.getByRole("alert").filter({ hasText: "ほかの人が先に変更しました" }).waitFor();
	await change.getByRole("button", { name: "キャンセル" }).click();
	await ciso.page.reload();
	await ciso.page.getByText("別の画面からの変更").waitFor();
	await ciso.page.getByRole("button", { name: "研修を変更" }).click();
	await change.getByLabel("研修名").fill("情報セキュリティ基礎（改訂）");
	await change.getByRole("button", { name: "変更を保存" }).click();
	await ciso.page
		.getByRole("heading", { level: 1, name: "情報セキュリティ基礎（改訂）" })
		.waitFor();
	assert.equal(await ciso.page.getByTestId("course-rate").textContent(), "1/2（50%）");

	assert.deepEqual(admin.problems, []);
	// The stale save, refused on purpose: its 409 and the browser's note of it, nothing else.
	const staleSave = (p: string) =>
		/^HTTP 409: PUT .*\/api\/training\/courses\//.test(p) ||
		/Failed to load resource: .* status of 409/.test(p);
	assert.equal(
		ciso.problems.filter((p) => p.startsWith("HTTP 409")).length,
		1,
		ciso.problems.join("\n"),
	);
	assert.deepEqual(
		ciso.problems.filter((p) => !staleSave(p)),
		[],
	);
	assert.deepEqual(staff.problems, []);
});
