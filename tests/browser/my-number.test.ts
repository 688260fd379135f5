import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import type { AppDeps } from "../../src/deps.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { LAPSE_JOB } from "../../src/modules/my-number/lapse-handlers.ts";
import { ROSTER_HEADERS } from "../../src/modules/org/roster/roster-format.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { writeXlsx } from "../../src/shared/tabular.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Done-when (b) of the 特定個人情報 register, and that it exists only where the pack has the
 * provision: in Saga the CISO registers a My Number affair, its 事務取扱責任者 (from the roster)
 * names a handler; a roster moves the handler to another unit, the daily lapse job ends the
 * entry on the 発令日, and the responsible person sees the change on Home and on the affair's
 * page. Kitakyushu (no such provision) has no menu entry and no such page.
 */

let server: RunningServer;
let browser: Browser;
let dir: string;

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
	dir = await mkdtemp(join(tmpdir(), "mamori-my-number-"));
});

after(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) await rm(dir, { recursive: true, force: true });
});

const context = () =>
	browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url });

const menu = (page: Page) => page.getByRole("navigation", { name: "メインメニュー" });

async function open(page: Page, link: string, heading = link) {
	await menu(page).getByRole("link", { name: link, exact: true }).click();
	await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

/** A roster workbook of the Saga test units (市民税課 shiminzei, 国保年金課 kokuho). */
async function roster(name: string, rows: string[][]): Promise<string> {
	const path = join(dir, name);
	await writeFile(path, await writeXlsx([{ name: "名簿", header: [...ROSTER_HEADERS], rows }]));
	return path;
}

/** Preview and apply a roster as the administrator; the initial passwords of new accounts. */
async function applyRoster(page: Page, file: string): Promise<Map<string, string>> {
	await open(page, "名簿取込み（人事異動）");
	await page.getByLabel("名簿ファイル").setInputFiles(file);
	await page.getByRole("button", { name: "プレビュー", exact: true }).click();
	await page.getByRole("heading", { level: 2, name: /^プレビュー：/ }).waitFor();
	assert.equal(await page.getByRole("table", { name: /エラーのある行/ }).count(), 0);
	await page.getByRole("button", { name: "適用する" }).click();
	await page.getByRole("dialog").getByRole("button", { name: "適用する" }).click();
	await page.getByRole("status").filter({ hasText: "名簿を適用しました。" }).waitFor();
	const passwords = new Map<string, string>();
	const table = page.getByRole("table", { name: "新規アカウントの初期パスワード" });
	if ((await table.count()) > 0) {
		for (const row of await table.locator("tbody tr").allInnerTexts()) {
			const cells = row.split("\t");
			passwords.set(cells[2] ?? "", cells[3] ?? "");
		}
	}
	return passwords;
}

/**
 * The scheduler's daily lapse of the tenant, run as the scheduler runs it on its next morning
 * (06:00 in Japan), on the server's own database beside it.
 */
async function runLapseJob(tenantSlug: string): Promise<void> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps: AppDeps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, tenantSlug);
		assert.ok(tenant);
		await ensureRecurring(deps.db, JOBS, new Date());
		const queued = await deps.db
			.selectFrom("jobs")
			.selectAll()
			.where("name", "=", LAPSE_JOB)
			.where("tenant_id", "=", tenant.id)
			.where("status", "=", "pending")
			.executeTakeFirst();
		assert.ok(queued, "the lapse is queued for the tenant");
		await runDueJobs(deps, {
			declarations: JOBS,
			now: () => new Date(Date.parse(queued.due_at) + 1000),
		});
		const ran = await deps.db
			.selectFrom("jobs")
			.select("status")
			.where("id", "=", queued.id)
			.executeTakeFirstOrThrow();
		assert.equal(ran.status, "done");
	} finally {
		await handle.db.destroy();
	}
}

