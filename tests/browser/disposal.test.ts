import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Locator } from "playwright-core";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs } from "./policy-helpers.ts";

/** The text a person sees in an element, cells separated by tabs. */
const shown = async (locator: Locator) => (await locator.allInnerTexts()).join("\n");

let server: RunningServer;
let browser: Browser;
let dir: string;

before(async () => {
	server = await startServer();
	browser = await launchBrowser();
	dir = await mkdtemp(join(tmpdir(), "mamori-disposal-"));
});

after(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) await rm(dir, { recursive: true, force: true });
});

/** What a contractor's erasure certificate looks like to the server: a small PDF. */
const CERTIFICATE = new TextEncoder().encode(
	"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% データ消去証明書 SN-HDD-0001\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("a disposal is recorded, its certificate uploaded (SHA-256 shown), and closed: the asset is 廃棄済み", async () => {
	const options = { locale: "ja-JP", timezoneId: "Asia/Tokyo", baseURL: server.url };
	const context = await browser.newContext(options);
	const { page, problems } = await watchedPage(context);
	await firstLogin(page, server.url, "demo", server.oneTimePasswords.demo ?? "");
	const api = await apiAs(page);
	const units = await api<{ items: { id: string; kind: string }[] }>("GET", "/api/org-units");
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit);
	const asset = await api<{ id: string }>("POST", "/api/assets", {
		code: "HDD-2019-014",
		name: "ファイルサーバ用ハードディスク",
		kind: "systems",
		ownerUnitId: unit.id,
		managerName: null,
		location: "本庁舎サーバ室",
		zone: "lgwan",
		personalData: "personal",
		retention: null,
		lifecycle: "stored",
		relatedSystem: null,
		notes: null,
		levels: ["C2", "I2", "A2"],
	});

	await page.goto(`${server.url}/assets/${asset.id}/custody`);
	const panel = page.getByTestId("disposal-panel");
	await panel.getByRole("button", { name: "廃棄・返却を記録" }).click();
	const methods = await panel.getByLabel("方法").locator("option").allTextContents();
	assert.ok(!methods.includes("通常の削除"), "class C2 offers no plain deletion");
	await panel.getByLabel("方法").selectOption({ label: "物理破壊" });
	await panel.getByLabel("実施日").fill("2026-03-15");
	await panel.getByLabel("立会者").fill("情報政策課 佐藤");
	await panel.getByLabel("委託業者・リース会社").fill("株式会社データ消去サービス");
	await panel.getByLabel("製造番号").fill("SN-HDD-0001\nSN-HDD-0002");
	await panel.getByRole("button", { name: "記録する" }).click();
	await panel.getByRole("status").filter({ hasText: "廃棄・返却を記録しました。" }).waitFor();
	await page.getByTestId("asset-lifecycle").getByText("廃棄待ち").waitFor();

	// Storage media: no closing before the erasure certificate is attached.
	const close = panel.getByRole("button", { name: "廃棄を完了する" });
	assert.ok(await close.isDisabled());
	await panel.getByText("消去証明書を添付するまで完了できません。").waitFor();

	const file = join(dir, "消去証明書.pdf");
	await writeFile(file, CERTIFICATE);
	await panel.getByLabel("種類", { exact: true }).selectOption({ label: "消去証明書" });
	await panel.getByLabel("ファイル", { exact: true }).setInputFiles(file);
	await panel.getByRole("button", { name: "添付する" }).click();
	const sha256 = createHash("sha256").update(CERTIFICATE).digest("hex");
	await panel.getByRole("status").filter({ hasText: sha256 }).waitFor();
	const files = panel.getByRole("table", { name: "消去証明書・写真" });
	await files.getByText(sha256).waitFor();
	assert.match(await shown(files), /消去証明書\s+消去証明書\.pdf/);

	await close.click();
	// Completing cannot be undone: a dialog asks first.
	const confirm = page.getByRole("dialog", { name: "記録を完了しますか" });
	await confirm.getByText(/元に戻すことはできません/).waitFor();
	await confirm.getByRole("button", { name: "廃棄を完了する" }).click();
	await panel
		.getByRole("status")
		.filter({ hasText: "廃棄を完了しました。資産は廃棄済みになりました。" })
		.waitFor();
	await page.getByTestId("asset-lifecycle").getByText("廃棄済み").waitFor();
	const stored = await api<{ lifecycle: string }>("GET", `/api/assets/${asset.id}`);
	assert.equal(stored.lifecycle, "disposed");

	// The register lists it with the certificate's hash; the download matches that hash.
	await page
		.getByRole("navigation", { name: "メインメニュー" })
		.getByRole("link", { name: "廃棄・返却記録簿" })
		.click();
	const register = page.getByRole("table", { name: "廃棄・返却記録簿" });
	const row = register.getByRole("row").filter({ hasText: "HDD-2019-014" });
	await row.waitFor();
	assert.match(
		await shown(row),
		/物理破壊\s+令和8年3月15日\s+情報政策課 佐藤\s+株式会社データ消去サービス\s+SN-HDD-0001, SN-HDD-0002/,
	);
	assert.ok((await shown(row)).includes(sha256));
	const disposals = await api<{ items: { id: string; files: { id: string }[] }[] }>(
		"GET",
		`/api/disposals?assetId=${asset.id}`,
	);
	const record = disposals.items[0];
	const download = await page.request.get(
		`/api/disposals/${record?.id}/files/${record?.files[0]?.id}`,
	);
	assert.equal(download.status(), 200);
	assert.equal(
		createHash("sha256")
			.update(await download.body())
			.digest("hex"),
		sha256,
	);
	const csv = await page.request.get("/api/disposals/export?format=csv&from=2026-03-01");
	assert.ok((await csv.text()).includes(sha256));
	assert.deepEqual(problems, []);
	await context.close();
});
