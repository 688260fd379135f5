import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { assertAccessible } from "./axe.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLoginAs } from "./policy-helpers.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const TENANT = "karasu";
/** How an empty page names the roles that may fill it, when the caller may not. */
const WHO_MAY = /団体管理者.*の役割を持つ職員が行います。/;

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

/** `mamori tenant add` on the running server's data directory, as an operator would. */
async function addTenant(name: string, title: string): Promise<void> {
	const env: NodeJS.ProcessEnv = { ...process.env, MAMORI_DATA_DIR: server.dataDir };
	delete env.DATABASE_URL;
	delete env.MAMORI_SECRET_KEY;
	const args = ["tenant", "add", "--name", name, "--title", title, "--pack", "standard"];
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
}

async function open(page: Page, path: string, heading: string) {
	await page.goto(`${server.url}${path}`);
	await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

test("on a fresh tenant, the empty ledger, risks and take-outs say what to do and offer it, or say who may", async () => {
	await addTenant(TENANT, "烏市");
	const adminOtp = await addUser(server, TENANT, "admin", ["tenant_admin"]);
	const auditorOtp = await addUser(server, TENANT, "kansa", ["auditor"]);
	const staffOtp = await addUser(server, TENANT, "shokuin");
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo" };

	// The administrator may fill each page: the guidance and the action, and the action only once.
	const admin = await watchedPage(await browser.newContext(options));
	await firstLoginAs(admin.page, server.url, TENANT, "admin", adminOtp);
	const page = admin.page;

	await open(page, "/assets", "情報資産管理台帳");
	const ledger = page.getByTestId("assets-empty");
	await ledger.getByText("まだ情報資産が登録されていません").waitFor();
	await ledger.getByText(/「資産を登録」で一件ずつ登録するか/).waitFor();
	assert.equal(await page.getByRole("button", { name: "資産を登録" }).count(), 1);
	await ledger.getByRole("button", { name: "資産を登録" }).click();
	const dialog = page.locator("dialog[open]");
	await dialog.waitFor();
	await page.keyboard.press("Escape");
	await dialog.waitFor({ state: "detached" });
	await ledger.getByRole("button", { name: "一括取込み" }).waitFor();
	await ledger.getByRole("button", { name: "自団体の様式で取り込む" }).waitFor();
	assert.equal(await ledger.getByText(WHO_MAY).count(), 0, "no 'ask someone' for those who may");
	await assertAccessible(page, "the empty ledger");

	await open(page, "/risks", "リスク管理台帳");
	const risks = page.getByTestId("risks-empty");
	await risks.getByText("まだリスクが登録されていません").waitFor();
	await risks.getByRole("button", { name: "リスクを登録" }).waitFor();
	assert.equal(await page.getByRole("button", { name: "リスクを登録" }).count(), 1);
	await assertAccessible(page, "the empty risk register");

	await open(page, "/take-outs", "持ち出し");
	const takeOuts = page.getByTestId("take-outs-empty");
	await takeOuts.getByText(/まず台帳に資産を登録してください/).waitFor();
	await assertAccessible(page, "take-outs with no asset to request");
	await takeOuts.getByRole("link", { name: "情報資産管理台帳を開く" }).click();
	await page.getByRole("heading", { level: 1, name: "情報資産管理台帳", exact: true }).waitFor();

	// An auditor reads the ledger and the risks but fills neither: each says who does.
	const auditor = await watchedPage(await browser.newContext(options));
	await firstLoginAs(auditor.page, server.url, TENANT, "kansa", auditorOtp);
	for (const [path, heading, testId] of [
		["/assets", "情報資産管理台帳", "assets-empty"],
		["/risks", "リスク管理台帳", "risks-empty"],
	] as const) {
		await open(auditor.page, path, heading);
		const empty = auditor.page.getByTestId(testId);
		await empty.getByText(WHO_MAY).waitFor();
		assert.equal(await empty.getByRole("button").count(), 0, `${path}: no action offered`);
	}

	// Plain staff ask for take-outs, but only of registered assets; they are told who registers.
	const staff = await watchedPage(await browser.newContext(options));
	await firstLoginAs(staff.page, server.url, TENANT, "shokuin", staffOtp);
	await open(staff.page, "/take-outs", "持ち出し");
	const staffTakeOuts = staff.page.getByTestId("take-outs-empty");
	await staffTakeOuts.getByText(WHO_MAY).waitFor();
	await assertAccessible(staff.page, "take-outs of plain staff with no asset");
	assert.equal(
		await staffTakeOuts.getByRole("link").count(),
		0,
		"no link to a page they cannot open",
	);

	for (const watched of [admin, auditor, staff]) assert.deepEqual(watched.problems, []);
});
