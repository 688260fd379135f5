import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { cityLedgerXlsx, fullWidthDigits } from "../helpers/city-ledger.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * Done-when of "connect what the city already has": a ledger-importing user (統括) imports the
 * city's own ledger — a title row, 格付 merged over 機密性・完全性・可用性, 和暦 dates, full-width
 * digits, blank rows and a 合計 row — through the mapping screen: the header is read, one column
 * corrected, the file checked, the mapping saved and the file imported. The next file of the same
 * source imports with no questions; a Shift_JIS (CP932) CSV with 髙 and 﨑 imports unharmed; a
 * module's own import (the cloud-service register) offers the same screen.
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

const context = () =>
	browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url });

const UNIT_CODE = "090100";

interface AssetItem {
	id: string;
	code: string;
	name: string;
}

/** Open the mapping screen from the ledger, give the source and the file, and read its header. */
async function readHeader(
	page: Page,
	source: string,
	file: { name: string; mimeType: string; buffer: Buffer },
): Promise<Locator> {
	await page.getByRole("button", { name: "自団体の様式で取り込む" }).first().click();
	const dialog = page.getByRole("dialog", { name: "自団体の様式で取り込む" });
	await dialog.getByLabel("取込元の名前").fill(source);
	await dialog.getByLabel("ファイル（XLSX または CSV）").setInputFiles(file);
	await dialog.getByRole("button", { name: "見出しを読み取る" }).click();
	await dialog.getByTestId("mapping-proposal").waitFor();
	return dialog;
}

/** Check the file first (no errors), then save the mapping and import it; the result's text. */
async function checkSaveImport(dialog: Locator, rows: number): Promise<string> {
	await dialog.getByRole("button", { name: "試しに確認する" }).click();
	await dialog
		.getByTestId("mapping-check")
		.getByText(`${rows}行を確認しました。エラーはありません。`)
		.waitFor();
	await dialog.getByRole("button", { name: "対応を保存して取り込む" }).click();
	await dialog
		.getByTestId("import-result")
		.getByText(/^取り込みました/)
		.waitFor();
	return (await dialog.getByTestId("import-result").textContent()) ?? "";
}

/** Close the screen and find each expected code or name in the ledger list, by its search. */
async function listed(page: Page, query: string, expected: readonly string[]): Promise<void> {
	await page.keyboard.press("Escape");
	await page.getByRole("dialog").waitFor({ state: "detached" });
	await page.getByLabel("資産番号・資産名").fill(query);
	await page.getByRole("button", { name: "絞り込む" }).click();
	const table = page.getByTestId("asset-table");
	for (const text of expected) await table.getByText(text, { exact: true }).waitFor();
}

