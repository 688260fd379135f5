import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { type DbHandle, openDatabase } from "../../src/db/connection.ts";
import type { AppDeps } from "../../src/deps.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { currentTotp } from "../../src/modules/auth/totp.ts";
import { mailSettingsOf } from "../../src/modules/sanitize/gateway/mail-settings.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { type MadeAccount, makeAccount, TEST_PASSWORD } from "../helpers/factories.ts";
import {
	grantRole,
	makeGatewayMessage,
	pendingRelease,
	type Sink,
	setEmail,
	startSink,
} from "../helpers/mail-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";

/**
 * The release of a quarantined attachment, as people do it: the recipient finds the message the
 * gateway delivered without its attachment and asks for the original; the unit's security
 * manager approves with a reason; the file arrives by mail at the recipient (the test's SMTP
 * server stands in for Mamori's mail server, `MAMORI_SMTP_URL`). The gateway-fed message is put
 * into the server's database through the gateway's own use cases, beside the running server.
 */

let sink: Sink;
let server: RunningServer;
let browser: Browser;
let handle: DbHandle;
let recipient: MadeAccount;
let manager: MadeAccount;
let ciso: MadeAccount;
let deps: AppDeps;
let tenantId: string;
let unitId: string;
const ADDRESS = "jushin@city.example.jp";

before(async () => {
	sink = await startSink();
	process.env.MAMORI_SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
	server = await startServer();
	browser = await launchBrowser();
	handle = openDatabase({ dataDir: server.dataDir });
	deps = {
		db: handle.db,
		engine: handle.engine,
		config: { ...loadConfig({}), dataDir: server.dataDir },
		secrets: new SecretBox(loadSecretKey(server.dataDir)),
	};
	const tenant = await findTenantBySlug(deps.db, "demo");
	assert.ok(tenant, "the demo tenant exists after first start");
	tenantId = tenant.id;
	ciso = await makeAccount(deps, tenant, { username: "ciso", roles: ["ciso"] });
	const unit = await makeOrgUnit(deps, tenant, { name: "総務課" });
	unitId = unit.id;
	recipient = await makeStaff(deps, tenant, unit.id, { username: "jushin" });
	await setEmail(deps, tenant.id, recipient.id, ADDRESS);
	manager = await makeAccount(deps, tenant, { username: "kacho", totp: true });
	await grantRole(deps, tenant.id, manager.id, "section_manager", unit.id);
	await makeGatewayMessage(deps, tenant.id, ADDRESS, {
		subject: "契約書の送付",
		attachments: [
			{ filename: "keiyaku.txt", content: "契約書の原本テキスト", contentType: "text/plain" },
		],
	});
});

after(async () => {
	await browser?.close();
	await handle?.db.destroy();
	await server?.stop();
	await sink?.close();
	delete process.env.MAMORI_SMTP_URL;
});

async function login(page: Page, username: string, totpSecret: string | null) {
	const heading = (name: string) => page.getByRole("heading", { level: 1, name, exact: true });
	await page.goto(server.url);
	await heading("ログイン").waitFor();
	await page.getByLabel("団体").selectOption("demo");
	await page.getByLabel("ユーザー名").fill(username);
	await page.getByLabel("パスワード").fill(TEST_PASSWORD);
	await page.getByRole("button", { name: "ログイン" }).click();
	if (totpSecret) {
		await heading("二要素認証").waitFor();
		await page.getByLabel("認証コード").fill(currentTotp(totpSecret));
		await page.getByRole("button", { name: "確認" }).click();
	}
	await heading("ホーム").waitFor();
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "無害化通信" })
		.click();
	await heading("無害化通信").waitFor();
}

