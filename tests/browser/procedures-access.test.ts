import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

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

interface Doc {
	id: string;
	kind: string;
}

test("the 実施手順 are read by the role the pack names, refused with a reason to others", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	const editorOtp = await addUser(server, "demo", "henshu", ["ciso", "chief_officer"]);
	const readerOtp = await addUser(server, "demo", "tokatsu", ["chief_officer"]);
	const refusedOtp = await addUser(server, "demo", "kansa", ["auditor"]);

	// Set-up through the API: a published version of the procedures, drafted by the 統括責任者
	// and decided by the CISO (the pack keeps the drafter out of the decision).
	const readerContext = await browser.newContext(options);
	const reader = await watchedPage(readerContext);
	await firstLoginAs(reader.page, server.url, "demo", "tokatsu", readerOtp);
	const drafter = await apiAs(reader.page);
	const { items } = await drafter<{ items: Doc[] }>("GET", "/api/policy-documents");
	const procedures = items.find((d) => d.kind === "procedures");
	assert.ok(procedures);
	const text =
		"情報セキュリティ実施手順\n１ 端末の管理\n退庁時は電源を切る。\n２ 事故の報告\n直ちにCSIRTへ報告する。";
	const { version } = await drafter<{ version: { id: string } }>(
		"POST",
		`/api/policy-documents/${procedures.id}/imports`,
		{ fileName: "tejun.txt", contentBase64: Buffer.from(text).toString("base64") },
	);
	await drafter("POST", `/api/policy-versions/${version.id}/submit`);
	const editorContext = await browser.newContext(options);
	const editor = await editorContext.newPage();
	await firstLoginAs(editor, server.url, "demo", "henshu", editorOtp);
	const api = await apiAs(editor);
	await api("POST", `/api/policy-versions/${version.id}/approve`);
	await api("POST", `/api/policy-versions/${version.id}/publish`, {
		audience: "all",
		effectiveOn: "2026-04-01",
		committeeDecidedOn: "2026-03-25",
	});
	await editorContext.close();

	// The 統括責任者, named by the pack, reads them.
	await reader.page.goto(`${server.url}/policies`);
	await reader.page.getByRole("link", { name: "情報セキュリティ実施手順", exact: true }).click();
	await reader.page.getByText("閲覧できる役割: 統括情報セキュリティ責任者").waitFor();
	await reader.page.getByRole("link", { name: "第1版" }).click();
	await reader.page.getByText("退庁時は電源を切る。").waitFor();
	await reader.page.getByText("引用: 実施手順 2").waitFor();
	assert.deepEqual(reader.problems, []);
	await readerContext.close();

	// An auditor is not named: no link, and the address itself gives a clear refusal.
	const refusedContext = await browser.newContext(options);
	const refused = await watchedPage(refusedContext);
	await firstLoginAs(refused.page, server.url, "demo", "kansa", refusedOtp);
	await refused.page.goto(`${server.url}/policies`);
	const card = refused.page.locator(".doc-card", { hasText: "情報セキュリティ実施手順" });
	await card.getByText("閲覧権限なし").waitFor();
	await card.getByRole("link").click();
	await refused.page.getByRole("cell", { name: "第1版" }).first().waitFor();
	assert.equal(await refused.page.getByRole("link", { name: "第1版" }).count(), 0);
	await refused.page.goto(`${server.url}/policies/versions/${version.id}`);
	const alert = refused.page.getByRole("alert");
	await alert.getByText("この操作を行う権限がありません。").waitFor();
	await refused.page
		.getByText("この文書は非公開です。閲覧できるのは、ポリシーが定める役割の方だけです。")
		.waitFor();
	await alert
		.getByText(
			"「情報セキュリティ実施手順」は非公開です。閲覧できるのは統括情報セキュリティ責任者です。",
		)
		.waitFor();
	assert.equal(await refused.page.getByText("退庁時は電源を切る。").count(), 0);
	// Not asked to acknowledge what they may not read.
	await refused.page.goto(`${server.url}/policies`);
	await refused.page.getByText("確認が必要なポリシーはありません。").waitFor();
	assert.deepEqual(
		refused.problems.filter((p) => !p.includes("403")),
		[],
		"only the refusal itself failed",
	);
	assert.ok(
		refused.problems.some((p) =>
			p.includes(`HTTP 403: GET ${server.url}/api/policy-versions/${version.id}`),
		),
	);
	await refusedContext.close();
});
