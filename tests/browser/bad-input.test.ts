import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Secret, TOTP } from "otpauth";
import type { Browser, Locator, Page } from "playwright-core";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin, NEW_PASSWORD } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Issue #20 "Japanese everywhere": every form of the Japanese UI is sent bad input, and what the
 * person sees is the catalogue's Japanese, naming the field by its label — never the validator's
 * English ("`code` does not match", "`parentId` not allowed under agency", "is not a level of").
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

/** Three English words in a row, or a phrase validators use: raw text that must not show. */
const ENGLISH_SENTENCE = /\b[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z]?[a-z]+){2,}/;
const VALIDATOR_PHRASE =
	/\b(?:expected|invalid|required|must|not allowed|does not match|too (?:big|small)|unrecognized|received|undefined)\b/i;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every text checked, with the form it came from, so a failure names the form. */
const checked: string[] = [];

function assertNoRawText(form: string, text: string): void {
	checked.push(form);
	assert.match(text, JAPANESE, `${form}: the message is in Japanese: ${text}`);
	assert.doesNotMatch(text, ENGLISH_SENTENCE, `${form}: English sentence on screen: ${text}`);
	assert.doesNotMatch(text, VALIDATOR_PHRASE, `${form}: validator wording on screen: ${text}`);
}

/**
 * Wait for the alert the bad input causes (with the expected catalogue text), then check every
 * alert on the page.
 */
async function expectRefusal(page: Page, form: string, expected: RegExp, scope?: Locator) {
	const where = scope ?? page;
	try {
		await where.getByRole("alert").filter({ hasText: expected }).first().waitFor();
	} catch (error) {
		const shown = await page.getByRole("alert").allInnerTexts();
		throw new Error(`${form}: no alert says ${expected}; alerts: ${JSON.stringify(shown)}`, {
			cause: error,
		});
	}
	for (const text of await page.getByRole("alert").allInnerTexts()) {
		if (text.trim() !== "") assertNoRawText(form, text);
	}
}

/** Let the server judge the input: the browser's own checks (required, min) are switched off. */
async function skipBrowserChecks(page: Page) {
	await page.locator("form").evaluateAll((forms) => {
		for (const form of forms) (form as HTMLFormElement).noValidate = true;
	});
}

async function open(page: Page, link: string, heading = link) {
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: link, exact: true })
		.click();
	await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

const heading = (page: Page, name: string) =>
	page.getByRole("heading", { level: 1, name, exact: true });

/** Login, password change and TOTP enrolment, each refused once before it succeeds. */
async function signInThroughRefusals(page: Page, tenant: string, oneTimePassword: string) {
	await page.goto(server.url);
	await heading(page, "ログイン").waitFor();
	await page.getByLabel("団体").selectOption(tenant);
	await page.getByLabel("ユーザー名").fill("admin");
	await page.getByLabel("パスワード").fill("not the password at all");
	await page.getByRole("button", { name: "ログイン" }).click();
	await expectRefusal(page, "login", /ユーザー名またはパスワードが正しくありません/);

	await skipBrowserChecks(page);
	await page.getByLabel("ユーザー名").fill("");
	await page.getByLabel("パスワード").fill("");
	await page.getByRole("button", { name: "ログイン" }).click();
	await expectRefusal(page, "login (empty)", /「ユーザー名」を入力してください/);

	await page.getByLabel("ユーザー名").fill("admin");
	await page.getByLabel("パスワード").fill(oneTimePassword);
	await page.getByRole("button", { name: "ログイン" }).click();

	await heading(page, "パスワードの変更").waitFor();
	await page.getByLabel("現在のパスワード").fill("wrong current password");
	await page.getByLabel("新しいパスワード", { exact: true }).fill(NEW_PASSWORD);
	await page.getByLabel("新しいパスワード（確認）").fill(NEW_PASSWORD);
	await page.getByRole("button", { name: "パスワードを変更" }).click();
	await expectRefusal(page, "password change", /現在のパスワードが正しくありません/);
	await page.getByLabel("現在のパスワード").fill(oneTimePassword);
	await page.getByLabel("新しいパスワード", { exact: true }).fill("password1234");
	await page.getByLabel("新しいパスワード（確認）").fill("password1234");
	await page.getByRole("button", { name: "パスワードを変更" }).click();
	await expectRefusal(page, "password change (common)", /よく使われるパスワード/);
	await page.getByLabel("新しいパスワード", { exact: true }).fill(NEW_PASSWORD);
	await page.getByLabel("新しいパスワード（確認）").fill(NEW_PASSWORD);
	await page.getByRole("button", { name: "パスワードを変更" }).click();

	await heading(page, "二要素認証（TOTP）の登録").waitFor();
	const shown = (await page.getByTestId("totp-secret").textContent()) ?? "";
	const secret = shown.replace(/\s/g, "");
	const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
	const right = totp.generate();
	const code = page.getByLabel("認証アプリに表示された6桁のコード");
	await code.fill(right === "000000" ? "111111" : "000000");
	await page.getByRole("button", { name: "登録を完了" }).click();
	await expectRefusal(page, "TOTP enrolment", /確認コードが一致しません/);
	await code.fill(totp.generate());
	await page.getByRole("button", { name: "登録を完了" }).click();
	await heading(page, "リカバリーコード").waitFor();
	await page.getByLabel(/安全な場所に保管しました/).check();
	await page.getByRole("button", { name: "保管しました。次へ進む" }).click();
	await heading(page, "ホーム").waitFor();
}

