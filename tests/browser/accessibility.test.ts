import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { ROSTER_HEADERS } from "../../src/modules/org/roster/roster-format.ts";
import { writeXlsx } from "../../src/shared/tabular.ts";
import { cityLedgerXlsx } from "../helpers/city-ledger.ts";
import { SAMPLE_POLICY_TEXT } from "../helpers/documents-world.ts";
import { apiTokenPages, apiTokenScreens } from "./a11y-api-tokens.ts";
import { assuranceAuditScreens } from "./a11y-assurance-audits.ts";
import { campaignPages, campaignScreens } from "./a11y-assurance-campaigns.ts";
import { checklistScreens } from "./a11y-assurance-checklists.ts";
import { cloudServicePages, cloudServiceScreens } from "./a11y-cloud-services.ts";
import { contractPages, contractScreens } from "./a11y-contracts.ts";
import { directoryScreens } from "./a11y-directory.ts";
import { exceptionPages, exceptionScreens } from "./a11y-exceptions.ts";
import { findingPages, findingScreens } from "./a11y-findings.ts";
import { incidentScreens } from "./a11y-incidents.ts";
import { myNumberPages, myNumberScreens } from "./a11y-my-number.ts";
import {
	accountScreens,
	custodyScreens,
	ledgerKeyboard,
	mailScreens,
	networkScreens,
	policyScreens,
	reviewScreens,
	rosterPasswords,
	settingsScreens,
	staffScreens,
	type Walk,
} from "./a11y-screens.ts";
import { secureAreaPages, secureAreaScreens } from "./a11y-secure-areas.ts";
import { socialMediaPages, socialMediaScreens } from "./a11y-social-media.ts";
import { trainingPages, trainingScreens } from "./a11y-training.ts";
import { webhookPages, webhookScreens } from "./a11y-webhooks.ts";
import { type A11yWorld, makeA11yWorld } from "./a11y-world.ts";
import { assertAccessible, checkDialog, checkState } from "./axe.ts";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { NEW_PASSWORD } from "./login-flow.ts";
import { apiAs } from "./policy-helpers.ts";

/**
 * axe-core (WCAG 2.1 A and AA rules) on every page and every dialog of the web UI, signed in
 * once as the demo tenant's administrator (who also holds the CISO role here). A dialog is
 * checked on its own, then closed with Escape; focus must return to the button that opened it.
 * A new page goes into `pages`, a new dialog into the walk below; screens that show only after
 * a step (decisions, editors, previews, results) are in a11y-screens.ts.
 */

/** Every page of the UI, by path (the records' pages use the walk's records). */
function pages(world: A11yWorld): string[] {
	return [
		"/",
		"/account",
		"/accounts",
		`/accounts/${world.adminId}`,
		"/org-units",
		"/staff",
		"/roster",
		"/audit-log",
		"/policy-pack",
		"/policy-gap",
		"/policy-reviews",
		"/policies",
		`/policies/documents/${world.documentId}`,
		`/policies/versions/${world.publishedVersionId}`,
		`/policies/versions/${world.approvedVersionId}/diff?against=${world.publishedVersionId}`,
		`/policies/versions/${world.draftVersionId}`,
		`/policies/versions/${world.reviewVersionId}`,
		"/assets",
		`/assets/${world.assetId}`,
		`/assets/${world.assetId}/custody`,
		`/assets/${world.outAssetId}/custody`,
		`/assets/${world.disposalAssetId}/custody`,
		"/take-outs",
		"/disposals",
		"/risks",
		"/risks/heat-map",
		"/risks/overdue",
		`/risks/${world.riskId}`,
		"/drills",
		`/drills/${world.drillId}`,
		"/assurance/checklists",
		`/drills/${world.heldDrillId}`,
		"/assurance/audit-plans",
		"/assurance/audits",
		`/assurance/audits/${world.auditId}`,
		"/assurance/status-report",
		`/policies/documents/${world.planDocumentId}`,
		"/network",
		"/mail",
		`/mail/messages/${world.messageId}`,
		"/incidents",
		"/incidents/report",
		"/incidents/mine",
		"/incidents/tasks",
		"/incidents/to-acknowledge",
		`/incidents/${world.reportedIncidentId}`,
		`/incidents/${world.triagedIncidentId}`,
		...findingPages(world),
		...campaignPages(world),
		...exceptionPages(world),
		...socialMediaPages(world),
		...webhookPages(),
		...apiTokenPages(),
		"/directory",
		...myNumberPages(world),
		...secureAreaPages(world),
		...trainingPages(),
		...cloudServicePages(world),
		...contractPages(world),
		"/settings",
		"/no-such-page",
	];
}

