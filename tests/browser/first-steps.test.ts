import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { ROSTER_HEADERS } from "../../src/modules/org/roster/roster-format.ts";
import { writeXlsx } from "../../src/shared/tabular.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const TENANT = "shinshi";

let server: RunningServer;
let browser: Browser;
let dir: string;

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
	dir = await mkdtemp(join(tmpdir(), "mamori-first-steps-"));
});

after(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) await rm(dir, { recursive: true, force: true });
});

/** `mamori …` on the running server's data directory, as an operator would on the host. */
async function mamori(...args: string[]): Promise<string> {
	const env: NodeJS.ProcessEnv = { ...process.env, MAMORI_DATA_DIR: server.dataDir };
	delete env.DATABASE_URL;
	delete env.MAMORI_SECRET_KEY;
	const child = spawn(process.execPath, [join(ROOT, "bin/mamori.js"), ...args], {
		cwd: ROOT,
		env,
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	const code = await new Promise<number | null>((done) => child.once("exit", done));
	assert.equal(code, 0, `mamori ${args.join(" ")}:\n${output}`);
	return output;
}

const STEP_TITLES = {
	organisation: "組織（部局・課）を登録する",
	staff: "職員名簿を取り込む",
	roles: "組織体制の役割を割り当てる",
	policy: "情報セキュリティポリシーを取り込み、公開する",
	assets: "情報資産管理台帳に資産を登録する",
	network: "三層分離のネットワーク構成を登録する",
	mail: "無害化通信（メール）の設定を確認して保存する",
} as const;
type StepKey = keyof typeof STEP_TITLES;

const checklist = (page: Page) => page.getByRole("region", { name: "はじめに: 導入の手順" });
const stepOf = (page: Page, key: StepKey) => checklist(page).getByTestId(`setup-step-${key}`);

async function goHome(page: Page) {
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "ホーム", exact: true })
		.click();
	await page.getByRole("heading", { level: 1, name: "ホーム", exact: true }).waitFor();
}

/** The steps ticked off on Home, in order. */
async function doneSteps(page: Page): Promise<string[]> {
	await checklist(page).waitFor();
	const done: string[] = [];
	for (const key of Object.keys(STEP_TITLES) as StepKey[]) {
		if ((await stepOf(page, key).getAttribute("data-done")) === "true") done.push(key);
	}
	return done;
}