test("every form answers bad input in the catalogue's Japanese, never with validator English", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	const context = await browser.newContext(options);
	const { page, problems } = await watchedPage(context);
	await signInThroughRefusals(page, "saga", server.oneTimePasswords.saga ?? "");
	const api = await apiAs(page);

	// An org unit: a 課 directly under the agency is refused, naming both kinds.
	await open(page, "組織");
	const agency = await page.evaluate(async () => {
		const response = await fetch("/api/org-units", { credentials: "same-origin" });
		const { items } = (await response.json()) as { items: { id: string; kind: string }[] };
		return items.find((unit) => unit.kind === "agency")?.id ?? "";
	});
	assert.ok(agency, "the tenant has an agency");
	const orgForm = page.getByRole("form", { name: "組織を追加" });
	await orgForm.getByLabel("組織コード").fill("9999");
	await orgForm.getByLabel("名称").fill("試験課");
	await orgForm.getByLabel("種類").selectOption({ label: "課" });
	await orgForm.getByLabel("上位組織").selectOption(agency);
	await orgForm.getByRole("button", { name: "追加" }).click();
	await expectRefusal(page, "org unit", /「課」は「機関」の下には置けません/);

	// An account whose user name is taken.
	await open(page, "アカウント");
	await page.getByRole("button", { name: "アカウントを作成" }).click();
	const accountDialog = page.getByRole("dialog");
	await accountDialog.getByLabel("ユーザー名").fill("admin");
	await accountDialog.getByLabel("氏名").fill("重複 太郎");
	await accountDialog.getByRole("button", { name: "作成" }).click();
	await expectRefusal(page, "account", /「ユーザー名」は既に使われています/, accountDialog);
	await accountDialog.getByRole("button", { name: "キャンセル" }).click();

	// An asset with nothing filled in: each field is named by its label.
	await open(page, "情報資産台帳", "情報資産管理台帳");
	await page.getByRole("button", { name: "資産を登録" }).click();
	const assetDialog = page.getByRole("dialog");
	await skipBrowserChecks(page);
	await assetDialog.getByRole("button", { name: "保存" }).click();
	await expectRefusal(page, "asset", /「資産番号」を入力してください/, assetDialog);
	await page.keyboard.press("Escape");
	await assetDialog.waitFor({ state: "detached" });

	// Asset import: a classification outside Saga's scheme, in the file's row and column.
	const units = await api<{ items: { code: string; kind: string }[] }>("GET", "/api/org-units");
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit);
	const csv = [
		"資産番号,資産名,種別,所管課,ネットワーク区分,格付け",
		`BAD-1,住民記録,情報,${unit.code},LGWAN接続系,1`,
		`BAD-2,庁内文書,家具,${unit.code},宇宙,II`,
	].join("\r\n");
	await page.getByRole("button", { name: "一括取込み" }).click();
	const importDialog = page.getByRole("dialog");
	await importDialog.getByLabel("ファイル").setInputFiles({
		name: "ledger.csv",
		mimeType: "text/csv",
		buffer: Buffer.from(csv),
	});
	await importDialog.getByRole("button", { name: "検査する" }).click();
	const errors = importDialog.getByRole("table");
	await errors.getByText(/格付け「1」/).waitFor();
	for (const text of await errors.locator("tbody td").allInnerTexts()) {
		if (JAPANESE.test(text)) assertNoRawText("asset import", text);
		else assert.doesNotMatch(text, ENGLISH_SENTENCE, `asset import: ${text}`);
	}
	await page.keyboard.press("Escape");
	await importDialog.waitFor({ state: "detached" });

	// A risk with nothing filled in.
	await open(page, "リスク管理台帳");
	await page.getByRole("button", { name: "リスクを登録" }).click();
	const riskDialog = page.getByRole("dialog");
	await skipBrowserChecks(page);
	await riskDialog.getByRole("button", { name: "リスクを登録" }).click();
	await expectRefusal(
		page,
		"risk",
		/を入力してください|選んでください|正しくありません/,
		riskDialog,
	);
	await page.keyboard.press("Escape");
	await riskDialog.waitFor({ state: "detached" });

	// The policy text import (gap analysis): a PDF is named as such.
	await open(page, "ギャップ分析");
	await page.getByLabel("基本方針のテキストファイル").setInputFiles({
		name: "kihon.pdf",
		mimeType: "application/pdf",
		buffer: Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"),
	});
	await page.getByRole("button", { name: "分析する" }).click();
	await expectRefusal(page, "policy text import", /このファイルはPDFです/);

	assert.deepEqual(unexpected(problems), []);
	await context.close();
});