let server: RunningServer;
let browser: Browser;
let world: A11yWorld;

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
	world = await makeA11yWorld(server);
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

/** Wait until the page's heading shows (signed in, in the app's frame) and its data arrived. */
async function settled(page: Page): Promise<void> {
	await page.locator("main h1").first().waitFor();
	await page.getByRole("navigation", { name: "メインメニュー" }).waitFor();
	await page.waitForLoadState("networkidle");
}

async function visit(page: Page, path: string): Promise<void> {
	await page.goto(`${server.url}${path}`);
	await settled(page);
}

test("axe: the sign-in screens, every page and every dialog have no critical or serious violation", async (t) => {
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const { page } = await watchedPage(context);
	page.setDefaultTimeout(10_000);
	const heading = (name: string) => page.getByRole("heading", { level: 1, name, exact: true });
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	const otp = server.oneTimePasswords.demo ?? "";

	// The first sign-in, each screen checked on the way.
	await page.goto(server.url);
	await heading("ログイン").waitFor();
	await assertAccessible(page, "the login page");
	await page.getByLabel("団体").selectOption("demo");
	await page.getByLabel("ユーザー名").fill("admin");
	await page.getByLabel("パスワード").fill(otp);
	await button("ログイン").click();
	await heading("パスワードの変更").waitFor();
	await assertAccessible(page, "the password change page");
	await page.getByLabel("現在のパスワード").fill(otp);
	await page.getByLabel("新しいパスワード", { exact: true }).fill(NEW_PASSWORD);
	await page.getByLabel("新しいパスワード（確認）").fill(NEW_PASSWORD);
	await button("パスワードを変更").click();
	await heading("二要素認証（TOTP）の登録").waitFor();
	await assertAccessible(page, "the TOTP enrolment page");
	const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
	const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
	await page.getByLabel("認証アプリに表示された6桁のコード").fill(totp.generate());
	await button("登録を完了").click();
	await heading("リカバリーコード").waitFor();
	await assertAccessible(page, "the recovery codes page");
	await page.getByLabel(/安全な場所に保管しました/).check();
	await button("保管しました。次へ進む").click();
	await heading("ホーム").waitFor();

	const api = await apiAs(page);
	const walk: Walk = { t, page, world, visit: (path) => visit(page, path) };
	for (const path of pages(world)) {
		await t.test(`page: ${path}`, async () => {
			await visit(page, path);
			// Home for the administrator: its backup card (no backup yet, so with its warning) is walked.
			if (path === "/") await page.getByTestId("backup-status").getByRole("alert").waitFor();
			await assertAccessible(page, `the page ${path}`);
		});
	}

	// Accounts: create (then its one-time password), edit, the confirmations, a role.
	await visit(page, "/accounts");
	await checkDialog(t, page, "account create", button("アカウントを作成"), async (dialog) => {
		await dialog.getByLabel("ユーザー名").fill("a11y.check");
		await dialog.getByLabel("氏名").fill("確認 太郎");
		await dialog.getByRole("button", { name: "作成" }).click();
		await page.getByRole("heading", { name: "初期パスワード" }).waitFor();
		await assertAccessible(page, "the dialog one-time password", "dialog[open]");
	});
	const created = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=a11y.check",
	);
	const accountId = created.items.find((a) => a.username === "a11y.check")?.id;
	assert.ok(accountId, "the account was created through the dialog");
	await visit(page, `/accounts/${accountId}`);
	await checkDialog(t, page, "account edit", button("基本情報を変更"));
	await checkDialog(t, page, "account disable", button("無効にする"));
	await checkState(t, page, "role assigned", async () => {
		await page.getByLabel("役割", { exact: true }).selectOption("csirt");
		await button("役割を割り当てる").click();
		await button(/^解除/).first().waitFor();
	});
	await checkDialog(t, page, "role revoke", button(/^解除/).first());

	// Organisation, staff and the roster import.
	await visit(page, "/org-units");
	await checkDialog(t, page, "org unit edit", button(/の変更$/).first());
	await visit(page, "/staff");
	await checkDialog(t, page, "staff edit", button(/の変更$/).first());
	await visit(page, "/roster");
	const units = await api<{ items: { code: string; kind: string }[] }>("GET", "/api/org-units");
	const unitCode = units.items[0]?.code ?? "";
	const row = ["9301", "確認 花子", "kakunin.hanako", "", "職員", unitCode, "", "", "", ""];
	const rosterFile = await writeXlsx([{ name: "名簿", header: [...ROSTER_HEADERS], rows: [row] }]);
	await checkState(t, page, "roster preview", async () => {
		await page.getByLabel("名簿ファイル").setInputFiles({
			name: "roster.xlsx",
			mimeType: "application/octet-stream",
			buffer: Buffer.from(rosterFile),
		});
		await button("プレビュー").click();
		await page.getByRole("heading", { level: 2, name: /^プレビュー：/ }).waitFor();
	});
	await checkDialog(t, page, "roster apply", button("適用する"));

	// Assets: register, import, edit, reclassify; take-out and disposal.
	await visit(page, "/assets");
	await checkDialog(t, page, "asset create", button("資産を登録"));
	await checkDialog(t, page, "asset import", button("一括取込み"), async (dialog) => {
		await dialog.locator('input[type="file"]').setInputFiles({
			name: "ledger.csv",
			mimeType: "text/csv",
			buffer: Buffer.from("資産番号,資産名\nX-1,\n"),
		});
		await dialog.getByRole("button", { name: "検査する" }).click();
		await dialog.getByRole("alert").or(dialog.getByRole("table")).first().waitFor();
		await assertAccessible(page, "the asset import dialog with its findings", "dialog[open]");
	});
	const cityLedger = await cityLedgerXlsx({ unitCode, codes: ["A11Y-1", "A11Y-2"] });
	await checkDialog(
		t,
		page,
		"asset import in the city's own layout",
		button("自団体の様式で取り込む"),
		async (dialog) => {
			await dialog.getByLabel("取込元の名前").fill("財政課台帳");
			await dialog.getByLabel("ファイル（XLSX または CSV）").setInputFiles({
				name: "台帳.xlsx",
				mimeType: "application/octet-stream",
				buffer: Buffer.from(cityLedger),
			});
			await dialog.getByRole("button", { name: "見出しを読み取る" }).click();
			await dialog.getByTestId("mapping-columns").waitFor();
			await assertAccessible(page, "the mapping screen with its proposal", "dialog[open]");
		},
	);
	await visit(page, `/assets/${world.assetId}`);
	await checkDialog(t, page, "asset edit", button("変更"));
	await checkDialog(t, page, "asset reclassify", button("格付けを変更"));
	await visit(page, "/take-outs");
	await checkDialog(t, page, "take-out approve", button("承認").first());
	await checkDialog(t, page, "take-out refuse", button("却下").first());
	await checkDialog(t, page, "take-out return", button("返却を記録").first());
	await visit(page, `/assets/${world.assetId}/custody`);
	await checkState(t, page, "disposal form", () => button("廃棄・返却を記録").click());

	// Risks.
	await visit(page, "/risks");
	await checkDialog(t, page, "risk create", button("リスクを登録"));
	await visit(page, `/risks/${world.riskId}`);
	await checkDialog(t, page, "risk edit", button("変更"));
	await checkDialog(t, page, "risk accept", button("受容する"));

	// Drills: plan one; hold, cancel, and record the lessons of another.
	await visit(page, "/drills");
	await checkDialog(t, page, "drill schedule", button("訓練を計画"));
	await visit(page, `/drills/${world.drillId}`);
	await checkDialog(t, page, "drill hold", button("実施を記録"), async (dialog) => {
		await dialog.getByLabel("外部の参加者・グループ名").fill("保守委託事業者");
		await dialog.getByRole("button", { name: "グループを追加" }).click();
		await dialog.getByRole("list", { name: "参加者の一覧" }).waitFor();
		await assertAccessible(page, "the drill hold dialog with a participant", "dialog[open]");
	});
	await checkDialog(t, page, "drill cancel", button("中止する"));
	await visit(page, "/policy-reviews");
	await checkState(t, page, "review with its drills", async () => {
		await button("開く").first().click();
		await page.getByRole("heading", { level: 3, name: "訓練の実施状況" }).waitFor();
		await page.getByTestId("review-drill-counts").waitFor();
	});
	await visit(page, `/drills/${world.heldDrillId}`);
	await checkDialog(t, page, "drill record", button("教訓を記録"), async (dialog) => {
		await dialog.getByRole("button", { name: "改善策を追加" }).click();
		await dialog.getByRole("group", { name: "1件目" }).waitFor();
		await assertAccessible(page, "the drill record dialog with a follow-up", "dialog[open]");
	});

	// Policy documents: upload a text, publish, edit a draft; the gap analysis and a review.
	await visit(page, `/policies/documents/${world.documentId}`);
	await checkDialog(
		t,
		page,
		"policy upload",
		button("テキストから改定案を作成"),
		async (dialog) => {
			await dialog.getByLabel(/^テキストファイル/).setInputFiles({
				name: "kitei.txt",
				mimeType: "text/plain",
				buffer: Buffer.from(SAMPLE_POLICY_TEXT),
			});
			await dialog.getByRole("button", { name: "取り込む" }).click();
			await dialog.getByRole("status").waitFor();
			await assertAccessible(page, "the policy upload dialog with its result", "dialog[open]");
		},
	);
	await visit(page, `/policies/versions/${world.approvedVersionId}`);
	await checkDialog(t, page, "policy publish", button("公開する"));
	await visit(page, "/policy-gap");
	await checkState(t, page, "gap analysis result", async () => {
		await page.getByLabel("基本方針のテキストファイル").setInputFiles({
			name: "kihon.txt",
			mimeType: "text/plain",
			buffer: Buffer.from(SAMPLE_POLICY_TEXT),
		});
		await button("分析する").click();
		await page.locator("tr[data-code]").first().waitFor();
	});

	// Network: a violating model, its editor dialogs, a selected flow, a firewall import.
	await networkScreens(walk);

	// Mail: the release request form of a message.
	await visit(page, `/mail/messages/${world.messageId}`);
	await checkState(t, page, "mail release request form", () =>
		button("原本の取出しを申請").first().click(),
	);

	await incidentScreens(walk);
	await checklistScreens(walk);
	await findingScreens(walk);
	await exceptionScreens(walk);
	await socialMediaScreens(walk);
	await webhookScreens(walk);
	await apiTokenScreens(walk);
	await directoryScreens(walk, server.url);
	await myNumberScreens(walk);
	await secureAreaScreens(walk);
	await cloudServiceScreens(walk);
	await contractScreens(walk);
	await assuranceAuditScreens(walk);
	await campaignScreens(walk);

	// Decisions and their confirmations, editors and results; the roster last (it disables the
	// walk's staff, who are not in it).
	await accountScreens(walk);
	await policyScreens(walk);
	await reviewScreens(walk);
	await custodyScreens(walk);
	await mailScreens(walk);
	await settingsScreens(walk);
	await rosterPasswords(walk, rosterFile);

	await ledgerKeyboard(walk);
	// After the roster import: the administrator joins the roster to owe a course with a quiz.
	await trainingScreens(walk);

	// Signing in again: the second-factor page.
	await button("ログアウト").click();
	await heading("ログイン").waitFor();
	await page.getByLabel("団体").selectOption("demo");
	await page.getByLabel("ユーザー名").fill("admin");
	await page.getByLabel("パスワード").fill(NEW_PASSWORD);
	await button("ログイン").click();
	await heading("二要素認証").waitFor();
	await assertAccessible(page, "the second-factor page");
	await context.close();

	// A member of staff: the Forbidden page, and their own menu's pages.
	await staffScreens(t, browser, server.url, world);
});