test("a recipient asks for a removed attachment; the unit's manager approves; the file is mailed", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };

	const recipientContext = await browser.newContext(options);
	const asRecipient = await watchedPage(recipientContext);
	const page = asRecipient.page;
	await login(page, "jushin", null);
	await page.getByRole("link", { name: "契約書の送付" }).click();
	await page.getByRole("heading", { level: 1, name: "契約書の送付" }).waitFor();
	const row = page.locator('tr[data-attachment="keiyaku.txt"]');
	await row.getByText("削除").waitFor();
	await row.getByRole("button", { name: "原本の取出しを申請" }).click();
	await row.getByLabel(/申請理由/).fill("契約内容の確認に必要です");
	await row.getByRole("button", { name: "申請する" }).click();
	await page.getByText("取出しを申請しました。").waitFor();
	await page.locator("tr[data-request]").getByText("承認待ち").waitFor();
	assert.deepEqual(asRecipient.problems, []);
	await recipientContext.close();

	const managerContext = await browser.newContext(options);
	const asManager = await watchedPage(managerContext);
	const managerPage = asManager.page;
	await login(managerPage, "kacho", manager.totpSecret);
	const request = managerPage.locator("tr[data-request]");
	await request.getByText("契約内容の確認に必要です").waitFor();
	await request.getByLabel(/判断の理由/).fill("業務上の必要性を確認した");
	await request.getByRole("button", { name: "承認して送付" }).click();
	// The decision cannot be undone: it is confirmed in a dialog that says so.
	const confirm = managerPage.getByRole("dialog", { name: "添付ファイルの原本を渡しますか" });
	await confirm.getByText("この決定は取り消せません。").waitFor();
	await confirm.getByRole("button", { name: "承認して送付" }).click();
	await managerPage.getByText("判断を記録しました。").waitFor();
	await managerPage.locator("tr[data-request]").getByText("承認").first().waitFor();
	await managerPage.locator("tr[data-request]").getByText("送付済み").waitFor();
	assert.deepEqual(asManager.problems, []);
	await managerContext.close();

	const mail = await sink.next();
	assert.deepEqual(mail.to, [ADDRESS]);
	const parsed = await simpleParser(mail.raw);
	assert.equal(parsed.attachments[0]?.filename, "keiyaku.txt");
	assert.equal(parsed.attachments[0]?.content.toString("utf8"), "契約書の原本テキスト");
});

test("the CISO changes the tenant's rule for PDFs and the limits; the settings are saved", async () => {
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const watched = await watchedPage(context);
	const page = watched.page;
	await login(page, "ciso", ciso.totpSecret);
	await page.getByRole("heading", { level: 2, name: "無害化の設定" }).waitFor();
	const rule = page.getByLabel("PDFの扱い");
	assert.equal(await rule.inputValue(), "sanitize");
	await rule.selectOption({ label: "削除" });
	// Never-delivered types offer only remove and hold.
	const exe = page.locator('tr[data-category="executable"] select option');
	assert.deepEqual(await exe.allTextContents(), ["削除", "保留"]);
	await page.getByLabel("PDFの最大ページ数").fill("80");
	await page.getByLabel("メール1通の最大サイズ").fill("20");
	await page.getByRole("button", { name: "設定を保存" }).click();
	await page.getByText("設定を保存しました。").waitFor();
	assert.deepEqual(watched.problems, []);
	await context.close();

	const settings = await mailSettingsOf(deps.db, tenantId);
	assert.equal(settings.policy.attachments.pdf, "remove");
	assert.equal(settings.policy.limits.maxPdfPages, 80);
	assert.equal(settings.policy.limits.maxMessageBytes, 20 * 1024 * 1024);
	const event = await deps.db
		.selectFrom("audit_events")
		.select("actor_id")
		.where("tenant_id", "=", tenantId)
		.where("type", "=", "mail.settings_changed")
		.executeTakeFirst();
	assert.equal(event?.actor_id, ciso.id);
});

test("an approved file that could not be mailed is resent by the approver", async () => {
	const tenant = await findTenantBySlug(deps.db, "demo");
	assert.ok(tenant);
	const { requestId } = await pendingRelease(deps, tenant, unitId);
	// A second manager of the unit: a TOTP code is not accepted twice in its time step.
	const deputy = await makeAccount(deps, tenant, { username: "kacho2", totp: true });
	await grantRole(deps, tenant.id, deputy.id, "section_manager", unitId);
	// Mamori's mail server is down while the manager approves.
	const port = sink.port;
	await sink.close();
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const watched = await watchedPage(context);
	const page = watched.page;
	await login(page, "kacho2", deputy.totpSecret);
	const row = page.locator(`tr[data-request="${requestId}"]`);
	await row.getByLabel(/判断の理由/).fill("業務上の必要性を確認した");
	await row.getByRole("button", { name: "承認して送付" }).click();
	await page.getByRole("dialog").getByRole("button", { name: "承認して送付" }).click();
	await page.getByText("判断を記録しました。").waitFor();
	await row.getByText("未送付").waitFor();

	sink = await startSink(port);
	await row.getByRole("button", { name: "再送" }).click();
	await page.getByText("ファイルを再送しました。").waitFor();
	await row.getByText("送付済み").waitFor();
	assert.equal(await row.getByRole("button", { name: "再送" }).count(), 0);
	assert.deepEqual(watched.problems, []);
	await context.close();
	const mail = await sink.next();
	assert.equal(mail.to.length, 1);
});
