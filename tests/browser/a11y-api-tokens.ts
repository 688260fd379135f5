import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog } from "./axe.ts";

/** The API tokens page of the accessibility walk (by path), before any token. */
export function apiTokenPages(): string[] {
	return ["/settings/api-tokens"];
}

/**
 * API tokens: a token issued through the form and shown once (with its warning and copy
 * button), then the list with it, and the confirmation of revoking it.
 */
export async function apiTokenScreens(walk: Walk): Promise<void> {
	const { t, page } = walk;
	const button = (name: string) => page.getByRole("button", { name, exact: true });
	await walk.visit("/settings/api-tokens");
	await t.test("api tokens: the new token shown once", async () => {
		await page.getByLabel("クライアント名").fill("SIEM");
		await page.getByLabel(/インシデントの起票/).check();
		await button("トークンを発行").click();
		await page.getByRole("region", { name: "SIEM のトークン" }).waitFor();
		await assertAccessible(page, "the API tokens page with a new token shown once");
		await button("設定しました").click();
		await page.getByRole("region", { name: "SIEM のトークン" }).waitFor({ state: "detached" });
		await assertAccessible(page, "the API tokens page with a token");
	});
	await checkDialog(t, page, "api token revoke", button("SIEM のトークンを失効させる"));
}
