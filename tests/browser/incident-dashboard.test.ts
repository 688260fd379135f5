import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { assertAccessible } from "./axe.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * The CISO's Home shows the legal reports owed to the PPC until they are filed, with their due
 * dates; the tenant's administrator sets the days for the preliminary report (速報) on the
 * settings page, and the due date on Home follows.
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

test("the CISO sees the PPC reports owed on Home until filed; the 速報 day is the tenant's", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	const adminContext = await browser.newContext(options);
	const admin = await watchedPage(adminContext);
	await firstLogin(admin.page, server.url, "demo", server.oneTimePasswords.demo ?? "");

	const cisoOtp = await addUser(server, "demo", "ciso-home", ["ciso", "csirt"]);
	const cisoContext = await browser.newContext(options);
	const ciso = await watchedPage(cisoContext);
	await firstLoginAs(ciso.page, server.url, "demo", "ciso-home", cisoOtp);
	const card = ciso.page.getByRole("region", { name: "インシデントの状況" });
	await card.getByText("提出していない法定報告はありません。").waitFor();

	// A lost USB stick with 150 residents' data, known on Sunday 30 November 2025.
	const api = await apiAs(ciso.page);
	const incident = await api<{ id: string; reference: string }>("POST", "/api/incidents", {
		whatHappened: "住民150人分の名簿が入ったUSBメモリを紛失した。",
		noticedAt: "2025-11-30T09:00:00+09:00",
		knownAt: "2025-11-30",
		personalData: true,
	});
	await api("POST", `/api/incidents/${incident.id}/triage`, {
		version: 1,
		category: "unintentional",
		severity: 2,
		people: 150,
		dataKinds: ["personal"],
	});
	await ciso.page.reload();
	await card.getByText("提出していない法定報告が 2 件あります。").waitFor();
	const owed = card.getByRole("list");
	assert.deepEqual(await owed.getByRole("listitem").allInnerTexts(), [
		`${incident.reference} 個人情報保護委員会 速報 期限 令和7年12月4日 期限超過`,
		`${incident.reference} 個人情報保護委員会 確報 期限 令和8年1月5日 期限超過`,
	]);
	await assertAccessible(ciso.page, "Home with the incident card");

	// The administrator sets the 速報 to day 3; the CISO's Home shows Tuesday 2 December.
	await admin.page.goto(`${server.url}/settings`);
	const days = admin.page.getByLabel("速報の目安（知った日から何日目まで）");
	await days.waitFor();
	await admin.page.getByText("ポリシーパックの目安（5日目）").waitFor();
	await days.fill("3");
	await admin.page.getByRole("button", { name: "保存" }).click();
	await admin.page.getByText("設定を保存しました。").waitFor();
	await assertAccessible(admin.page, "settings with the 速報 days");
	await ciso.page.reload();
	await card.getByText(/速報 期限 令和7年12月2日/).waitFor();

	// Filed: the preliminary report leaves the list, then the final one.
	await api("POST", `/api/incidents/${incident.id}/filings`, {
		obligation: "ppc_personal_information",
		stage: "preliminary",
		filedOn: "2025-12-01",
	});
	await ciso.page.reload();
	await card.getByText("提出していない法定報告が 1 件あります。").waitFor();
	await api("POST", `/api/incidents/${incident.id}/filings`, {
		obligation: "ppc_personal_information",
		stage: "final",
		filedOn: "2025-12-20",
	});
	await ciso.page.reload();
	await card.getByText("提出していない法定報告はありません。").waitFor();
	// This fiscal year's figures: the case was reported now; both reports were filed on time.
	await card.getByRole("heading", { name: "令和8年度のインシデントの集計" }).waitFor();
	const figures = card.locator("dl");
	assert.equal(await figures.locator("[data-figure=total]").textContent(), "1");
	for (const stage of ["preliminary", "final"]) {
		assert.equal(
			await figures.locator(`[data-figure=reporting-${stage}]`).textContent(),
			"1件・0件・0件",
		);
	}
	assert.equal(await card.getByLabel("年度").inputValue(), "2026");

	const download = ciso.page.waitForEvent("download");
	await card.getByRole("button", { name: "集計を Excel で書き出す" }).click();
	assert.match((await download).suggestedFilename(), /^インシデント統計_令和8年度_\d{8}\.xlsx$/u);
	assert.deepEqual(ciso.problems, []);
	assert.deepEqual(admin.problems, []);

	// Closed with its 再発防止, the case is an input of this year's review (見直し).
	await api("POST", `/api/incidents/${incident.id}/transitions`, {
		version: 2,
		action: "close",
		prevention: "名簿の持ち出しは暗号化USBに限る",
	});
	await ciso.page.goto(`${server.url}/policy-reviews`);
	await ciso.page.getByRole("button", { name: "定例の見直しを開始" }).click();
	const input = ciso.page.getByRole("region", { name: "インシデント（対象期間に完了した事案）" });
	await input.getByText("完了した事案 1 件、うち再発防止策の記録 1 件。").waitFor();
	const row = input.getByRole("row").filter({ hasText: incident.reference });
	await row.getByText("名簿の持ち出しは暗号化USBに限る").waitFor();
	await ciso.page.getByLabel("インシデントについての所見（任意）").fill("紛失が続けば方針を改める");
	await assertAccessible(ciso.page, "a review with its incident input");
	assert.deepEqual(ciso.problems, []);
});