test("統括 imports the city's own ledger through the mapping screen; the next file needs no questions", async () => {
	const admin = await watchedPage(await context());
	const adminOtp = server.oneTimePasswords.demo;
	assert.ok(adminOtp, "the server printed a one-time password for demo");
	await firstLogin(admin.page, server.url, "demo", adminOtp);
	await (await apiAs(admin.page))("POST", "/api/org-units", {
		code: UNIT_CODE,
		name: "財政課（列対応）",
		kind: "section",
		parentId: null,
	});
	await admin.page.context().close();

	const otp = await addUser(server, "demo", "tokatsu-map", ["chief_officer"]);
	const { page, problems } = await watchedPage(await context());
	await firstLoginAs(page, server.url, "demo", "tokatsu-map", otp);
	const api = await apiAs(page);
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "情報資産台帳" })
		.click();
	await page.getByRole("heading", { level: 1, name: "情報資産管理台帳" }).waitFor();

	// A layout Mamori has never seen: 和暦 dates, full-width digits, blank rows, a 合計 row.
	const first = await cityLedgerXlsx({
		unitCode: UNIT_CODE,
		codes: ["ＭＰ－００１", "ＭＰ－００２", "ＭＰ－００３"],
		registeredOn: ["令和5年4月1日", "R5.4.1", "令和６年３月３１日"],
		fullWidth: true,
		totalRow: true,
	});
	const xlsx = (buffer: Uint8Array, name: string) => ({
		name,
		mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		buffer: Buffer.from(buffer),
	});
	const dialog = await readHeader(page, "財政課台帳", xlsx(first, "令和6年度台帳.xlsx"));
	assert.equal(await dialog.getByTestId("mapping-header-rows").textContent(), "見出し行: 2・3行目");
	const field = (column: string) => dialog.getByRole("combobox", { name: column, exact: true });
	assert.equal(await field("格付/機密性").inputValue(), "classification:1");
	assert.equal(await field("格付/可用性").inputValue(), "classification:3");
	assert.equal(await field("情報資産の名称").inputValue(), "name");
	assert.equal(await field("管理番号").inputValue(), "code");
	assert.equal(await field("登録日").inputValue(), "", "no field of the ledger is a date");
	assert.equal(await dialog.getByTestId("mapping-missing").count(), 0);
	const values = (await dialog.getByTestId("mapping-values").textContent()) ?? "";
	assert.match(values, /極秘/, "the closed lists' values are shown");
	assert.equal(
		await dialog.getByRole("combobox", { name: "格付/機密性 極秘: 取り込む値" }).inputValue(),
		"C3A",
	);
	assert.match((await dialog.getByTestId("mapping-sample").textContent()) ?? "", /令和5年4月1日/);

	// One column corrected: the 登録日 is kept in 備考.
	await field("登録日").selectOption("notes");
	const result = await checkSaveImport(dialog, 3);
	assert.match(result, /追加 3件、更新 0件、変更なし 0件/);
	assert.match(result, /空行 3 行を読み飛ばしました。/);
	assert.match(result, /合計行（10 行目）は取り込まずに読み飛ばしました。/);
	await listed(page, "MP-00", ["MP-001", "MP-002", "MP-003"]);

	const found = await api<{ items: AssetItem[] }>("GET", "/api/assets?q=MP-002");
	const second = found.items.find((asset) => asset.code === "MP-002");
	assert.ok(second, "the full-width 管理番号 is stored in half width");
	const detail = await api<{ notes: string | null; classification: { key: string } }>(
		"GET",
		`/api/assets/${second.id}`,
	);
	assert.equal(detail.notes, "R5.4.1", "the 和暦 date is kept as the city wrote it");
	assert.equal(detail.classification.key, "C3A/I2/A2");

	// The next file of the same source: the saved mapping fits; no questions.
	const next = await cityLedgerXlsx({
		unitCode: UNIT_CODE,
		codes: ["ＭＰ－００４", "ＭＰ－００５"],
		registeredOn: ["令和6年4月1日", "R6.4.1"],
		fullWidth: true,
		totalRow: true,
	});
	const again = await readHeader(page, "財政課台帳", xlsx(next, "令和7年度台帳.xlsx"));
	await again
		.getByTestId("mapping-saved")
		.getByText("保存済みの対応「財政課台帳」がこのファイルに合います。確認なしで取り込みます。")
		.waitFor();
	assert.equal(await again.getByTestId("mapping-columns").count(), 0, "no questions asked");
	await again.getByRole("button", { name: "保存済みの対応で取り込む" }).click();
	await again
		.getByTestId("import-result")
		.getByText(/^取り込みました/)
		.waitFor();
	assert.match(
		(await again.getByTestId("import-result").textContent()) ?? "",
		/追加 2件、更新 0件、変更なし 0件/,
	);
	await listed(page, "MP-00", ["MP-004", "MP-005"]);

	// A CP932 CSV (what Excel saves on Windows) with 髙 and 﨑.
	const csvText = `${[
		"管理番号,情報資産の名称,所管課,種別,ネットワーク区分,機密性,完全性,可用性,管理者",
		`SJ-001,髙橋分室の端末,${fullWidthDigits(UNIT_CODE)},電子,LGWAN接続系,取扱注意,低,低,山﨑 課長`,
		",,,,,,,,",
		`SJ-002,﨑山庁舎の台帳,${UNIT_CODE},紙,LGWAN接続系,極秘,高,高,`,
		"合計,,,,,,,,２件",
	].join("\r\n")}\r\n`;
	const sjis = encodeShiftJis(csvText);
	const hex = Buffer.from(sjis).toString("hex");
	assert.ok(hex.includes("fbfc") && hex.includes("fab1"), "髙 and 﨑 as CP932 bytes");
	const csvDialog = await readHeader(page, "人事課CSV", {
		name: "人事課台帳.csv",
		mimeType: "text/csv",
		buffer: Buffer.from(sjis),
	});
	assert.match(
		(await csvDialog.getByTestId("mapping-sample").textContent()) ?? "",
		/髙橋分室の端末/,
		"the sample rows read without mojibake",
	);
	assert.match(await checkSaveImport(csvDialog, 2), /追加 2件/);
	await listed(page, "SJ-00", ["髙橋分室の端末", "﨑山庁舎の台帳"]);
	const sj = (await api<{ items: AssetItem[] }>("GET", "/api/assets?q=SJ-001")).items[0];
	assert.ok(sj);
	const sjDetail = await api<{ managerName: string | null }>("GET", `/api/assets/${sj.id}`);
	assert.equal(sjDetail.managerName, "山﨑 課長");

	const saved = await api<{ items: { source: string }[] }>(
		"GET",
		"/api/imports/mappings?kind=assets.ledger",
	);
	assert.deepEqual(saved.items.map((m) => m.source).sort(), ["人事課CSV", "財政課台帳"]);

	// Every module's import offers the same screen: the cloud-service register in the city's own
	// list (a title row, its own words, a column Mamori does not keep, 和暦, a 合計 row).
	await page.goto("/cloud-services");
	await page.getByRole("heading", { level: 1, name: "クラウドサービス等利用台帳" }).waitFor();
	await page.getByRole("button", { name: "取込", exact: true }).click();
	// The register's own import dialog offers the city's layout; the mapping screen takes over.
	await page.getByRole("dialog", { name: "クラウドサービス等利用台帳の取込" }).waitFor();
	const services = [
		"クラウドサービス利用台帳（令和8年度）,,,,,,,,,,",
		"管理番号,システム名,事業者名,提供形態,担当課,格付,ISMAP登録状況,設置場所,バックアップ有無,見直し日,契約金額",
		`CS-901,電子申請,事業者A,SaaS,${UNIT_CODE},C2,ISMAP,国内,あり,令和9年4月1日,100000`,
		`CS-902,Web会議,事業者B,SaaS,${UNIT_CODE},C1,なし,国内,なし,R9.5.1,50000`,
		",,,,,,,,,合計,150000",
	].join("\r\n");
	const cloudDialog = await readHeader(page, "情報政策課のクラウド台帳", {
		name: "クラウド台帳.csv",
		mimeType: "text/csv",
		buffer: Buffer.from(encodeShiftJis(services)),
	});
	assert.equal(
		await cloudDialog.getByRole("combobox", { name: "契約金額", exact: true }).inputValue(),
		"",
	);
	assert.match(await checkSaveImport(cloudDialog, 2), /追加 2件/);
	const registered = await api<{ items: { code: string }[] }>("GET", "/api/cloud-services");
	assert.deepEqual(registered.items.map((item) => item.code).sort(), ["CS-901", "CS-902"]);
	assert.deepEqual(problems, []);
	await page.context().close();
});
