import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { pdfText } from "../helpers/pdf-text.ts";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";

const VIOLATIONS = resolve(import.meta.dirname, "../../examples/network/violations.yaml");

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

test("network separation: import a violating model, see red flows and the report, save, download the PDF", async () => {
	const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
	const { page, problems } = await watchedPage(context);
	await firstLogin(
		page,
		server.url,
		"demo",
		server.oneTimePasswords.demo ?? server.oneTimePassword,
	);

	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "ネットワーク分離" })
		.click();
	await page.getByRole("heading", { level: 1, name: "ネットワーク分離（三層分離）" }).waitFor();
	const diagram = page.getByTestId("network-diagram");
	await diagram.waitFor();
	// The starter model: three tier bands, no flows yet.
	assert.equal(await diagram.locator(".network-band").count(), 3);
	assert.equal(await diagram.locator(".network-flow").count(), 0);

	await page.getByLabel("構成ファイル（YAML / JSON）").setInputFiles(VIOLATIONS);
	await page.getByRole("button", { name: "読み込む" }).click();
	await page.getByRole("status").filter({ hasText: "violations.yaml を読み込みました" }).waitFor();

	// The diagram: red lines for the violating flows, green for the rest, each with its flows.
	const red = diagram.locator('.network-flow[data-verdict="violation"]');
	// A straight line has an empty bounding box, so wait for it in the DOM, not for "visible".
	await red.first().waitFor({ state: "attached" });
	assert.ok((await red.count()) >= 5, `red flow lines: ${await red.count()}`);
	assert.equal(await red.first().locator("path").first().getAttribute("stroke"), "#c62828");
	const redFlows = (
		await red.evaluateAll((lines) => lines.map((l) => l.getAttribute("data-flows")))
	)
		.join(" ")
		.split(" ");
	for (const flow of ["f-mynumber-out", "f-bypass", "f-direct-web", "f-lab"]) {
		assert.ok(redFlows.includes(flow), `${flow} is drawn red`);
	}
	assert.ok(await diagram.locator('.network-node.network-violating[data-id="my-term-01"]').count());

	// The report: verdict, and one row per violation in policy terms: the rule's title, the
	// policy's clause, the flow or element by name; ids and pack fields only on demand.
	assert.match(
		(await page.getByTestId("network-verdict").textContent()) ?? "",
		/不適合：違反が 14 件あります/,
	);
	const table = page.getByRole("table", { name: "違反一覧（14件）" });
	const rows = await table.locator("tbody tr").allInnerTexts();
	assert.equal(rows.length, 14);
	const mynumberOut = rows.find((row) => row.includes("通信 my-juki → lg-term-01")) ?? "";
	assert.match(mynumberOut, /分離された系との通信/);
	assert.match(mynumberOut, /マイナンバー利用事務系/);
	const mfaRow = rows.find((row) => /端末の多要素認証[\s\S]*my-term-01/.test(row)) ?? "";
	assert.match(mfaRow, /基本方針 6\(3\)①/);
	for (const row of rows) {
		assert.doesNotMatch(row, /network\.zones|allowedRoutes|mfa: true|terminal-mfa/u, row);
		assert.doesNotMatch(row, /\{\w+\}|sanitizing_|mynumber|lgwan_transfer/u, "worded, not codes");
	}
	assert.match(
		mfaRow,
		/マイナンバー利用事務系の端末 my-term-01（マイナンバー利用事務系）に多要素認証がない/,
	);
	const mfaCells = table.locator("tbody tr").filter({ hasText: "端末の多要素認証" });
	await mfaCells.getByText("技術情報").click();
	assert.match(
		(await mfaCells.locator("details").innerText()) ?? "",
		/規則 ID: terminal-mfa[\s\S]*ポリシーパック・構成の項目: network\.zones\.mynumber\.mfaRequired/u,
	);

	// Findings are codes worded by the catalogue: the reader's language chooses the words.
	const banner = page.getByRole("banner");
	await banner.getByRole("button", { name: "English" }).click();
	const english = await page
		.getByRole("table", { name: /^Violations \(14\)/ })
		.locator("tbody tr")
		.allInnerTexts();
	assert.ok(
		english.some((row) =>
			/Terminal my-term-01 in the My Number tier \(マイナンバー利用事務系\) has no multi-factor authentication/.test(
				row,
			),
		),
		english.join("\n"),
	);
	await banner.getByRole("button", { name: "日本語" }).click();
	await table.waitFor();

	// Hovering shows the line's findings as its tooltip.
	const tooltip = await diagram.locator('.network-flow[data-flows~="f-lab"] > title').textContent();
	assert.match(tooltip ?? "", /f-lab[\s\S]*スタンドアロンのセグメントが通信している/);
	// Choosing a red line (keyboard: focus and Enter) shows its violations beside the diagram.
	await diagram.locator('.network-flow[data-flows~="f-lab"]').focus();
	await page.keyboard.press("Enter");
	const details = page.locator(".network-selection");
	await details.getByRole("heading", { name: /f-lab/ }).waitFor();
	assert.match((await details.textContent()) ?? "", /スタンドアロン/);

	// Editing: give the My Number terminal MFA; the draft is checked again at once.
	await page
		.getByRole("table", { name: "ノード", exact: true })
		.getByRole("row")
		.filter({ hasText: "my-term-01" })
		.getByRole("button", { name: "編集" })
		.click();
	const dialog = page.getByRole("dialog");
	await dialog.getByLabel("多要素認証").check();
	await dialog.getByRole("button", { name: "反映" }).click();
	await page.getByRole("table", { name: "違反一覧（13件）" }).waitFor();
	assert.doesNotMatch(
		(await page.getByRole("table", { name: "違反一覧（13件）" }).textContent()) ?? "",
		/端末の多要素認証/,
	);

	await page.getByRole("button", { name: "構成を保存" }).click();
	await page.getByRole("status").filter({ hasText: "構成を保存しました（第1版）" }).waitFor();
	if (process.env.MAMORI_SCREENSHOT) {
		// For a person to look at the drawing: `MAMORI_SCREENSHOT=/tmp/d.png node --test …`.
		await page.setViewportSize({ width: 2200, height: 1600 });
		await page
			.locator(".network-diagram-scroll")
			.screenshot({ path: process.env.MAMORI_SCREENSHOT });
		const whole = process.env.MAMORI_SCREENSHOT.replace(/\.png$/, "-page.png");
		await page.setViewportSize({ width: 1400, height: 1000 });
		await page.screenshot({ path: whole, fullPage: true });
	}
	const history = page.getByRole("region", { name: "変更履歴" });
	assert.match((await history.textContent()) ?? "", /第1版\s*画面で編集/);

	const [download] = await Promise.all([
		page.waitForEvent("download"),
		page.getByRole("button", { name: "レポートを PDF で出力" }).click(),
	]);
	assert.match(download.suggestedFilename(), /^三層分離チェック結果_r1_\d{8}\.pdf$/u);
	const bytes = await readFile(await download.path());
	assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
	const text = pdfText(bytes);
	assert.ok(text !== null, "pdftotext reads the PDF");
	const flat = text.replace(/\s+/g, "");
	// pdftotext drops a hyphen where a long id wraps at the column edge.
	assert.match(flat, /分離された系との通信通信my-?juki→lg-?term-?01/);
	assert.match(flat, /スタンドアロンの分離通信lab-?01→lg-?term-?01/);
	assert.match(flat, /違反例庁内ネットワーク/);

	assert.deepEqual(problems, []);
	await context.close();
});
