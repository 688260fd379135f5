import assert from "node:assert/strict";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";

export const PASSPHRASE = "a long municipal passphrase 2026";

/**
 * A new account's first login in the Japanese UI: one-time password, new password, and TOTP
 * enrolment when its roles require it (the test acts as the authenticator app); ends at home.
 */
export async function firstLoginAs(
	page: Page,
	url: string,
	tenant: string,
	username: string,
	oneTimePassword: string,
): Promise<void> {
	const heading = (name: string) => page.getByRole("heading", { level: 1, name, exact: true });
	await page.goto(url);
	await heading("ログイン").waitFor();
	await page.getByLabel("団体").selectOption(tenant);
	await page.getByLabel("ユーザー名").fill(username);
	await page.getByLabel("パスワード").fill(oneTimePassword);
	await page.getByRole("button", { name: "ログイン" }).click();
	await heading("パスワードの変更").waitFor();
	await page.getByLabel("現在のパスワード").fill(oneTimePassword);
	await page.getByLabel("新しいパスワード", { exact: true }).fill(PASSPHRASE);
	await page.getByLabel("新しいパスワード（確認）").fill(PASSPHRASE);
	await page.getByRole("button", { name: "パスワードを変更" }).click();
	const enrol = heading("二要素認証（TOTP）の登録");
	await Promise.race([enrol.waitFor(), heading("ホーム").waitFor()]);
	if (await enrol.isVisible()) {
		const secret = (await page.getByTestId("totp-secret").textContent())?.replace(/\s/g, "") ?? "";
		assert.match(secret, /^[A-Z2-7]{32}$/);
		const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
		await page.getByLabel("認証アプリに表示された6桁のコード").fill(totp.generate());
		await page.getByRole("button", { name: "登録を完了" }).click();
		await heading("リカバリーコード").waitFor();
		await page.getByLabel(/安全な場所に保管しました/).check();
		await page.getByRole("button", { name: "保管しました。次へ進む" }).click();
	}
	await heading("ホーム").waitFor();
}

/**
 * Call the API as the page's logged-in user (its cookies, the session's CSRF token), for setting
 * up what a test does not exercise through the UI. Fails on any non-2xx answer.
 */
export async function apiAs(page: Page) {
	const session = await page.request.get("/api/auth/session");
	const { csrfToken } = (await session.json()) as { csrfToken: string };
	return async <T>(
		method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
		path: string,
		body?: unknown,
	): Promise<T> => {
		const response = await page.request.fetch(path, {
			method,
			headers: { "x-csrf-token": csrfToken, "content-type": "application/json" },
			...(body === undefined ? {} : { data: JSON.stringify(body) }),
		});
		const text = await response.text();
		assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	};
}
