import assert from "node:assert/strict";
import {
	groupDn,
	SERVICE_PASSWORD,
	slapdAvailable,
	startTestLdap,
	type TestLdap,
} from "../../scripts/test-ldap.ts";
import { openLdapSettings } from "../helpers/directory-world.ts";
import type { Walk } from "./a11y-screens.ts";
import { assertAccessible } from "./axe.ts";
import { watchedPage } from "./helpers.ts";
import { apiAs } from "./policy-helpers.ts";

/** An address nothing answers on: the directory is "down" when slapd is not installed. */
const UNREACHABLE = "ldap://127.0.0.1:9";

/**
 * Directory sign-in: the settings page empty, then configured (a mapping in its table), with a
 * connection test's result and a sync dry run's summary; the login page with the tenant's
 * directory sign-in first and with its refusal. With slapd installed (CI) the test and the dry
 * run read the private test directory; without it they show the "directory unavailable" alert.
 * The directory is switched off again at the end, so the rest of the walk signs in locally.
 */
export async function directoryScreens(walk: Walk, baseUrl: string): Promise<void> {
	const { t, page } = walk;
	const button = (name: string) => page.getByRole("button", { name, exact: true });
	await walk.visit("/directory");
	await assertAccessible(page, "the directory settings page, not configured");

	const ldap: TestLdap | null = slapdAvailable() ? await startTestLdap() : null;
	try {
		const api = await apiAs(page);
		const put = async (enabled: boolean, version: number | null) => {
			const { csrfToken } = (await (await page.request.get("/api/auth/session")).json()) as {
				csrfToken: string;
			};
			const response = await page.request.fetch("/api/directory/config", {
				method: "PUT",
				headers: { "x-csrf-token": csrfToken, "content-type": "application/json" },
				data: JSON.stringify({
					enabled,
					settings: openLdapSettings(ldap?.url ?? UNREACHABLE),
					bindPassword: SERVICE_PASSWORD,
					version,
				}),
			});
			assert.equal(response.status(), 200, await response.text());
		};
		await put(true, null);
		await api("POST", "/api/directory/mappings", {
			groupKey: groupDn("mamori-ciso"),
			role: "ciso",
			orgUnitId: null,
		});

		await t.test("directory: configured, a connection test and a sync dry run", async () => {
			await walk.visit("/directory");
			await page.getByRole("cell", { name: groupDn("mamori-ciso") }).waitFor();
			await assertAccessible(page, "the directory settings page with a mapping");
			await page.getByLabel("サインイン名", { exact: true }).fill("tanaka");
			await button("検索する").click();
			if (ldap) await page.getByText("uid=tanaka", { exact: false }).first().waitFor();
			else await page.getByRole("alert").waitFor();
			await assertAccessible(page, "the directory connection test's result");
			await button("試行（変更しない）").click();
			if (ldap) await page.getByText(/人・\d+グループを読み込みました/).waitFor();
			else await page.getByRole("alert").waitFor();
			await assertAccessible(page, "the directory sync dry run's summary");
		});

		await t.test("directory: the login page with the directory sign-in first", async () => {
			const context = await page
				.context()
				.browser()
				?.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: baseUrl });
			assert.ok(context);
			try {
				const { page: login } = await watchedPage(context);
				await login.goto(baseUrl);
				await login.getByRole("heading", { level: 1, name: "ログイン", exact: true }).waitFor();
				await login.getByLabel("団体").selectOption("demo");
				await login.getByRole("button", { name: "庁内アカウントでサインイン" }).waitFor();
				await assertAccessible(login, "the login page with the directory sign-in");
				await login.getByLabel("ユーザー名").fill("nobody");
				await login.getByLabel("パスワード").fill("not-the-password");
				await login.getByRole("button", { name: "庁内アカウントでサインイン" }).click();
				await login.getByRole("alert").waitFor();
				await assertAccessible(login, "the login page's directory sign-in refused");
			} finally {
				await context.close();
			}
		});

		const { version } = await api<{ version: number | null }>("GET", "/api/directory/config");
		await put(false, version);
	} finally {
		await ldap?.stop();
	}
}
