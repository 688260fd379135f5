import assert from "node:assert/strict";
import { resolve } from "node:path";
import type { TestContext } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { A11yWorld } from "./a11y-world.ts";
import { assertAccessible, checkDialog, checkState } from "./axe.ts";
import { focused, tabThroughDialog, tabThroughRegion, tabUntil } from "./keyboard.ts";

/**
 * The accessibility walk's screens that only show after a step: decisions and their
 * confirmations, editors, previews and results. Each is checked by axe and tabbed through: every
 * control of it must take keyboard focus.
 */

const EXAMPLES = resolve(import.meta.dirname, "../../examples/network");

export interface Walk {
	t: TestContext;
	page: Page;
	world: A11yWorld;
	/** Go to a path of the app and wait until its page settled. */
	visit(path: string): Promise<void>;
}

const button = (page: Page, name: string | RegExp) =>
	page.getByRole("button", { name, exact: true });

/** A confirmation (or any dialog) checked, then tabbed through to its last button. */
async function checkConfirmation(walk: Walk, name: string, opener: string | RegExp, last: string) {
	await checkDialog(walk.t, walk.page, name, button(walk.page, opener), () =>
		tabThroughDialog(walk.page, last),
	);
}

/** By keyboard alone: the skip link, the menu, the ledger's primary action and its dialog. */
export async function ledgerKeyboard(walk: Walk): Promise<void> {
	const { page } = walk;
	await walk.t.test(
		"keyboard: skip link, menu, the ledger's primary action, its dialog",
		async () => {
			await walk.visit("/");
			await page.keyboard.press("Tab");
			assert.equal((await focused(page)).name, "本文へ移動", "the skip link comes first");
			const nav = 'nav[aria-label="メインメニュー"]';
			await tabUntil(page, (f) => f.inside && f.name === "情報資産台帳", { max: 60, within: nav });
			await page.keyboard.press("Enter");
			await page.getByRole("heading", { level: 1, name: "情報資産管理台帳" }).waitFor();
			// Focus stays on the menu link: Tab goes through the rest of the menu first.
			await tabUntil(page, (f) => f.name === "資産を登録", { max: 40, within: "main" });
			await page.keyboard.press("Enter");
			const dialog = page.locator("dialog[open]");
			await dialog.waitFor();
			try {
				await tabThroughDialog(page, "保存");
			} finally {
				await page.keyboard.press("Escape");
				await dialog.waitFor({ state: "detached" });
			}
			assert.equal((await focused(page)).name, "資産を登録", "focus returns to the opener");
		},
	);
}

/** Account administration: a password reissue and the one-time password it shows; a 2FA reset. */
export async function accountScreens(walk: Walk): Promise<void> {
	const { page } = walk;
	await walk.visit(`/accounts/${walk.world.enrolledAccountId}`);
	await checkConfirmation(walk, "reset-2FA confirmation", "二要素認証をリセット", "キャンセル");
	await checkDialog(
		walk.t,
		page,
		"password reissue",
		button(page, "パスワードを再発行"),
		async () => {
			await tabThroughDialog(page, "キャンセル");
			await page
				.locator("dialog[open]")
				.getByRole("button", { name: "パスワードを再発行", exact: true })
				.click();
			await page.getByTestId("one-time-password").waitFor();
			await assertAccessible(page, "the one-time password after a reissue", "dialog[open]");
			await tabThroughDialog(page, "閉じる");
		},
	);
}

/**
 * A published version's list of those who have not acknowledged it; the draft text editor; the
 * approval's confirmation of a version in review.
 */
export async function policyScreens(walk: Walk): Promise<void> {
	const { page } = walk;
	await walk.visit(`/policies/versions/${walk.world.publishedVersionId}`);
	await checkState(walk.t, page, "policy acknowledgement: those who have not", async () => {
		await page
			.locator("summary")
			.filter({ hasText: /^未確認者/ })
			.click();
		await page.locator("details[open] li").first().waitFor();
	});
	await walk.visit(`/policies/versions/${walk.world.draftVersionId}`);
	await checkState(walk.t, page, "policy draft editor", async () => {
		await button(page, "本文を編集").click();
		await page.locator("form.draft-editor").waitFor();
	});
	await walk.t.test("keyboard: the draft editor", () =>
		tabThroughRegion(page, "form.draft-editor"),
	);
	await walk.visit(`/policies/versions/${walk.world.reviewVersionId}`);
	await walk.t.test("keyboard: a version in review", () => tabThroughRegion(page, "main"));
	await checkConfirmation(walk, "policy approve", "承認する", "キャンセル");
}

/** Take-out request form of an asset at hand; the confirmation that closes a disposal record. */
export async function custodyScreens(walk: Walk): Promise<void> {
	const { page, world } = walk;
	await walk.visit(`/assets/${world.carriableAssetId}/custody`);
	await checkState(walk.t, page, "take-out request form", async () => {
		await button(page, "持ち出しを申請").click();
		await button(page, "申請する").waitFor();
	});
	await walk.t.test("keyboard: the take-out request form", () =>
		tabThroughRegion(page, "[data-testid=take-out-panel]"),
	);
	await walk.visit(`/assets/${world.disposalAssetId}/custody`);
	await checkConfirmation(walk, "disposal close", /を完了する$/, "キャンセル");
}

