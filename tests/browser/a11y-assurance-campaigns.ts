import type { Walk } from "./a11y-screens.ts";
import { checkDialog, checkState } from "./axe.ts";

/** The self-inspection campaigns' pages of the accessibility walk (the world's campaigns). */
export function campaignPages(world: Walk["world"]): string[] {
	return [
		"/assurance/campaigns",
		`/assurance/campaigns/${world.campaignId}`,
		`/assurance/campaigns/${world.closedCampaignId}`,
		`/assurance/responses/${world.campaignRespondentId}`,
	];
}

/**
 * The self-inspection screens of the accessibility walk: opening a campaign, the rates with the
 * heat map, the 管理者's review and sign-off (with the evidence files), the close dialog with
 * its count of respondents who have not submitted, a closed campaign's 未回答 list, the
 * respondent's answer page with an evidence file; and the assurance sections of a policy review.
 */
export async function campaignScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/assurance/campaigns");
	await checkDialog(t, page, "campaign open", button("自己点検を開始"));
	await walk.visit(`/assurance/campaigns/${world.campaignId}`);
	await page.getByTestId("campaign-total").waitFor();
	await checkDialog(t, page, "campaign sign-off", button("確認する"), async (dialog) => {
		await dialog.getByTestId("sign-off-evidence").getByRole("button").first().waitFor();
	});
	await checkDialog(t, page, "campaign close", button("自己点検を終了"), async (dialog) => {
		await dialog.getByTestId("close-unsubmitted").waitFor();
	});
	await walk.visit(`/assurance/campaigns/${world.closedCampaignId}`);
	await checkState(t, page, "closed campaign with its 未回答", async () => {
		await page.getByTestId("campaign-closed").waitFor();
		await page.getByTestId("campaign-unanswered").waitFor();
	});
	await walk.visit(`/assurance/responses/${world.campaignRespondentId}`);
	await checkState(t, page, "answer page with an evidence file", async () => {
		await page
			.getByRole("button", { name: /^証跡をダウンロード/ })
			.first()
			.waitFor();
	});
	await walk.visit("/policy-reviews");
	await checkState(t, page, "review with its assurance sections", async () => {
		await button("開く").first().click();
		await page.getByTestId("review-campaigns").waitFor();
	});
	await checkDialog(t, page, "review corrective action", button("是正処置を起票"));
}
