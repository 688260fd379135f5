import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog } from "./axe.ts";

/** The webhooks page of the accessibility walk (by path), before any receiver. */
export function webhookPages(): string[] {
	return ["/settings/webhooks"];
}

/**
 * Webhooks: a receiver subscribed through the form (the server allows 127.0.0.1: see
 * tests/browser/helpers.ts), its signing secret shown once in a dialog, a test event queued,
 * then the page with its receiver and delivery, and the confirmation of removing it.
 */
export async function webhookScreens(walk: Walk): Promise<void> {
	const { t, page } = walk;
	const button = (name: string) => page.getByRole("button", { name, exact: true });
	await walk.visit("/settings/webhooks");
	await t.test("webhooks: the signing secret shown once", async () => {
		await page.getByLabel("送信先URL").fill("http://127.0.0.1:9/hook");
		await page.getByLabel("インシデントの報告（起票）").check();
		await button("送信先を登録").click();
		await page.locator("dialog[open]").waitFor();
		await assertAccessible(page, "the signing secret dialog", "dialog[open]");
		await button("設定しました").click();
		await page.locator("dialog[open]").waitFor({ state: "detached" });
		await button("テスト送信").click();
		await page.getByRole("status").waitFor();
		await assertAccessible(page, "the webhooks page with a receiver and a delivery");
	});
	await checkDialog(t, page, "webhooks remove", button("登録を削除"));
}
