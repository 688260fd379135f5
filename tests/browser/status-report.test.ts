import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import type { AppDeps } from "../../src/deps.ts";
import { findAccountByUsername } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { fiscalYear, formatFiscalYear } from "../../src/shared/dates.ts";
import { makeFinding } from "../helpers/finding-world.ts";
import { caseAt } from "../helpers/incident-history.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";

/**
 * The yearly status report from its screen: the CISO picks the fiscal year and downloads the
 * PDF, which reads back in Japanese with the year's figures (issue 15: "the yearly status report
 * PDF reads back in Japanese with the year's figures").
 */

const YEAR = fiscalYear(new Date().toISOString());
const WAREKI = formatFiscalYear(YEAR, "wareki");
const UNINTENTIONAL =
	loadBundledPack("standard").threats.find((t) => t.code === "unintentional")?.label.ja ?? "";

let server: RunningServer;
let browser: Browser;

/** The demo tenant's administrator is also the CISO; two cases and a finding of this year. */
async function makeYear(): Promise<void> {
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
		const admin = await findAccountByUsername(deps.db, tenant.id, "admin");
		assert.ok(admin, "the demo tenant has its administrator");
		await grantRole(deps, tenant.id, admin.id, "ciso", null);
		const unit = await makeOrgUnit(deps, tenant, { name: "情報政策課" });
		for (const at of [`${YEAR}-05-12T01:00:00Z`, `${YEAR}-06-02T01:00:00Z`]) {
			await caseAt(
				deps,
				tenant.id,
				at,
				{},
				{
					triage: {
						at: new Date(Date.parse(at) + 3_600_000).toISOString(),
						input: {
							category: "unintentional",
							severity: 2,
							people: 0,
							dataKinds: [],
							unitIds: [],
						},
					},
				},
			);
		}
		await makeFinding(deps, tenant.id, unit.id, "open");
	} finally {
		await handle.db.destroy();
	}
}

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
	await makeYear();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

test("status report: the CISO picks the year and downloads the PDF, which reads back in Japanese", async () => {
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const { page } = await watchedPage(context);
	await firstLogin(
		page,
		server.url,
		"demo",
		server.oneTimePasswords.demo ?? server.oneTimePassword,
	);
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "年次状況報告" })
		.click();
	await page.getByRole("heading", { level: 1, name: "情報セキュリティ対策の状況報告" }).waitFor();
	await page.getByLabel("対象年度").selectOption(String(YEAR));
	assert.match(
		(await page.getByLabel("対象年度").locator("option:checked").textContent()) ?? "",
		new RegExp(`^${WAREKI}（${YEAR}年度）$`, "u"),
	);

	const [download] = await Promise.all([
		page.waitForEvent("download"),
		page.getByRole("button", { name: "PDFで出力" }).click(),
	]);
	assert.match(
		download.suggestedFilename(),
		new RegExp(`^情報セキュリティ対策状況報告_${WAREKI}_\\d{8}\\.pdf$`, "u"),
	);
	const text = pdfText(await readFile(await download.path()));
	assert.ok(text !== null, "pdftotext (poppler-utils) is needed to read the PDF back");
	const flat = text.replace(/\s+/gu, " ");
	assert.ok(flat.includes(`情報セキュリティ対策の状況報告（${WAREKI}（${YEAR}年度））`), flat);
	assert.ok(flat.includes("8. インシデント"));
	assert.ok(flat.includes("4. 情報セキュリティ研修"));
	assert.ok(flat.includes("実施した研修（件） 0"));
	assert.match(flat, /報告された事案（件） 2 /u);
	assert.match(flat, new RegExp(`区分: ${UNINTENTIONAL} 2 `, "u"));
	assert.match(flat, /指摘事項（件） 1 未完了（件） 1 完了（件） 0 /u);
});
