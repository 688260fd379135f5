import assert from "node:assert/strict";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";

export const NEW_PASSWORD = "a long municipal passphrase 2026";

/**
 * A demo administrator's first login in the Japanese UI: one-time password, new password, TOTP
 * enrolment (the test acts as the authenticator app), recovery codes, then the home page.
 * Returns the recovery codes.
 *
 * @example
 * await firstLogin(page, server.url, "saga", server.oneTimePasswords.saga ?? "");
 */
export async function firstLogin(
	page: Page,
	url: string,
	tenant: string,
	oneTimePassword: string,
): Promise<string[]> {
	const heading = (name: string) => page.getByRole("heading", { level: 1, name, exact: true });
	await page.goto(url);
	await heading("ログイン").waitFor();
	await page.getByLabel("団体").selectOption(tenant);
	await page.getByLabel("ユーザー名").fill("admin");
	await page.getByLabel("パスワード").fill(oneTimePassword);
	await page.getByRole("button", { name: "ログイン" }).click();

	await heading("パスワードの変更").waitFor();
	await page.getByLabel("現在のパスワード").fill(oneTimePassword);
	await page.getByLabel("新しいパスワード", { exact: true }).fill(NEW_PASSWORD);
	await page.getByLabel("新しいパスワード（確認）").fill(NEW_PASSWORD);
	await page.getByRole("button", { name: "パスワードを変更" }).click();

	await heading("二要素認証（TOTP）の登録").waitFor();
	const secret = (await page.getByTestId("totp-secret").textContent())?.replace(/\s/g, "") ?? "";
	assert.match(secret, /^[A-Z2-7]{32}$/);
	const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
	await page.getByLabel("認証アプリに表示された6桁のコード").fill(totp.generate());
	await page.getByRole("button", { name: "登録を完了" }).click();

	await heading("リカバリーコード").waitFor();
	const codes = await page
		.getByRole("list", { name: "リカバリーコード一覧" })
		.getByRole("listitem")
		.allTextContents();
	await page.getByLabel(/安全な場所に保管しました/).check();
	await page.getByRole("button", { name: "保管しました。次へ進む" }).click();
	await heading("ホーム").waitFor();
	return codes;
}
