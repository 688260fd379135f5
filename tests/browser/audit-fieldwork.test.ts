import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import type { AppDeps } from "../../src/deps.ts";
import { findAccountByUsername } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { makeAssuranceAudit } from "../helpers/assurance-audit-world.ts";
import { bundledChecklistId } from "../helpers/checklist-world.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { assertAccessible } from "./axe.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLoginAs } from "./policy-helpers.ts";

/**
 * Part 3 of issue 15 on a phone-sized screen: the lead auditor picks the audit checklist,
 * records a いいえ with a note and an evidence file for the audited unit, raises it as a
 * finding graded 重大, and downloads the audit report as PDF.
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

/** An audit of 総務課 in fieldwork, led by `username`; the bundled audit checklist added. */
async function seed(username: string): Promise<string> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps: AppDeps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, "demo");
		assert.ok(tenant, "the demo tenant exists after first start");
		const lead = await findAccountByUsername(deps.db, tenant.id, username);
		assert.ok(lead);
		const soumu = await makeOrgUnit(deps, tenant, { name: "総務課" });
		await bundledChecklistId(deps, tenant.id, "standard.audit");
		const audit = await makeAssuranceAudit(deps, tenant, {
			leadId: lead.id,
			unitIds: [soumu.id],
			state: "fieldwork",
		});
		return audit.id;
	} finally {
		await handle.db.destroy();
	}
}

test("the lead picks the checklist, records a いいえ with evidence, raises it and downloads the report", async () => {
	const password = await addUser(server, "demo", "kansa-lead", ["auditor"], {
		displayName: "佐藤 花子",
	});
	const auditId = await seed("kansa-lead");
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		viewport: { width: 390, height: 844 },
		acceptDownloads: true,
	});
	const { page, problems } = await watchedPage(context);
	await firstLoginAs(page, server.url, "demo", "kansa-lead", password);
	await page.goto(`${server.url}/assurance/audits/${auditId}`);
	await page.getByRole("heading", { level: 1, name: "令和7年度 情報セキュリティ監査" }).waitFor();
	assert.equal((await page.getByTestId("audit-checklist").textContent()) ?? "", "未指定");

	await page.getByRole("button", { name: "チェックリストを指定" }).click();
	const picker = page.getByLabel("監査で使うチェックリスト");
	await picker.waitFor();
	assert.match(
		(await picker.locator("option:checked").textContent()) ?? "",
		/情報セキュリティ監査チェックリスト（標準）（第1版・最新/,
	);
	await page.getByRole("button", { name: "指定する" }).click();
	await page
		.getByRole("status")
		.filter({ hasText: "監査チェックリストを指定しました。" })
		.waitFor();
	assert.equal(
		(await page.getByTestId("audit-checklist").textContent()) ?? "",
		"情報セキュリティ監査チェックリスト（標準）（第1版）",
	);

	const item = page.getByTestId("fieldwork-item-1.1-2");
	await item.waitFor();
	await item.getByRole("radio", { name: "いいえ" }).check();
	await item.getByLabel("監査所見").fill("委員会の議事録が作成されていない");
	await item.getByLabel("証跡ファイル（10 MB まで）").setInputFiles({
		name: "議事録一覧.txt",
		mimeType: "text/plain",
		buffer: Buffer.from("令和7年度 委員会 開催記録なし", "utf8"),
	});
	await item.getByRole("button", { name: "記録する" }).click();
	await page.getByRole("status").filter({ hasText: "1.1-2 の結果を記録しました。" }).waitFor();
	await item.getByRole("button", { name: "議事録一覧.txt をダウンロード" }).waitFor();
	assert.match(
		(await page.getByTestId("fieldwork-totals").textContent()) ?? "",
		/はい 0・いいえ 1・該当なし 0/,
	);

	await item.getByLabel("重大度").selectOption({ label: "重大" });
	await item.getByRole("button", { name: "指摘事項として登録" }).click();
	await item.getByTestId("fieldwork-finding").waitFor();
	assert.match(
		(await item.getByTestId("fieldwork-finding").textContent()) ?? "",
		/指摘事項 F-\d{4}-\d{4}（重大・未対応）/,
	);
	await assertAccessible(page, "the audit's fieldwork with a result, evidence and a finding");
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
	);
	assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow} px over)`);

	const [report] = await Promise.all([
		page.waitForEvent("download"),
		page.getByRole("button", { name: "監査報告書（PDF）" }).click(),
	]);
	assert.match(report.suggestedFilename(), /^情報セキュリティ監査報告書_.*\.pdf$/);
	const text = pdfText(new Uint8Array(await readFile(await report.path()))) ?? "";
	const flat = text.replace(/\s+/g, "");
	assert.match(flat, /総務課/);
	assert.match(flat, /重大/);
	assert.match(flat, /佐藤花子（監査責任者）/);

	assert.deepEqual(problems, []);
	await context.close();
});
