import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { expireExceptions } from "../../src/modules/exceptions/expire-exceptions.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { dayFromToday } from "../helpers/exception-world.ts";
import { sampleNetworkModel } from "../helpers/network-world.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Done-when (a) of 例外措置: a 管理者 requests an exception for an LGWAN flow; the CISO approves
 * it for three months; the network page shows the flow as 例外 with the reference; after its end
 * date (the daily job run as of the day after) it is a violation again.
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

/** The verdict cell of the flow's row in the network page's flows table. */
async function flowVerdict(page: Page, flow: string): Promise<string> {
	await page.goto(`${server.url}/network`);
	const table = page.getByRole("table", { name: "通信" });
	const row = table
		.locator("tbody tr")
		.filter({ has: page.getByRole("button", { name: flow, exact: true }) });
	await row.waitFor();
	return ((await row.locator("td").last().textContent()) ?? "").trim();
}

test("an LGWAN flow under an approved exception is 例外 with its reference, then a violation after the end", async () => {
	const adminContext = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const admin = await watchedPage(adminContext);
	await firstLogin(
		admin.page,
		server.url,
		"demo",
		server.oneTimePasswords.demo ?? server.oneTimePassword,
	);
	const api = await apiAs(admin.page);

	// The model: the sample, plus an LGWAN terminal reaching an Internet server directly.
	const model = sampleNetworkModel("デモ市 ネットワーク");
	model.flows.push({
		id: "f-lgwan",
		source: "lg-pc",
		destination: "mail",
		protocol: "https",
		port: 443,
		purpose: "旧システムの更新確認",
	});
	const stored = await api<{ revision: number }>("GET", "/api/network/model");
	const response = await admin.page.request.fetch("/api/network/model", {
		method: "PUT",
		headers: {
			"x-csrf-token": (
				(await (await admin.page.request.get("/api/auth/session")).json()) as { csrfToken: string }
			).csrfToken,
			"content-type": "application/json",
		},
		data: JSON.stringify({ model, baseRevision: stored.revision }),
	});
	assert.ok(response.ok(), await response.text());

	// A unit, its 情報セキュリティ管理者 and the CISO.
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "jouhou",
		name: "情報政策課",
		kind: "section",
		parentId: null,
	});
	const managerOtp = await addUser(server, "demo", "kanri");
	const cisoOtp = await addUser(server, "demo", "ciso", ["ciso"]);
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

	// The 管理者 requests the exception through the form.
	const managerContext = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const kanri = await watchedPage(managerContext);
	await firstLoginAs(kanri.page, server.url, "demo", "kanri", managerOtp);
	await kanri.page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "例外措置" })
		.click();
	await kanri.page.getByRole("heading", { level: 1, name: "例外措置" }).waitFor();
	await kanri.page.getByRole("button", { name: "例外を申請" }).first().click();
	const form = kanri.page.getByRole("dialog");
	await form.getByText("決定者（ポリシーの定め）：最高情報セキュリティ責任者（CISO）").waitFor();
	await form
		.getByLabel("対象の条項・規則")
		.fill("対策基準 3.2(1) LGWAN接続系とインターネット接続系の分離");
	await form
		.getByLabel("例外の内容（規定と異なる取扱い）")
		.fill("LGWAN系端末から更新確認のため外部サーバへ直接接続する。");
	await form.getByLabel("理由", { exact: true }).fill("旧システムの更新が来年度になるため。");
	await form.getByLabel("代替措置").fill("接続先を1台に限定し、通信ログを毎日確認する。");
	await form.getByLabel(/^対象の通信/).fill("f-lgwan");
	const start = dayFromToday(0);
	const end = dayFromToday(91);
	await form.getByLabel("開始日").fill(start);
	await form.getByLabel("終了日").fill(end);
	await form.getByRole("button", { name: "申請する" }).click();
	const reference = kanri.page.getByRole("heading", { level: 1, name: /^例外-R\d+-\d{4}$/ });
	await reference.waitFor();
	const ref = (await reference.textContent()) ?? "";
	assert.equal(await kanri.page.getByTestId("exception-state").textContent(), "申請中");
	const exceptionUrl = kanri.page.url();

	// Before the decision, the flow is a plain violation.
	const cisoContext = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const ciso = await watchedPage(cisoContext);
	await firstLoginAs(ciso.page, server.url, "demo", "ciso", cisoOtp);
	assert.match(await flowVerdict(ciso.page, "f-lgwan"), /^違反 1件$/);

	// The CISO approves it for three months.
	await ciso.page.goto(exceptionUrl);
	await ciso.page.getByRole("heading", { level: 1, name: ref }).waitFor();
	await ciso.page.getByRole("button", { name: "承認", exact: true }).click();
	await ciso.page.getByRole("dialog").getByLabel(/^理由/).fill("代替措置を確認した。");
	await ciso.page.getByRole("dialog").getByRole("button", { name: "承認する" }).click();
	await ciso.page.getByTestId("exception-state").filter({ hasText: "承認" }).waitFor();
	assert.match((await ciso.page.getByTestId("exception-decision").textContent()) ?? "", /CISO/);

	// The network page: the flow is 例外 with the reference, not OK, and still listed.
	const during = await flowVerdict(ciso.page, "f-lgwan");
	assert.equal(during, `例外 ${ref}`);
	const report = ciso.page.getByRole("table", { name: /^違反一覧/ });
	await report.getByText(new RegExp(`例外措置 ${ref}`)).waitFor();
	assert.match(await flowVerdict(ciso.page, "f-bad"), /^違反/);

	// After its end date, the daily job lapses it and the flow is a violation again.
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, "demo");
		assert.ok(tenant);
		const dayAfterEnd = new Date(Date.parse(`${end}T09:00:00+09:00`) + 86_400_000);
		const outcome = await expireExceptions(deps, tenant.id, dayAfterEnd);
		assert.deepEqual(outcome.lapsed, [ref]);
	} finally {
		await handle.db.destroy();
	}
	assert.match(await flowVerdict(ciso.page, "f-lgwan"), /^違反 1件$/);
	await ciso.page.goto(exceptionUrl);
	await ciso.page.getByTestId("exception-state").filter({ hasText: "失効" }).waitFor();

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(kanri.problems, []);
	assert.deepEqual(ciso.problems, []);
});

