import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { type ParsedMail, simpleParser } from "mailparser";
import type { Browser, Locator, Page } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { findAccountByUsername } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { grantRole, type Sink, startSink } from "../helpers/mail-world.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Incident response in the browser: a member of staff reports a lost USB stick with 150
 * residents' data from a phone, the CSIRT triages it, the reporting chain is told (in the app, and
 * by mail through a real SMTP server standing in for Mamori's, `MAMORI_SMTP_URL`), the unit's
 * 情報セキュリティ管理者 acknowledges, the case shows the PPC obligation with both due dates, the
 * CSIRT gives the clerk a task (done from the clerk's task list), keeps an evidence file with its
 * SHA-256 and downloads the draft report as a PDF that reads back in Japanese, a
 * filing is recorded, and the severe case closes only after 再発防止 is filled.
 */

let sink: Sink;
let server: RunningServer;
let browser: Browser;
const MANAGER_MAIL = "sato-kanri@city.example.jp";
const CISO_MAIL = "takahashi-ciso@city.example.jp";

before(async () => {
	sink = await startSink();
	process.env.MAMORI_SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
	// The chain's mails are scheduler jobs: the server looks for due jobs often.
	process.env.MAMORI_JOBS_POLL_MS = "200";
	server = await startServer();
	browser = await launchBrowser();
});

after(async () => {
	await browser?.close();
	await server?.stop();
	await sink?.close();
	delete process.env.MAMORI_SMTP_URL;
	delete process.env.MAMORI_JOBS_POLL_MS;
});

/**
 * 市民課, and `username` made its 情報セキュリティ管理者: a per-unit role, which the CLI leaves to
 * the web UI, given here through the use cases on the server's own database (beside it).
 */
async function makeUnitManager(username: string): Promise<void> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, "demo");
		assert.ok(tenant, "the demo tenant exists after first start");
		const unit = await makeOrgUnit(deps, tenant, { name: "市民課" });
		const account = await findAccountByUsername(deps.db, tenant.id, username);
		assert.ok(account, `${username} was added`);
		await grantRole(deps, tenant.id, account.id, "section_manager", unit.id);
	} finally {
		await handle.db.destroy();
	}
}

/** The sink's mails about `reference` to each of `addresses`, as they arrive (others are passed over). */
async function chainMails(addresses: readonly string[], reference: string) {
	const found = new Map<string, ParsedMail>();
	while (found.size < addresses.length) {
		const mail = await sink.next();
		const parsed = await simpleParser(mail.raw);
		if (!parsed.subject?.includes(reference)) continue;
		for (const to of mail.to) if (addresses.includes(to)) found.set(to, parsed);
	}
	return found;
}

/** Ask again until `check` holds: for what the scheduler does after the request that caused it. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
	while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The text a person sees in an element. */
const shown = async (locator: Locator) => (await locator.allInnerTexts()).join("\n");

const heading = (page: Page, name: string) =>
	page.getByRole("heading", { level: 1, name, exact: true });

/** A day `days` after today in Japan, YYYY-MM-DD. */
const japanDayAfter = (days: number) =>
	new Date(Date.now() + (9 + days * 24) * 3600 * 1000).toISOString().slice(0, 10);

const CAUSE = "暗号化していないUSBメモリで個人情報を持ち出し、電車の網棚に置き忘れた。";
const TASK = "警察への遺失届の提出";
const EVIDENCE = new TextEncoder().encode(
	"2025-11-30 08:55 VPN 切断\n2025-11-30 09:10 接続記録なし\n",
);

