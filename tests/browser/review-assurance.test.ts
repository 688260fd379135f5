import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { assertAccessible } from "./axe.ts";
import { addUser, launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { apiAs, firstLoginAs } from "./policy-helpers.ts";

/**
 * The yearly review (見直し) shows what assurance holds of its fiscal year without typing: the
 * findings counted against the year before, the major ones still open, the audits and the plan's
 * coverage. The CISO, who decides, opens a corrective action (是正処置) from the decision.
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

test("the CISO sees the review's findings and audits inputs and raises a corrective action", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	const otp = await addUser(server, "demo", "ciso-review", ["ciso"]);
	const ciso = await watchedPage(await browser.newContext(options));
	await firstLoginAs(ciso.page, server.url, "demo", "ciso-review", otp);

	const api = await apiAs(ciso.page);
	const findingOptions = await api<{ units: { id: string; name: string }[] }>(
		"GET",
		"/api/findings/options",
	);
	const unit = findingOptions.units[0];
	assert.ok(unit, "the demo tenant has a unit");
	const major = await api<{ id: string; reference: string }>("POST", "/api/findings", {
		title: "委託先との契約に再委託の条項がない",
		clause: "対策基準 8.1",
		ownerUnitId: unit.id,
		severity: "major",
		dueOn: "2099-03-31",
	});

	await ciso.page.goto(`${server.url}/policy-reviews`);
	await ciso.page.getByRole("button", { name: "定例の見直しを開始" }).click();
	const findings = ciso.page.getByRole("region", { name: /^指摘事項（/ });
	await findings.getByTestId("review-finding-total").waitFor();
	assert.match(
		(await findings.getByTestId("review-finding-total").textContent()) ?? "",
		/^指摘 1 件（前年度比 \+1）、うち是正期限超過 0 件（前年度比 ±0）$/,
	);
	await findings.getByTestId("review-open-major").getByText(major.reference).waitFor();
	const audits = ciso.page.getByRole("region", { name: /^監査（/ });
	await audits.getByText("この年度の年度監査計画はありません。").waitFor();
	await audits.getByText("この年度の監査はありません。").waitFor();
	const selfInspection = ciso.page.getByRole("region", { name: /^自己点検（/ });
	await selfInspection.getByText("この年度の自己点検はありません。").waitFor();
	await selfInspection.getByTestId("review-campaign-rates").waitFor();
	await assertAccessible(ciso.page, "a review with its assurance inputs");

	await ciso.page.getByRole("button", { name: "是正処置を起票" }).click();
	const dialog = ciso.page.locator("dialog[open]");
	await dialog.waitFor();
	await assertAccessible(ciso.page, "the corrective action dialog", "dialog[open]");
	await dialog.getByLabel("指摘事項").fill("例外措置の申請手続が運用されていない");
	await dialog.getByLabel("該当条項").fill("対策基準 9.2");
	await dialog.getByLabel("所管").selectOption(unit.id);
	await dialog.getByRole("button", { name: "指摘を登録" }).click();
	await dialog.waitFor({ state: "detached" });
	const raised = ciso.page.getByTestId("review-raised-finding");
	await raised.waitFor();
	assert.match((await raised.textContent()) ?? "", /^指摘 F-\d{4}-\d{4} を起票しました。$/);
	assert.deepEqual(ciso.problems, []);
});