test("統括 picks the rule, a node and an asset in the form; the asset's page lists the exception in force", async () => {
	const otp = await addUser(server, "demo", "toukatsu", ["chief_officer", "tenant_admin"]);
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const { page, problems } = await watchedPage(context);
	await firstLoginAs(page, server.url, "demo", "toukatsu", otp);
	const api = await apiAs(page);

	// The sample model (its LGWAN terminal `lg-pc`), a unit and an asset of the ledger.
	const stored = await api<{ revision: number }>("GET", "/api/network/model");
	const session = await page.request.get("/api/auth/session");
	const saved = await page.request.fetch("/api/network/model", {
		method: "PUT",
		headers: {
			"x-csrf-token": ((await session.json()) as { csrfToken: string }).csrfToken,
			"content-type": "application/json",
		},
		data: JSON.stringify({
			model: sampleNetworkModel("デモ市 ネットワーク"),
			baseRevision: stored.revision,
		}),
	});
	assert.ok(saved.ok(), await saved.text());
	const unit = await api<{ id: string }>("POST", "/api/org-units", {
		code: "somu",
		name: "総務課",
		kind: "section",
		parentId: null,
	});
	const asset = await api<{ id: string; code: string; name: string }>("POST", "/api/assets", {
		...{ code: "PC-EX-001", name: "窓口受付端末", zone: "lgwan", personalData: "personal" },
		...{ kind: "systems", ownerUnitId: unit.id, managerName: "総務課長", location: "本庁舎" },
		...{ retention: "5年", lifecycle: "in_use", relatedSystem: null, notes: null },
		levels: ["C2", "I2", "A2"],
	});

	await page.goto(`${server.url}/exceptions`);
	await page.getByRole("heading", { level: 1, name: "例外措置" }).waitFor();
	await page.getByRole("button", { name: "例外を申請" }).first().click();
	const form = page.getByRole("dialog");
	await form.getByLabel("申請部署").selectOption({ label: "総務課" });
	// The rule of the check gives the clause its words.
	await form.getByLabel("三層分離チェックの規則（任意）").selectOption("terminal-mfa");
	assert.notEqual(await form.getByLabel("対象の条項・規則").inputValue(), "");
	await form
		.getByLabel("例外の内容（規定と異なる取扱い）")
		.fill("窓口端末の多要素認証を導入まで省略する。");
	await form.getByLabel("理由", { exact: true }).fill("認証装置の納品が来月になるため。");
	await form.getByLabel("代替措置").fill("端末を窓口職員の目の届く範囲に置き、利用者を限定する。");
	// Pick the asset from the ledger and the node from the network model: no ids typed.
	await form.getByLabel("対象の情報資産を検索（ID・名称）").fill("窓口受付");
	await form.getByLabel("対象の情報資産を検索（ID・名称）").press("Enter");
	await form.getByRole("button", { name: `${asset.code} ${asset.name} を追加` }).click();
	await form.getByLabel("対象の機器・セグメントを検索（ID・名称）").fill("LGWAN系端末");
	await form.getByRole("button", { name: "検索" }).nth(2).click();
	await form.getByRole("button", { name: "LGWAN系端末 を追加" }).click();
	await form
		.getByRole("list", { name: "選択した対象の機器・セグメント" })
		.getByText("lg-pc")
		.waitFor();
	await form.getByLabel("開始日").fill(dayFromToday(0));
	await form.getByLabel("終了日").fill(dayFromToday(60));
	await form.getByRole("button", { name: "申請する" }).click();
	const heading = page.getByRole("heading", { level: 1, name: /^例外-R\d+-\d{4}$/ });
	await heading.waitFor();
	const ref = (await heading.textContent()) ?? "";
	const exceptionUrl = page.url();

	// 統括 is the pack's delegate: approved, it is in force.
	await page.getByRole("button", { name: "承認", exact: true }).click();
	await page.getByRole("dialog").getByRole("button", { name: "承認する" }).click();
	await page.getByTestId("exception-state").filter({ hasText: "承認" }).waitFor();

	// The asset's page lists it with its reference, clause and period, linking to it.
	await page.goto(`${server.url}/assets/${asset.id}`);
	const table = page.getByRole("table", { name: "適用中の例外措置" });
	await table.waitFor();
	const row = table.locator("tbody tr").filter({ hasText: ref });
	await row.waitFor();
	assert.match((await row.textContent()) ?? "", /多要素認証|MFA|terminal-mfa/);
	await row.getByRole("link", { name: ref }).click();
	await page.getByRole("heading", { level: 1, name: ref }).waitFor();
	assert.equal(page.url(), exceptionUrl);
	assert.deepEqual(problems, []);
});
