import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../../src/db/connection.ts";
import { recordBackupRun } from "../../src/modules/backup/backup-runs.ts";
import { assertAccessible } from "./axe.ts";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLoginAs } from "./policy-helpers.ts";

/** Issue #23: Home's backup card, as the instance's administrator sees it. */

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

const card = (page: Page) => page.getByRole("region", { name: "バックアップ", exact: true });

async function goHome(page: Page): Promise<void> {
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "ホーム", exact: true })
		.click();
	await page.getByRole("heading", { level: 1, name: "ホーム", exact: true }).waitFor();
}

/** A good scheduled backup and drill, as the jobs record them, written beside the running server. */
async function recordGoodRuns(): Promise<void> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const at = new Date();
		for (const kind of ["backup", "drill"] as const) {
			await recordBackupRun(handle.db, {
				kind,
				startedAt: new Date(at.getTime() - 60_000),
				finishedAt: at,
				ok: true,
				location: "/var/backups/mamori/mamori-20261206T170000Z",
				bytes: kind === "backup" ? 1_048_576 : null,
				detail: kind === "drill" ? "1 tenants, 42 audit events verified" : null,
			});
		}
	} finally {
		await handle.db.destroy();
	}
}

test("the administrator is warned until a good backup is recorded, then sees the last one", async () => {
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
	});
	const { page } = await watchedPage(context);
	page.setDefaultTimeout(10_000);
	await firstLoginAs(page, server.url, "demo", "admin", server.oneTimePasswords.demo ?? "");
	await goHome(page);

	// No backup yet: the card says so and warns, in Japanese.
	await card(page).waitFor();
	await card(page).getByText("成功したバックアップはまだありません。").waitFor();
	await card(page).getByText("成功した復元訓練はまだありません。").waitFor();
	const warning = card(page).getByRole("alert");
	await warning.getByText(/成功したバックアップがありません/).waitFor();
	await assertAccessible(page, "Home with the backup warning");

	await recordGoodRuns();
	await page.reload();
	await page.getByRole("heading", { level: 1, name: "ホーム", exact: true }).waitFor();
	await card(page)
		.getByText(/^最後に成功したバックアップ: /)
		.waitFor();
	await card(page)
		.getByText(/^最後に成功した復元訓練: /)
		.waitFor();
	assert.equal(await card(page).getByRole("alert").count(), 0);
	assert.equal(await card(page).getByText("成功したバックアップはまだありません。").count(), 0);
	await assertAccessible(page, "Home with a good backup");
	await context.close();
});