test("a lost USB stick with 150 residents' data: reported on a phone, triaged by the CSIRT, a task, evidence, the draft report, the PPC due dates, closed only with 再発防止", async (t) => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };

	// The administrator's first login makes the tenant usable; then a clerk and a CSIRT member.
	const adminContext = await browser.newContext(options);
	const admin = await watchedPage(adminContext);
	await firstLogin(admin.page, server.url, "demo", server.oneTimePasswords.demo ?? "");
	const clerkOtp = await addUser(server, "demo", "shokuin-usb");
	const csirtOtp = await addUser(server, "demo", "csirt-usb", ["csirt"]);
	// The chain of the standard pack: 市民課's 情報セキュリティ管理者 and the CISO, both with a
	// mail address; nobody holds 情報セキュリティ責任者 or 統括.
	const managerOtp = await addUser(server, "demo", "kanri-usb", [], {
		displayName: "佐藤 一郎",
		email: MANAGER_MAIL,
	});
	await addUser(server, "demo", "ciso-usb", ["ciso"], {
		displayName: "高橋 花子",
		email: CISO_MAIL,
	});
	await makeUnitManager("kanri-usb");

	// The clerk reports from a phone (390 px wide), starting on Home.
	const phone = await browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
	const clerk = await watchedPage(phone);
	await firstLoginAs(clerk.page, server.url, "demo", "shokuin-usb", clerkOtp);
	const home = clerk.page.getByRole("region", { name: "インシデントの報告" });
	await home.getByRole("link", { name: "インシデントを報告" }).click();
	await heading(clerk.page, "インシデントの報告").waitFor();
	const form = clerk.page.getByRole("form", { name: "インシデントの報告" });
	const noticed = await form.getByLabel("気付いた日時").inputValue();
	assert.match(noticed, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "when noticed defaults to now");
	assert.equal(
		await clerk.page.evaluate(() => document.documentElement.scrollWidth),
		390,
		"nothing of the form runs off a 390 px screen",
	);
	await form
		.getByLabel("何が起きたか")
		.fill(
			"住民150人分の氏名と住所が入ったUSBメモリを、出張先から戻る電車の中でなくしました。暗号化はしていません。",
		);
	await form.getByLabel("個人情報が含まれるおそれがある").check();
	await form.getByRole("button", { name: "報告する" }).click();
	const receipt = clerk.page.getByRole("status").filter({ hasText: "報告を受け付けました" });
	await receipt.waitFor();
	const reference = /INC-\d{4}-\d{4}/.exec((await receipt.textContent()) ?? "")?.[0];
	assert.ok(reference, "the receipt names the case's reference");
	await clerk.page.getByRole("link", { name: "自分の報告" }).last().click();
	await heading(clerk.page, "自分の報告").waitFor();
	const mine = clerk.page.getByRole("table", { name: "自分の報告" });
	const myRow = mine.getByRole("row").filter({ hasText: reference });
	await myRow.getByText("報告受付").waitFor();
	assert.deepEqual(clerk.problems, []);

	// The CSIRT member finds it in the case list, filters it, and opens it.
	const desk = await browser.newContext(options);
	const csirt = await watchedPage(desk);
	const { page } = csirt;
	await firstLoginAs(page, server.url, "demo", "csirt-usb", csirtOtp);
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "インシデント対応", exact: true })
		.click();
	await heading(page, "インシデント事案").waitFor();
	await page.getByLabel("状態").selectOption({ label: "報告受付" });
	await page.waitForURL(/[?&]state=reported/);
	const cases = page.getByRole("table", { name: "インシデント事案" });
	const caseRow = cases.getByRole("row").filter({ hasText: reference });
	await caseRow.getByText("なし").waitFor();
	await caseRow.getByRole("link", { name: reference }).click();
	await page.getByRole("heading", { level: 1, name: new RegExp(reference) }).waitFor();
	const ppc = page.locator('[data-obligation="ppc_personal_information"]');
	await ppc.getByText("報告は不要").waitFor();

	// Triage: 150 people, 個人情報 (already ticked: the clerk said personal data may be involved),
	// the day the city knew set to Sunday 30 November 2025.
	await page.getByRole("button", { name: "トリアージする" }).click();
	const triage = page.getByRole("dialog", { name: "トリアージ" });
	await triage
		.getByLabel("区分")
		.selectOption({ label: "非意図的な要因（違反・不備・ミス・故障）" });
	await triage.getByLabel("重大度").selectOption({ label: "大（3）" });
	await triage.getByLabel("優先度").selectOption({ label: "高" });
	await triage.getByLabel("団体が知った日").fill("2025-11-30");
	await triage.getByLabel("本人の数（人）").fill("150");
	await triage.getByLabel("市民課").check();
	assert.equal(await triage.getByLabel("個人情報", { exact: true }).isChecked(), true);
	await triage.getByLabel("原因", { exact: true }).fill(CAUSE);
	await triage.getByRole("button", { name: "保存" }).click();
	await triage.waitFor({ state: "detached" });
	await page.getByTestId("incident-state").getByText("対応中").waitFor();
	assert.equal(await page.getByTestId("incident-people").textContent(), "150 人");
	assert.equal(await page.getByTestId("incident-data-kinds").textContent(), "個人情報");
	assert.equal(await page.getByTestId("incident-cause").textContent(), CAUSE);

	// The reporting chain is told: 市民課's manager and the CISO, in the app; the roles nobody
	// holds are named. The CSIRT member triaged and is not told of their own triage.
	const chain = page.getByTestId("incident-chain");
	const told = chain.getByTestId("incident-chain-people");
	const managerRow = told.getByRole("row").filter({ hasText: "佐藤 一郎" });
	const cisoRow = told.getByRole("row").filter({ hasText: "高橋 花子" });
	await managerRow.waitFor();
	assert.match(await shown(managerRow), /情報セキュリティ管理者[\s\S]*市民課[\s\S]*トリアージ/);
	assert.match(await shown(cisoRow), /最高情報セキュリティ責任者（CISO）[\s\S]*トリアージ/);
	assert.equal(await told.locator('tbody tr[data-acknowledged="no"]').count(), 2);
	assert.match(await shown(chain), /窓口: CSIRT/);
	assert.match(await shown(chain), /重大度 3 以上で 2 時間以内に確認がなければ CISO へ上げる/);
	assert.deepEqual(await chain.getByTestId("incident-chain-gaps").locator("li").allInnerTexts(), [
		"市民課の情報セキュリティ責任者 が割り当てられていないため連絡できませんでした",
		"統括情報セキュリティ責任者 が割り当てられていないため連絡できませんでした",
	]);
	assert.equal(await chain.getByRole("button", { name: "確認しました" }).count(), 0);
	const notice = page.getByTestId("incident-timeline").locator('[data-kind="chain_notified"]');
	assert.match(await shown(notice), /報告経路に連絡[\s\S]*理由: トリアージ/);
	assert.match(await shown(notice), /佐藤 一郎（市民課の情報セキュリティ管理者）/);

	// The mails go out after the triage's commit, as scheduler jobs: both arrive at the SMTP
	// server, with the reference, severity and a link, never what happened.
	const caseId = /\/incidents\/([^/?#]+)$/.exec(page.url())?.[1] ?? "";
	assert.ok(caseId, "the case page's address names the case");
	const mails = await chainMails([MANAGER_MAIL, CISO_MAIL], reference);
	const toManager = mails.get(MANAGER_MAIL);
	assert.equal(toManager?.subject, `【インシデント連絡】${reference}（重大度: 大）`);
	assert.match(toManager?.text ?? "", /佐藤 一郎 様/);
	assert.match(toManager?.text ?? "", /情報セキュリティ管理者としてお知らせします/);
	assert.ok(toManager?.text?.includes(`/incidents/${caseId}`), "the mail links to the case");
	for (const mail of mails.values()) {
		assert.doesNotMatch(mail.text ?? "", /USBメモリ|住民150人/, "what happened stays in Mamori");
	}
	// Each mail is recorded as sent once the SMTP server accepted it; the chain then says so.
	const api = await apiAs(page);
	await eventually(async () => {
		const view = await api<{ notifications: { mailedAt: string | null }[] }>(
			"GET",
			`/api/incidents/${caseId}/chain`,
		);
		return view.notifications.every((n) => n.mailedAt !== null);
	});
	await page.reload();
	await managerRow.getByText(/メール送信済み/).waitFor();
	await cisoRow.getByText(/メール送信済み/).waitFor();

	// 市民課's manager signs in, sees the case counted on Home, opens it from the cases waiting
	// for them, and acknowledges.
	const managerContext = await browser.newContext(options);
	const manager = await watchedPage(managerContext);
	await firstLoginAs(manager.page, server.url, "demo", "kanri-usb", managerOtp);
	await manager.page
		.getByTestId("my-work")
		.getByRole("link", { name: "確認が必要なインシデントの連絡: 1 件" })
		.click();
	await heading(manager.page, "確認が必要なインシデント").waitFor();
	const waiting = manager.page
		.getByRole("table", { name: "確認が必要なインシデント" })
		.getByRole("row")
		.filter({ hasText: reference });
	// The list loads after its heading: wait for the row before reading it.
	await waiting.waitFor();
	assert.match(await shown(waiting), /大（3）[\s\S]*対応中[\s\S]*1 件/);
	await waiting.getByRole("link", { name: reference }).click();
	await manager.page.getByRole("heading", { level: 1, name: new RegExp(reference) }).waitFor();
	const managerChain = manager.page.getByTestId("incident-chain");
	const ownRow = managerChain
		.getByTestId("incident-chain-people")
		.getByRole("row")
		.filter({ hasText: "佐藤 一郎" });
	await ownRow.getByText("未確認").waitFor();
	await managerChain.getByRole("button", { name: "確認しました" }).click();
	await managerChain.getByRole("status").getByText("確認を記録しました。").waitFor();
	await ownRow.getByText("確認済み", { exact: true }).waitFor();
	assert.equal(await managerChain.getByRole("button", { name: "確認しました" }).count(), 0);
	await managerChain
		.getByTestId("incident-chain-people")
		.getByRole("row")
		.filter({ hasText: "高橋 花子" })
		.getByText("未確認")
		.waitFor();
	await manager.page
		.getByTestId("incident-timeline")
		.locator('[data-kind="acknowledged"]')
		.getByText(/佐藤 一郎/)
		.waitFor();
	// Nothing waits for them any more: Home counts nothing, the page says so.
	await manager.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "確認が必要なインシデント", exact: true })
		.click();
	await manager.page.getByTestId("incidents-to-acknowledge-empty").waitFor();
	await manager.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "ホーム", exact: true })
		.click();
	await manager.page.getByTestId("my-work").waitFor();
	assert.equal(
		await manager.page.getByRole("link", { name: /確認が必要なインシデントの連絡/ }).count(),
		0,
	);
	assert.deepEqual(manager.problems, []);
	await managerContext.close();

	// The PPC report is required, with why and both due dates: day 5 is Thu 4 December; day 30,
	// Mon 29 December, falls in the New Year closure and moves to Mon 5 January 2026.
	await ppc.getByText("報告が必要").waitFor();
	const obligation = await shown(ppc);
	assert.match(obligation, /個人情報の保護に関する法律/);
	assert.match(obligation, /本人の数が100人を超える（150人）（施行規則第43条第4号）/);
	const deadlines = ppc.getByTestId("incident-deadline");
	assert.equal(await deadlines.count(), 2);
	assert.match(
		await shown(deadlines.nth(0)),
		/速報[\s\S]*令和7年12月4日（団体が知った日を1日目として5日目/,
	);
	assert.match(
		await shown(deadlines.nth(1)),
		/確報[\s\S]*令和8年1月5日（団体が知った日を1日目として30日目/,
	);
	assert.match(await shown(deadlines.nth(0)), /期限超過/);

	// The CSIRT gives the clerk a task, due in a week (shown in the tenant's 和暦).
	const tasks = page.getByRole("region", { name: "対応の作業" });
	await tasks.getByText("まだ作業はありません。").waitFor();
	await tasks.getByRole("button", { name: "作業を追加" }).click();
	const taskDialog = page.getByRole("dialog", { name: "作業の追加" });
	await taskDialog.getByLabel("作業の内容").fill(TASK);
	await taskDialog.getByLabel("担当者").selectOption({ label: "shokuin-usb" });
	await taskDialog.getByLabel("期限").fill(japanDayAfter(7));
	await taskDialog.getByRole("button", { name: "保存" }).click();
	await taskDialog.waitFor({ state: "detached" });
	await tasks.getByRole("status").getByText(`作業「${TASK}」を追加しました。`).waitFor();
	const taskRow = tasks.getByRole("row").filter({ hasText: TASK });
	await taskRow.waitFor();
	assert.match(await shown(taskRow), /shokuin-usb[\s\S]*令和\d+年\d+月\d+日[\s\S]*未完了/);

	// An evidence file, kept with its SHA-256, shown as the server took it; it downloads intact.
	const sha256 = createHash("sha256").update(EVIDENCE).digest("hex");
	const evidence = page.getByRole("region", { name: "証跡ファイル" });
	await evidence.getByRole("button", { name: "証跡ファイルを追加" }).click();
	const upload = page.getByRole("dialog", { name: "証跡ファイルの追加" });
	await upload.getByText("1ファイル 10.0 MB まで").waitFor();
	await upload
		.getByLabel("ファイル", { exact: true })
		.setInputFiles({ name: "接続ログ.txt", mimeType: "text/plain", buffer: Buffer.from(EVIDENCE) });
	await upload.getByLabel(/説明/).fill("VPN の接続記録の抜粋");
	await upload.getByRole("button", { name: "追加する" }).click();
	await upload.waitFor({ state: "detached" });
	await evidence.getByRole("status").getByText(`SHA-256: ${sha256}`).waitFor();
	const fileRow = evidence.getByRole("row").filter({ hasText: "接続ログ.txt" });
	assert.equal(await fileRow.locator("code.sha256").textContent(), sha256);
	assert.match(await shown(fileRow), /VPN の接続記録の抜粋[\s\S]*csirt-usb/);
	const [kept] = await Promise.all([
		page.waitForEvent("download"),
		fileRow.getByRole("button", { name: /ダウンロード/ }).click(),
	]);
	assert.equal(kept.suggestedFilename(), "接続ログ.txt");
	assert.deepEqual(new Uint8Array(await readFile(await kept.path())), EVIDENCE);

	// The draft of the PPC report downloads as a PDF that reads back in Japanese.
	const draft = page.getByRole("region", { name: "漏えい等報告書の下書き" });
	const [pdf] = await Promise.all([
		page.waitForEvent("download"),
		draft.getByRole("button", { name: "下書きをダウンロード（PDF）" }).click(),
	]);
	assert.match(pdf.suggestedFilename(), new RegExp(`^漏えい等報告書案_${reference}_\\d{8}\\.pdf$`));
	const text = pdfText(new Uint8Array(await readFile(await pdf.path())));
	if (text === null) {
		t.diagnostic("pdftotext (poppler-utils) is not installed: the PDF's text was not read back");
	} else {
		const flat = text.replace(/\s+/g, "");
		for (const part of ["漏えい等報告書（案）", reference, "3本人の数", "150人", CAUSE]) {
			assert.ok(flat.includes(part), `the draft PDF holds ${part}`);
		}
	}

	// The clerk finds the task from Home, sees its case, and marks it done.
	await clerk.page.goto("/");
	await clerk.page.getByRole("link", { name: "担当しているインシデント対応の作業: 1 件" }).click();
	await heading(clerk.page, "担当している作業").waitFor();
	const myTask = clerk.page.getByRole("row").filter({ hasText: TASK });
	assert.equal(
		await myTask.getByRole("link", { name: reference }).getAttribute("href"),
		new URL(page.url()).pathname,
	);
	await myTask.getByRole("button", { name: "完了を記録" }).click();
	await clerk.page.getByRole("status").getByText(`作業「${TASK}」を完了にしました。`).waitFor();
	await clerk.page.getByText("担当している未完了の作業はありません。").waitFor();

	// The CSIRT sees it done; done tasks can be reopened by the CSIRT only.
	await page.reload();
	await taskRow.getByText(/完了（shokuin-usb）/).waitFor();
	await taskRow.getByRole("button", { name: "未完了に戻す" }).waitFor();

	// The preliminary report's filing is recorded; the final one stays due.
	await ppc.getByRole("button", { name: "速報の提出を記録" }).click();
	const filing = page.getByRole("dialog", { name: "個人情報保護委員会への速報の提出を記録" });
	await filing.getByLabel("提出日").fill("2025-12-03");
	await filing.getByLabel(/受付番号など/).fill("PPC-2025-0123");
	await filing.getByRole("button", { name: "記録する" }).click();
	await filing.waitFor({ state: "detached" });
	await deadlines.nth(0).getByText("令和7年12月3日 提出済み").waitFor();
	await page
		.getByTestId("incident-filings")
		.getByText(/PPC-2025-0123/)
		.waitFor();

	// The list shows the report due next: the final one, overdue.
	await page.getByRole("link", { name: "事案の一覧へ" }).click();
	await heading(page, "インシデント事案").waitFor();
	await page.getByLabel("状態").selectOption({ label: "すべて" });
	const listed = cases.getByRole("row").filter({ hasText: reference });
	await listed.getByText("個人情報保護委員会への確報: 令和8年1月5日").waitFor();
	assert.match(await shown(listed), /大（3）[\s\S]*重大/);
	await listed.getByRole("link", { name: reference }).click();
	await page.getByRole("heading", { level: 1, name: new RegExp(reference) }).waitFor();

	// Contain, recover, then close: refused until 再発防止 is filled, with the catalogue's reason.
	const move = async (button: string, state: string) => {
		await page.getByTestId("incident-actions").getByRole("button", { name: button }).click();
		const dialog = page.getByRole("dialog", { name: button });
		await dialog.getByRole("button", { name: button }).click();
		await dialog.waitFor({ state: "detached" });
		await page.getByTestId("incident-state").getByText(state, { exact: true }).waitFor();
	};
	await move("封じ込め済みにする", "封じ込め済み");
	await move("復旧済みにする", "復旧済み");
	await page.getByTestId("prevention-needed").waitFor();
	await page.getByTestId("incident-actions").getByRole("button", { name: "完了にする" }).click();
	const closing = page.getByRole("dialog", { name: "完了にする" });
	await closing.getByRole("button", { name: "完了にする" }).click();
	await closing
		.getByRole("alert")
		.getByText("重大度の高い事案は、再発防止策を記入してから完了してください。")
		.waitFor();
	await page.getByTestId("incident-state").getByText("復旧済み").waitFor();
	await closing
		.getByLabel("再発防止策")
		.fill("個人情報の持ち出しは暗号化機能付きのUSBメモリに限り、持ち出し簿で管理する。");
	await closing.getByRole("button", { name: "完了にする" }).click();
	await closing.waitFor({ state: "detached" });
	await page.getByTestId("incident-state").getByText("完了").waitFor();
	assert.match(
		(await page.getByTestId("incident-prevention").textContent()) ?? "",
		/暗号化機能付き/,
	);
	const timeline = page.getByTestId("incident-timeline");
	assert.deepEqual(
		await timeline
			.locator(":scope > li")
			.evaluateAll((items) => items.map((item) => item.getAttribute("data-kind"))),
		[
			"reported",
			"triaged",
			"chain_notified",
			"acknowledged",
			"task_created",
			"evidence_added",
			"task_completed",
			"filed",
			"contained",
			"recovered",
			"closed",
		],
	);
	assert.match(await shown(timeline.locator('[data-kind="closed"]')), /再発防止策を記録/);
	assert.match(
		await shown(timeline.locator('[data-kind="task_created"]')),
		new RegExp(`作業の追加[\\s\\S]*担当: shokuin-usb、期限: 令和[\\s\\S]*${TASK}`),
	);
	assert.match(
		await shown(timeline.locator('[data-kind="evidence_added"]')),
		new RegExp(`証跡ファイルの追加[\\s\\S]*接続ログ\\.txt[\\s\\S]*${sha256}`),
	);
	// A closed case has no more moves; its lessons may still become a risk in the register.
	const actions = page.getByTestId("incident-actions");
	assert.deepEqual(await actions.getByRole("button").allTextContents(), ["リスクとして登録"]);
	await actions.getByRole("button", { name: "リスクとして登録" }).click();
	const raising = page.getByRole("dialog", { name: "この事案からリスクを登録" });
	// The case's category, unit and severity (impact) are the risk's to start from.
	await raising.getByLabel("脅威", { exact: true }).waitFor();
	assert.notEqual(await raising.getByLabel("脅威", { exact: true }).inputValue(), "");
	assert.notEqual(await raising.getByLabel("所管", { exact: true }).inputValue(), "");
	await raising.getByRole("button", { name: "リスクを登録する" }).click();
	await raising.waitFor({ state: "detached" });
	const raised = page.getByTestId("incident-risk-raised");
	assert.match(await shown(raised), /リスク「.+」を台帳に登録しました。/);
	await timeline.locator('[data-kind="risk_raised"]').waitFor();
	await raised.getByRole("link", { name: "リスクを開く" }).click();
	await page.getByRole("heading", { level: 1 }).filter({ hasText: /USB/ }).waitFor();
	// The one refusal was the close without 再発防止 (its response and the browser's console line).
	const refusal = [/^HTTP 400: POST .*\/transitions$/, /status of 400 \(Bad Request\)/];
	assert.ok(csirt.problems.some((problem) => refusal[0]?.test(problem)));
	assert.deepEqual(
		csirt.problems.filter((problem) => !refusal.some((known) => known.test(problem))),
		[],
	);

	// The clerk sees the outcome among their reports.
	await clerk.page.goto("/incidents/mine");
	await myRow.getByText("完了").waitFor();
	assert.deepEqual(clerk.problems, []);
	assert.deepEqual(admin.problems, []);
});