/** Follow a step's link from Home to the page where it is taken. */
async function follow(page: Page, key: StepKey, heading: string) {
	await stepOf(page, key).getByRole("link", { name: STEP_TITLES[key] }).click();
	await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

/** Back on Home, the step shows its tick and its count. */
async function ticked(page: Page, key: StepKey, count: string, total: number) {
	await goHome(page);
	await stepOf(page, key).getByText("完了", { exact: true }).waitFor();
	assert.equal(await stepOf(page, key).getAttribute("data-done"), "true");
	await stepOf(page, key).getByText(count).waitFor();
	await checklist(page).getByRole("status").getByText(`7 手順中 ${total} 手順が完了`).waitFor();
}

test("a new tenant's administrator follows the Home checklist to the end; each step ticks itself off", async () => {
	await mamori("tenant", "add", "--name", TENANT, "--title", "新市", "--pack", "standard");
	const adminOtp = await addUser(server, TENANT, "admin", ["tenant_admin"]);
	const cisoOtp = await addUser(server, TENANT, "ciso");
	const drafterOtp = await addUser(server, TENANT, "tokatsu", ["chief_officer"]);
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };

	const adminContext = await browser.newContext(options);
	const admin = await watchedPage(adminContext);
	const { page } = admin;
	await firstLoginAs(page, server.url, TENANT, "admin", adminOtp);
	await checklist(page).getByRole("status").getByText("7 手順中 0 手順が完了").waitFor();
	assert.deepEqual(await doneSteps(page), []);
	assert.match(
		(await stepOf(page, "policy").textContent()) ?? "",
		/最高情報セキュリティ責任者（CISO）または統括情報セキュリティ責任者の役割を持つ職員が行います。/,
		"the administrator is told who imports the policy",
	);
	const api = await apiAs(page);

	// 1. Organisation: a 部局 and a 課 under the pack's agency.
	await follow(page, "organisation", "組織");
	const units = await api<{ items: { id: string; code: string; kind: string }[] }>(
		"GET",
		"/api/org-units",
	);
	// The standard pack's first agency (首長部局), numbered in the pack's order.
	const agency = units.items.find((u) => u.code === "010000");
	assert.ok(agency, "the standard pack's agency exists from the start");
	const department = await api<{ id: string }>("POST", "/api/org-units", {
		code: "somu",
		name: "総務部",
		kind: "department",
		parentId: agency.id,
	});
	await api("POST", "/api/org-units", {
		code: "johoseisaku",
		name: "情報政策課",
		kind: "section",
		parentId: department.id,
	});
	await ticked(page, "organisation", "登録済みの部局・課など: 2 件", 1);

	// 2. Staff roster: imported through the roster page.
	await follow(page, "staff", "名簿取込み（人事異動）");
	const roster = join(dir, "roster.xlsx");
	const row = (n: string, name: string, user: string) => [
		n,
		name,
		user,
		"",
		"職員",
		"johoseisaku",
		"主事",
		"",
		"",
		"2026-04-01",
	];
	await writeFile(
		roster,
		await writeXlsx([
			{
				name: "名簿",
				header: [...ROSTER_HEADERS],
				rows: [row("1001", "新市 一郎", "ichiro"), row("1002", "新市 花子", "hanako")],
			},
		]),
	);
	await page.getByLabel("名簿ファイル").setInputFiles(roster);
	await page.getByRole("button", { name: "プレビュー", exact: true }).click();
	await page.getByRole("heading", { level: 2, name: /^プレビュー：/ }).waitFor();
	await page.getByRole("button", { name: "適用する" }).click();
	await page.getByRole("dialog").getByRole("button", { name: "適用する" }).click();
	await page.getByRole("status").filter({ hasText: "名簿を適用しました。" }).waitFor();
	await ticked(page, "staff", "在籍中の職員: 2 名", 2);

	// 3. Roles: the CISO is appointed.
	await follow(page, "roles", "アカウント");
	const found = await api<{ items: { id: string; username: string }[] }>(
		"GET",
		"/api/accounts?q=ciso",
	);
	const ciso = found.items.find((a) => a.username === "ciso");
	assert.ok(ciso);
	await api("POST", `/api/accounts/${ciso.id}/roles`, { role: "ciso", orgUnitId: null });
	await ticked(page, "roles", "役割を持つ職員: 2 名", 3);

	// The 基本方針 has no version yet: the administrator is told who imports it.
	await follow(page, "policy", "ポリシー文書");
	await page.getByRole("link", { name: "情報セキュリティ基本方針" }).click();
	const noVersions = page.getByTestId("no-versions");
	await noVersions.getByText("まだ版がありません。").waitFor();
	await noVersions
		.getByText(
			"最高情報セキュリティ責任者（CISO）または統括情報セキュリティ責任者の役割を持つ職員が行います。",
		)
		.waitFor();
	await goHome(page);

	// 4. Policy: the 統括 imports the 基本方針 from Home, the CISO approves and publishes.
	const drafterContext = await browser.newContext(options);
	const drafter = await watchedPage(drafterContext);
	await firstLoginAs(drafter.page, server.url, TENANT, "tokatsu", drafterOtp);
	assert.equal(
		await stepOf(drafter.page, "policy")
			.getByText(/役割を持つ職員が行います/)
			.count(),
		0,
		"those who may take a step are not sent elsewhere",
	);
	await follow(drafter.page, "policy", "ポリシー文書");
	await drafter.page.getByRole("link", { name: "情報セキュリティ基本方針" }).click();
	await drafter.page
		.getByTestId("no-versions")
		.getByText(/今のポリシーのテキストを取り込む/)
		.waitFor();
	await drafter.page.getByRole("button", { name: "テキストから改定案を作成" }).click();
	const dialog = drafter.page.getByRole("dialog");
	await dialog.getByLabel(/テキストファイル/).setInputFiles({
		name: "kihon.txt",
		mimeType: "text/plain",
		buffer: Buffer.from(
			"新市情報セキュリティ基本方針\n１ 目的\nこの方針は新市の情報資産を守るために定める。\n２ 対象\n全ての職員等に適用する。\n",
		),
	});
	await dialog.getByLabel("改定内容の要約").fill("初版");
	await dialog.getByRole("button", { name: "取り込む" }).click();
	await dialog.getByText("第1版の改定案を作成しました。").waitFor();
	const href = (await dialog.getByRole("link", { name: "開く" }).getAttribute("href")) ?? "";
	const versionId = /\/policies\/versions\/([^/?#]+)/.exec(href)?.[1];
	assert.ok(versionId, href);
	await drafter.page.keyboard.press("Escape");
	await dialog.waitFor({ state: "detached" });
	const drafterApi = await apiAs(drafter.page);
	await drafterApi("POST", `/api/policy-versions/${versionId}/submit`);

	const cisoContext = await browser.newContext(options);
	const cisoPage = await watchedPage(cisoContext);
	await firstLoginAs(cisoPage.page, server.url, TENANT, "ciso", cisoOtp);
	await cisoPage.page
		.getByRole("region", { name: "あなたを待っている作業" })
		.getByRole("link", { name: "決裁待ちのポリシーの版: 1 件" })
		.waitFor();
	const cisoApi = await apiAs(cisoPage.page);
	await cisoApi("POST", `/api/policy-versions/${versionId}/approve`);
	// The pack says the drafter does not decide: the CISO publishes as well.
	await cisoApi("POST", `/api/policy-versions/${versionId}/publish`, {
		audience: "all",
		unitIds: [],
		revisionKind: "initial",
		// The standard pack's revisions are decided by the committee.
		effectiveOn: "2026-04-01",
		committeeDecidedOn: "2026-03-25",
	});
	await ticked(drafter.page, "policy", "公開済みの文書: 1 件", 4);

	// 5. Assets: one asset in the ledger.
	await page.reload();
	await follow(page, "assets", "情報資産管理台帳");
	await api("POST", "/api/assets", {
		code: "SYS-001",
		name: "住民情報システム",
		kind: "systems",
		ownerUnitId: department.id,
		managerName: null,
		location: null,
		zone: "mynumber",
		personalData: "specific_personal",
		retention: null,
		lifecycle: "in_use",
		relatedSystem: null,
		notes: null,
		levels: ["C2", "I2", "A2"],
	});
	await ticked(page, "assets", "登録済みの情報資産: 1 件", 5);

	// The disposal register, empty, says where a disposal starts and leads there.
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "廃棄・返却記録簿", exact: true })
		.click();
	const noDisposals = page.getByTestId("no-disposals");
	await noDisposals.getByText(/対象の資産を開き、「持ち出し・廃棄」から/).waitFor();
	await noDisposals.getByRole("link", { name: "情報資産管理台帳を開く" }).click();
	await page.getByRole("heading", { level: 1, name: "情報資産管理台帳", exact: true }).waitFor();
	await goHome(page);

	// 6. Network: the model saved once.
	await follow(page, "network", "ネットワーク分離（三層分離）");
	// Nothing entered yet: the page says so instead of judging the empty starter model.
	await page.getByTestId("network-not-set-up").getByText("まだ構成が登録されていません").waitFor();
	assert.equal(await page.getByTestId("network-verdict").count(), 0, "no 不適合 for nothing");
	const stored = await api<{ model: unknown; revision: number }>("GET", "/api/network/model");
	const saved = await page.request.put("/api/network/model", {
		headers: {
			"x-csrf-token": await csrfOf(page),
			"content-type": "application/json",
		},
		data: JSON.stringify({ model: stored.model, baseRevision: stored.revision }),
	});
	assert.equal(saved.status(), 200, await saved.text());
	await ticked(page, "network", "構成上の機器: 0 台", 6);

	// 7. Mail: the defaults saved as they are, on the mail page; the checklist then goes away.
	await follow(page, "mail", "無害化通信");
	await page.getByRole("button", { name: "設定を保存" }).click();
	await page.getByText("設定を保存しました。").waitFor();
	await goHome(page);
	await page.getByRole("region", { name: "あなたを待っている作業" }).waitFor();
	assert.equal(await checklist(page).count(), 0, "a tenant that is set up shows no checklist");

	for (const watched of [admin, drafter, cisoPage]) assert.deepEqual(watched.problems, []);
	await adminContext.close();
	await drafterContext.close();
	await cisoContext.close();
});

async function csrfOf(page: Page): Promise<string> {
	const session = await page.request.get("/api/auth/session");
	return ((await session.json()) as { csrfToken: string }).csrfToken;
}