/** Refused requests are the point here; anything else going wrong is not. */
function unexpected(problems: readonly string[]): string[] {
	return problems.filter(
		(p) => !p.startsWith("HTTP 4") && !/Failed to load resource: .* status of 4\d\d/.test(p),
	);
}

test("take-out and mail settings forms refuse in Japanese too", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	const context = await browser.newContext(options);
	const { page, problems } = await watchedPage(context);
	const cisoPassword = await addUser(server, "demo", "ciso", ["ciso"]);
	await firstLoginAs(page, server.url, "demo", "ciso", cisoPassword);

	// A take-out of a C2 laptop without the protections its class requires.
	const admin = await browser.newContext(options);
	const watched = await watchedPage(admin);
	await firstLogin(watched.page, server.url, "demo", server.oneTimePasswords.demo ?? "");
	const adminApi = await apiAs(watched.page);
	const units = await adminApi<{ items: { id: string; kind: string }[] }>("GET", "/api/org-units");
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit);
	await adminApi("POST", "/api/assets", {
		code: "PC-BAD-1",
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
	await open(watched.page, "持ち出し");
	const choice = watched.page.getByLabel("資産", { exact: true });
	const label = await choice.locator("option").filter({ hasText: "PC-BAD-1" }).textContent();
	await choice.selectOption({ label: label ?? "" });
	await watched.page.getByLabel("目的").fill("説明会");
	await watched.page.getByLabel("持ち出し先").fill("公民館");
	await skipBrowserChecks(watched.page);
	await watched.page.getByRole("button", { name: "申請する" }).click();
	await expectRefusal(watched.page, "take-out", /暗号化しなければ持ち出せません/);

	assert.deepEqual(unexpected(watched.problems), []);
	await admin.close();

	// Mail settings: a retention of zero days.
	await open(page, "無害化通信");
	await page.getByRole("heading", { level: 2, name: "無害化の設定" }).waitFor();
	await skipBrowserChecks(page);
	await page.getByLabel("原本の保存期間").fill("0");
	await page.getByRole("button", { name: "設定を保存" }).click();
	await expectRefusal(page, "mail settings", /「原本の保存日数」は1以上にしてください/);

	assert.deepEqual(unexpected(problems), []);
	await context.close();
});

test("the walk reached every form it names", () => {
	for (const form of [
		"login",
		"password change",
		"TOTP enrolment",
		"org unit",
		"account",
		"asset",
		"asset import",
		"policy text import",
		"mail settings",
		"risk",
		"take-out",
	]) {
		assert.ok(checked.includes(form), `${form} was checked`);
	}
});