test("Saga: a handler named in the UI loses the entry by a roster transfer; the responsible person sees it", async () => {
	const today = japanDate(new Date());
	const weekAgo = japanDate(new Date(Date.now() - 7 * 86_400_000));

	const admin = await watchedPage(await context());
	admin.page.setDefaultTimeout(15_000);
	const password = server.oneTimePasswords.saga;
	assert.ok(password, "the server printed a one-time password for saga");
	await firstLogin(admin.page, server.url, "saga", password);
	const api = await apiAs(admin.page);
	for (const [code, name] of [
		["shiminzei", "市民税課"],
		["kokuho", "国保年金課"],
	] as const)
		await api("POST", "/api/org-units", { code, name, kind: "section", parentId: null });
	const person = (unit: string, number: string, name: string, username: string, title: string) => [
		number,
		name,
		username,
		"",
		"職員",
		unit,
		title,
		"",
		"",
		"",
	];
	const issued = await applyRoster(
		admin.page,
		await roster("april.xlsx", [
			person("shiminzei", "1001", "市民 花子", "shimin.hanako", "課長"),
			person("shiminzei", "1002", "市民 太郎", "shimin.taro", "主事"),
		]),
	);
	const kachoPassword = issued.get("shimin.hanako");
	assert.ok(kachoPassword, "the responsible person's account was made by the roster");

	// The CISO registers the affair with the 課長 as its 事務取扱責任者.
	const cisoOtp = await addUser(server, "saga", "s-ciso", ["ciso"], { displayName: "佐賀 CISO" });
	const ciso = await watchedPage(await context());
	ciso.page.setDefaultTimeout(15_000);
	await firstLoginAs(ciso.page, server.url, "saga", "s-ciso", cisoOtp);
	await open(ciso.page, "特定個人情報", "特定個人情報の取扱い");
	await ciso.page.getByTestId("my-number-empty").waitFor();
	await ciso.page.getByRole("button", { name: "事務を登録" }).click();
	const form = ciso.page.getByRole("dialog");
	await form.getByLabel("事務の名称").fill("住民税の賦課に関する事務");
	await form.getByLabel("区分").selectOption({ label: "個人番号利用事務" });
	await form.getByLabel("根拠法令").fill("番号法第9条第1項 別表第一");
	await form.getByLabel("事務取扱責任者").selectOption({ label: "市民 花子（市民税課）" });
	await form.getByLabel("特定個人情報保護評価").selectOption({ label: "全項目評価" });
	await form.getByLabel("評価の状況").selectOption({ label: "実施済" });
	await form.getByLabel("評価実施日").fill("2024-06-01");
	await form.getByRole("button", { name: "登録する" }).click();
	await ciso.page
		.getByRole("heading", { level: 1, name: "住民税の賦課に関する事務", exact: true })
		.waitFor();
	assert.match(
		(await ciso.page.getByTestId("my-number-details").textContent()) ?? "",
		/市民 花子.*全項目評価（実施済）/,
	);

	// The responsible person names the clerk as a handler.
	const kacho = await watchedPage(await context());
	kacho.page.setDefaultTimeout(15_000);
	await firstLoginAs(kacho.page, server.url, "saga", "shimin.hanako", kachoPassword);
	await open(kacho.page, "特定個人情報", "特定個人情報の取扱い");
	const register = kacho.page.getByRole("table", { name: "特定個人情報の取扱い" });
	await register.getByRole("link", { name: "住民税の賦課に関する事務" }).click();
	await kacho.page.getByRole("button", { name: "担当者を指定" }).click();
	const named = kacho.page.getByRole("dialog");
	await named.getByLabel("職員").selectOption({ label: "市民 太郎（市民税課）" });
	await named.getByLabel("開始日").fill(weekAgo);
	await named.getByRole("button", { name: "登録する" }).click();
	const handlers = kacho.page.getByRole("table", { name: "事務取扱担当者" });
	const clerkRow = handlers.getByRole("row").filter({ hasText: "市民 太郎" });
	await clerkRow.filter({ hasText: "指定中" }).waitFor();
	assert.match((await clerkRow.textContent()) ?? "", /市民 太郎.*市民税課/);
	// No change to see yet.
	await kacho.page.getByText("お知らせはありません。").waitFor();

	// The roster moves the clerk to 国保年金課 from today; the daily lapse ends the entry.
	await applyRoster(
		admin.page,
		await roster("transfer.xlsx", [
			[...person("shiminzei", "1001", "市民 花子", "shimin.hanako", "課長").slice(0, 9), today],
			[...person("kokuho", "1002", "市民 太郎", "shimin.taro", "主事").slice(0, 9), today],
		]),
	);
	await runLapseJob("saga");

	// Home tells the responsible person, and leads to the register.
	await open(kacho.page, "ホーム");
	const item = kacho.page.getByRole("link", { name: "特定個人情報の担当者の変更: 1 件" });
	await item.click();
	await kacho.page
		.getByRole("heading", { level: 1, name: "特定個人情報の取扱い", exact: true })
		.waitFor();
	const row = register.getByRole("row").filter({ hasText: "住民税の賦課に関する事務" });
	await row.waitFor();
	assert.match((await row.textContent()) ?? "", /担当者の変更 1 件/);
	await row.getByRole("link", { name: "住民税の賦課に関する事務" }).click();
	const notices = kacho.page.getByTestId("my-number-notices");
	await notices.waitFor();
	assert.match((await notices.textContent()) ?? "", /市民 太郎 さんの指定が異動により/);
	await clerkRow.filter({ hasText: /指定外\s*（異動）/ }).waitFor();
	// The entry ended on the 発令日.
	const affairId = decodeURIComponent(new URL(kacho.page.url()).pathname.split("/").pop() ?? "");
	const view = await (await apiAs(kacho.page))<{
		handlers: { endsOn: string | null; endReason: string | null; current: boolean }[];
	}>("GET", `/api/my-number/affairs/${affairId}`);
	assert.deepEqual(view.handlers, [
		{ ...view.handlers[0], endsOn: today, endReason: "transferred", current: false },
	]);
	await notices.getByRole("button", { name: "確認しました" }).click();
	await notices.getByText(/^確認済/).waitFor();

	// Seen: gone from Home.
	await open(kacho.page, "ホーム");
	await kacho.page.getByTestId("my-work").waitFor();
	assert.equal(await item.count(), 0);

	assert.deepEqual(admin.problems, []);
	assert.deepEqual(ciso.problems, []);
	assert.deepEqual(kacho.problems, []);
});

test("Kitakyushu: no 特定個人情報 menu entry and no such page, even for the CISO", async () => {
	const otp = await addUser(server, "kitakyushu", "k-ciso", ["ciso"]);
	const ciso = await watchedPage(await context());
	await firstLoginAs(ciso.page, server.url, "kitakyushu", "k-ciso", otp);
	await menu(ciso.page).getByRole("link", { name: "例外措置" }).waitFor();
	assert.equal(await menu(ciso.page).getByRole("link", { name: "特定個人情報" }).count(), 0);
	await ciso.page.goto(`${server.url}/my-number`);
	await ciso.page.getByRole("heading", { level: 1, name: "ページが見つかりません" }).waitFor();
	const response = await ciso.page.request.get("/api/my-number/affairs");
	assert.equal(response.status(), 404);
	const problem = (await response.json()) as { code: string; issues?: { code: string }[] };
	assert.equal(problem.code, "not_found");
	assert.equal(problem.issues?.[0]?.code, "my_number_not_in_policy");
	assert.deepEqual(
		ciso.problems.filter((p) => !p.includes("404")),
		[],
	);
});