/** A release request's decision form (as the unit's section manager), and both confirmations. */
export async function mailScreens(walk: Walk): Promise<void> {
	const { page } = walk;
	await walk.visit("/mail");
	const form = "tr[data-request] form";
	await page.locator(form).first().getByLabel("判断の理由").fill("業務上の必要を確認した");
	await walk.t.test("keyboard: the release decision form", () => tabThroughRegion(page, form));
	await checkConfirmation(walk, "mail release approve", "承認して送付", "キャンセル");
	await checkConfirmation(walk, "mail release refuse", "却下", "キャンセル");
}

/**
 * The network page with a violating model loaded: its editor's dialogs, a selected flow; then the
 * model saved, and a firewall export's preview against it.
 */
export async function networkScreens(walk: Walk): Promise<void> {
	const { t, page } = walk;
	await walk.visit("/network");
	await checkState(t, page, "network model imported", async () => {
		await page
			.getByLabel("構成ファイル（YAML / JSON）")
			.setInputFiles(`${EXAMPLES}/violations.yaml`);
		await button(page, "読み込む").click();
		await page.getByRole("status").filter({ hasText: "violations.yaml" }).waitFor();
	});
	for (const what of ["セグメント", "ノード", "ゲートウェイ", "通信"]) {
		await checkDialog(t, page, `network add ${what}`, button(page, `${what}を追加`));
	}
	await checkDialog(t, page, "network edit", button(page, "編集").first());
	await checkDialog(t, page, "network delete", button(page, "削除").first());
	await checkState(t, page, "network flow selected", async () => {
		await page.locator('.network-flow[data-verdict="violation"]').first().focus();
		await page.keyboard.press("Enter");
	});
	await checkState(t, page, "network finding's technical details", async () => {
		await page.locator("details.network-technical summary").first().click();
		await page.locator("details.network-technical[open] li").first().waitFor();
	});
	const form = "form:has(#network-firewall-file)";
	await checkState(walk.t, page, "network firewall import preview", async () => {
		await button(page, "構成を保存").click();
		await page.getByRole("status").filter({ hasText: "構成を保存しました" }).waitFor();
		await page
			.getByLabel("ファイアウォールのルール（CSV / Excel）")
			.setInputFiles(`${EXAMPLES}/firewall-rules.csv`);
		await page.locator(form).getByRole("button", { name: "プレビュー", exact: true }).click();
		await page
			.locator(form)
			.getByText(/^読み込んだ通信/)
			.waitFor();
	});
	await walk.t.test("keyboard: the firewall import", () => tabThroughRegion(page, form));
}

/** An open policy review, its inputs, ratings and decision. */
export async function reviewScreens(walk: Walk): Promise<void> {
	const { page } = walk;
	await walk.visit("/policy-reviews");
	await checkState(walk.t, page, "policy review detail", async () => {
		await button(page, "開く").first().click();
		await page.locator(".review-detail").waitFor();
	});
	await walk.t.test("keyboard: the policy review", () => tabThroughRegion(page, ".review-detail"));
}

/** The tenant's settings, saved. */
export async function settingsScreens(walk: Walk): Promise<void> {
	const { page } = walk;
	await walk.visit("/settings");
	await walk.t.test("keyboard: the tenant settings", () => tabThroughRegion(page, "main form"));
	await checkState(walk.t, page, "tenant settings saved", async () => {
		await button(page, "保存").click();
		await page.getByRole("status").filter({ hasText: "設定を保存しました" }).waitFor();
	});
}

/**
 * The roster applied, and the one-time passwords of the accounts it made. Last of the walk: the
 * roster leaves out the walk's other staff, whose accounts it disables.
 */
export async function rosterPasswords(walk: Walk, file: Uint8Array): Promise<void> {
	const { page } = walk;
	await walk.visit("/roster");
	await checkState(walk.t, page, "roster applied, its one-time passwords", async () => {
		await page.getByLabel("名簿ファイル").setInputFiles({
			name: "roster.xlsx",
			mimeType: "application/octet-stream",
			buffer: Buffer.from(file),
		});
		await button(page, "プレビュー").click();
		await button(page, "適用する").click();
		await page.locator("dialog[open]").getByRole("button", { name: "適用する" }).click();
		await page.getByRole("heading", { level: 2, name: "新規アカウントの初期パスワード" }).waitFor();
	});
	await walk.t.test("keyboard: the one-time passwords", () =>
		tabThroughRegion(page, "section.roster-passwords"),
	);
}

/**
 * A member of staff without roles, in a context of their own: the Forbidden page of an
 * administration page, and every page their menu offers.
 */
export async function staffScreens(
	t: TestContext,
	browser: Browser,
	baseURL: string,
	world: A11yWorld,
): Promise<void> {
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL });
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(10_000);
		await page.goto("/");
		await page.getByLabel("団体").selectOption("demo");
		await page.getByLabel("ユーザー名").fill(world.staffUsername);
		await page.getByLabel("パスワード").fill(world.staffPassword);
		await button(page, "ログイン").click();
		const nav = page.getByRole("navigation", { name: "メインメニュー" });
		await nav.waitFor();
		await t.test("page: the Forbidden page (staff on /accounts)", async () => {
			await page.goto("/accounts");
			await page.getByRole("heading", { level: 1, name: "表示する権限がありません" }).waitFor();
			await assertAccessible(page, "the Forbidden page");
			await tabThroughRegion(page, "main");
		});
		const paths = await nav
			.getByRole("link")
			.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
		for (const path of paths) {
			await t.test(`page as staff: ${path}`, async () => {
				await page.goto(path);
				await page.locator("main h1").first().waitFor();
				await page.waitForLoadState("networkidle");
				await assertAccessible(page, `the page ${path} as staff`);
			});
		}
	} finally {
		await context.close();
	}
}
