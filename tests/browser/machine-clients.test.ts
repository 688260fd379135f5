import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Machine clients, as the tenant administrator sets them up: an API token made on its settings
 * page is shown once (with a copy button), works from outside the browser with its scope, shows
 * its last use, and once revoked is refused; a webhook receiver (a loopback server of this test)
 * subscribed to incident openings gets the signed event from the server's scheduler, and the
 * deliveries list shows it delivered. Someone who is not the tenant administrator has no such
 * menu entry. (A failing receiver's retries are in tests/integration/webhooks.test.ts.)
 */

interface Received {
	headers: IncomingHttpHeaders;
	body: string;
}

const received: Received[] = [];
let arrived: () => void = () => {};
const receiver = createServer((request, response) => {
	const chunks: Buffer[] = [];
	request.on("data", (chunk: Buffer) => chunks.push(chunk));
	request.on("end", () => {
		received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
		response.writeHead(204).end();
		arrived();
	});
});

let server: RunningServer;
let browser: Browser;
let admin: { page: Page; problems: string[] };

before(async () => {
	await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
	// Deliveries are scheduler jobs: the server looks for due jobs often.
	process.env.MAMORI_JOBS_POLL_MS = "200";
	server = await startServer();
	browser = await launchBrowser();
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
	admin = await watchedPage(context);
	admin.page.setDefaultTimeout(15_000);
	await firstLogin(admin.page, server.url, "demo", server.oneTimePasswords.demo ?? "");
});

after(async () => {
	await browser?.close();
	await server?.stop();
	receiver.close();
	delete process.env.MAMORI_JOBS_POLL_MS;
});

const menu = (page: Page) => page.getByRole("navigation", { name: "メインメニュー" });

async function open(page: Page, link: string): Promise<void> {
	await menu(page).getByRole("link", { name: link, exact: true }).click();
	await page.getByRole("heading", { level: 1, name: link, exact: true }).waitFor();
}

/** A call of the machine client: its bearer token only, from outside the browser. */
function callWith(token: string, path: string) {
	return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

test("an API token is shown once, works with its scope, shows its last use, and once revoked is refused", async () => {
	const { page } = admin;
	await open(page, "APIトークン");
	await page.getByText("トークンはまだ発行されていません。").waitFor();
	await page.getByLabel("クライアント名").fill("庁内ポータル");
	await page.getByLabel(/指摘事項の参照/).check();
	await page.getByRole("button", { name: "トークンを発行", exact: true }).click();

	const panel = page.getByRole("region", { name: "庁内ポータル のトークン" });
	await panel.getByText(/このトークンは今だけ表示されます/).waitFor();
	const token = await panel.getByLabel("トークン", { exact: true }).inputValue();
	assert.match(token, /^mamori_[A-Za-z0-9_-]{40,}$/);
	await panel.getByRole("button", { name: "コピー", exact: true }).click();
	await page.getByRole("status").filter({ hasText: "トークンをコピーしました。" }).waitFor();
	assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
	await panel.getByRole("button", { name: "設定しました", exact: true }).click();
	await panel.waitFor({ state: "detached" });
	const row = page.getByRole("row", { name: /庁内ポータル/ });
	await row.getByText("未使用").waitFor();
	await row.getByText("指摘事項の参照").waitFor();
	assert.ok(!(await page.content()).includes(token), "never shown again");

	// The portal reads the findings register with it; a scope it lacks is refused.
	const findings = await callWith(token, "/api/findings");
	assert.equal(findings.status, 200, await findings.clone().text());
	assert.ok(Array.isArray(((await findings.json()) as { items: unknown[] }).items));
	const incidents = await callWith(token, "/api/incidents");
	assert.equal(incidents.status, 403);
	assert.equal(((await incidents.json()) as { code: string }).code, "api_token_scope_missing");

	await page.reload();
	await row.getByText("未使用").waitFor({ state: "detached" });
	assert.equal(await row.locator("td").nth(5).textContent(), "有効");

	await row.getByRole("button", { name: "庁内ポータル のトークンを失効させる" }).click();
	const dialog = page.getByRole("dialog");
	await dialog.getByText(/以後、このトークンによる呼び出しはすべて拒否されます/).waitFor();
	await dialog.getByRole("button", { name: "失効させる", exact: true }).click();
	await dialog.waitFor({ state: "detached" });
	await row.getByRole("cell", { name: /^失効/ }).waitFor();
	assert.equal(await row.getByRole("button").count(), 0);
	const refused = await callWith(token, "/api/findings");
	assert.equal(refused.status, 401);
	assert.equal(((await refused.json()) as { code: string }).code, "api_token_revoked");

	// Every call was audited as the client.
	const api = await apiAs(page);
	const audit = await api<{ items: { type: string; actorLabel: string | null }[] }>(
		"GET",
		"/api/audit-events?type=api_token.called",
	);
	assert.equal(audit.items.length, 2, "the read and the refused read");
	assert.ok(audit.items.every((item) => item.actorLabel === "庁内ポータル"));
	assert.deepEqual(admin.problems, []);
});

test("a receiver subscribed to incident openings gets the signed event and the list shows it delivered", async () => {
	const { page } = admin;
	await open(page, "Webhook連携");
	const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	await page.getByLabel("送信先URL").fill(url);
	await page.getByLabel("説明（任意）").fill("SIEM");
	await page.getByLabel("インシデントの報告（起票）").check();
	await page.getByRole("button", { name: "送信先を登録", exact: true }).click();
	const dialog = page.locator("dialog[open]");
	const secret = await dialog.getByLabel("署名鍵（whsec_）").inputValue();
	assert.match(secret, /^whsec_/);
	await dialog.getByRole("button", { name: "設定しました", exact: true }).click();
	await dialog.waitFor({ state: "detached" });

	// Someone opens an incident; the scheduler sends it.
	const delivered = new Promise<void>((resolve) => {
		arrived = resolve;
	});
	const api = await apiAs(page);
	const incident = await api<{ id: string; reference: string }>("POST", "/api/incidents", {
		whatHappened: "不審なメールの添付ファイルを開いてしまいました",
		noticedAt: new Date().toISOString(),
		personalData: false,
	});
	await delivered;
	const got = received.at(-1) as Received;
	const payload = new Webhook(secret).verify(got.body, {
		"webhook-id": String(got.headers["webhook-id"]),
		"webhook-timestamp": String(got.headers["webhook-timestamp"]),
		"webhook-signature": String(got.headers["webhook-signature"]),
	}) as { type: string; data: { incidentId: string; reference: string } };
	assert.equal(payload.type, "incident.opened");
	assert.equal(payload.data.incidentId, incident.id);
	assert.equal(payload.data.reference, incident.reference);

	const deliveries = page.getByRole("table", { name: "送信履歴" });
	const row = deliveries.getByRole("row", { name: /インシデントの報告（起票）/ });
	// The job records the outcome just after the receiver answers: refresh until it shows.
	for (;;) {
		await page.getByRole("button", { name: "最新の状態にする", exact: true }).click();
		await page.waitForLoadState("networkidle");
		if ((await row.count()) > 0 && (await row.getAttribute("data-status")) === "delivered") break;
	}
	assert.match((await row.textContent()) ?? "", /送信済み/);
	assert.match((await row.textContent()) ?? "", /1 \/ 6/);
	assert.deepEqual(admin.problems, []);
});

test("someone who is not the tenant administrator has no API token or webhook entry", async () => {
	const otp = await addUser(server, "demo", "kansa", ["auditor"]);
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const { page } = await watchedPage(context);
	page.setDefaultTimeout(15_000);
	await firstLoginAs(page, server.url, "demo", "kansa", otp);
	await menu(page).waitFor();
	assert.equal(await menu(page).getByRole("link", { name: "APIトークン" }).count(), 0);
	assert.equal(await menu(page).getByRole("link", { name: "Webhook連携" }).count(), 0);
	await context.close();
});
