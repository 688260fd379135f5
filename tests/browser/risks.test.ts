import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * A risk entered through the form lands in its heat-map cell, which links back to it; a risk
 * linked to an incident case is re-rated from the case's page, with the reason on its timeline.
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

test("a new risk appears in its residual heat-map cell, which filters the register; the CISO accepts it", async () => {
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const { page, problems } = await watchedPage(context);
	const password = server.oneTimePasswords.saga;
	assert.ok(password, "the server printed a one-time password for saga");
	await firstLogin(page, server.url, "saga", password);
	const card = page.getByRole("region", { name: "対応期限を過ぎたリスク" });
	await card.getByText("期限を過ぎたリスクはありません。").waitFor();
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "リスク管理台帳" })
		.click();
	await page.getByRole("heading", { level: 1, name: "リスク管理台帳" }).waitFor();

	await page.getByRole("button", { name: "リスクを登録" }).click();
	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("リスク名").fill("USBメモリの紛失による情報漏えい");
	const threats = await dialog
		.getByLabel("脅威")
		.locator("option")
		.evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).textContent ?? ""));
	assert.ok(threats.length >= 3, `the pack's threats are offered: ${threats.join(",")}`);
	await dialog.getByLabel("情報システム名").fill("庁内LAN");
	await dialog.locator('select[name="inherent-likelihood"]').selectOption("3");
	await dialog.locator('select[name="inherent-impact"]').selectOption("3");
	await dialog.locator('select[name="residual-likelihood"]').selectOption("2");
	await dialog.locator('select[name="residual-impact"]').selectOption("3");
	await dialog.getByRole("button", { name: "リスクを登録" }).click();
	await page.getByRole("heading", { level: 1, name: "USBメモリの紛失による情報漏えい" }).waitFor();
	assert.match((await page.getByTestId("risk-status").textContent()) ?? "", /未対応/);
	const riskUrl = page.url();
	// The administrator may edit but not accept: acceptance is the CISO's (or the delegate's).
	assert.equal(await page.getByRole("button", { name: "受容する" }).count(), 0);

	await page.getByRole("link", { name: "← リスク管理台帳に戻る" }).click();
	await page.getByRole("link", { name: "ヒートマップ" }).click();
	const cell = page.locator('[data-testid="risk-heat-map"] td[data-cell="2-3"]');
	await cell.waitFor();
	assert.equal((await cell.textContent())?.trim(), "1");
	assert.match((await cell.getAttribute("class")) ?? "", /risk-band-high/);
	assert.equal(
		(await page.locator('[data-testid="risk-heat-map"] td[data-cell="3-3"]').textContent())?.trim(),
		"0",
	);

	await cell.getByRole("link").click();
	await page.getByRole("heading", { level: 1, name: "リスク管理台帳" }).waitFor();
	await page.getByTestId("risk-total").filter({ hasText: "1 件" }).waitFor();
	assert.match(
		(await page.getByTestId("risk-table").textContent()) ?? "",
		/USBメモリの紛失による情報漏えい/,
	);
	assert.deepEqual(problems, []);
	await context.close();

	const cisoPassword = await addUser(server, "saga", "ciso-risk", ["ciso"]);
	const cisoContext = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const ciso = await watchedPage(cisoContext);
	await firstLoginAs(ciso.page, server.url, "saga", "ciso-risk", cisoPassword);
	await ciso.page.goto(riskUrl);
	await ciso.page.getByRole("button", { name: "受容する" }).click();
	await ciso.page
		.getByRole("dialog")
		.getByLabel("受容の理由")
		.fill("代替手段がなく費用が見合わない");
	await ciso.page.getByRole("dialog").getByRole("button", { name: "受容する" }).click();
	await ciso.page.getByTestId("risk-acceptance").filter({ hasText: "代替手段がなく" }).waitFor();
	assert.equal(await ciso.page.getByRole("button", { name: "変更" }).count(), 0, "CISO reads only");
	assert.deepEqual(ciso.problems, []);
	await cisoContext.close();
});

test("a risk linked to a case is re-rated from the case page; the timeline keeps the reason", async () => {
	// 統括 (who may write the register) and the CSIRT (who triages) in one person.
	const password = await addUser(server, "saga", "rescore-risk", ["csirt", "chief_officer"]);
	const context = await browser.newContext({
		baseURL: server.url,
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
	});
	const { page, problems } = await watchedPage(context);
	await firstLoginAs(page, server.url, "saga", "rescore-risk", password);
	const api = await apiAs(page);
	const options = await api<{ threats: { code: string }[]; raiseUnits: { id: string }[] }>(
		"GET",
		"/api/risks/options",
	);
	const threat = options.threats[0]?.code ?? "";
	const incident = await api<{ id: string }>("POST", "/api/incidents", {
		whatHappened: "住民の名簿を印刷した紙を庁舎外で紛失した。",
		noticedAt: "2026-11-30T09:15:00+09:00",
		knownAt: "2026-11-30",
		personalData: true,
		assetIds: [],
	});
	await api("POST", `/api/incidents/${incident.id}/triage`, {
		version: 1,
		category: threat,
		severity: 2,
		people: 20,
		dataKinds: ["personal"],
	});
	const { riskId } = await api<{ riskId: string }>("POST", `/api/incidents/${incident.id}/risks`, {
		title: "紙の名簿の持ち出しによる漏えい",
		threatCode: threat,
		ownerUnitId: options.raiseUnits[0]?.id,
		inherent: { likelihood: 2, impact: 2 },
	});

	await page.goto(`${server.url}/incidents/${incident.id}`);
	const linked = page.getByTestId("incident-linked-risks");
	await linked.getByRole("link", { name: "紙の名簿の持ち出しによる漏えい" }).waitFor();
	await linked.getByRole("button", { name: "「紙の名簿の持ち出しによる漏えい」を再評価" }).click();
	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("再評価の理由").waitFor();
	// The form starts from the register's ratings now.
	assert.equal(await dialog.locator('select[name="residual-likelihood"]').inputValue(), "2");
	await dialog.locator('select[name="residual-likelihood"]').selectOption("3");
	await dialog.getByLabel("再評価の理由").fill("同じ手口の紛失が半年で二度起きたため");
	await dialog.getByRole("button", { name: "再評価を記録する" }).click();
	await dialog.waitFor({ state: "detached" });
	const entry = page.getByTestId("incident-timeline").locator('li[data-kind="risk_rescored"]');
	await entry.getByText("同じ手口の紛失が半年で二度起きたため").waitFor();
	assert.match((await entry.textContent()) ?? "", /リスクの再評価/);
	assert.match((await entry.textContent()) ?? "", /残留リスク 4 → 6/);

	const risk = await api<{ version: number; residual: { likelihood: number; score: number } }>(
		"GET",
		`/api/risks/${riskId}`,
	);
	assert.equal(risk.version, 2);
	assert.equal(risk.residual.likelihood, 3);
	assert.equal(risk.residual.score, 6);
	assert.deepEqual(problems, []);
	await context.close();
});
