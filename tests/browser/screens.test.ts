import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { launchBrowser, type RunningServer, startServer, watchedPage } from "./helpers.ts";
import { firstLogin } from "./login-flow.ts";
import { apiAs } from "./policy-helpers.ts";

/**
 * The screens of the "fits the screen", at a common office laptop width (1366 × 900)
 * and a phone (390 × 844): each is saved as a PNG in docs/screens/ and checked for content cut
 * off on the right. Wide content may only overflow inside a box marked as scrolling (a hint and
 * keyboard focus, see ScrollHints.tsx); the tier diagram must fit its box whole.
 */

const SCREENS_DIR = resolve(import.meta.dirname, "../../docs/screens");
const VIOLATIONS_YAML = resolve(import.meta.dirname, "../../examples/network/violations.yaml");
const VIEWPORTS = [
	{ width: 1366, height: 900 },
	{ width: 390, height: 844 },
] as const;
const SCREENS = [
	{ name: "home", path: "/" },
	{ name: "assets", path: "/assets" },
	{ name: "take-out", path: "/take-outs" },
	{ name: "network", path: "/network" },
	{ name: "incident-report", path: "/incidents/report" },
] as const;

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

/** Elements whose right edge lies beyond what shows of them, outside any marked scroll box. */
function cutOff(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found: string[] = [];
		const describe = (element: Element) =>
			`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} 「${(element.textContent ?? "").trim().slice(0, 30)}」`;
		for (const element of document.body.querySelectorAll("*")) {
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0 || element.closest("[data-overflow]")) continue;
			if (element.closest(".visually-hidden, .skip-link")) continue;
			let limit = window.innerWidth;
			for (let up = element.parentElement; up; up = up.parentElement) {
				if (getComputedStyle(up).overflowX !== "visible") {
					limit = Math.min(limit, up.getBoundingClientRect().right);
					break;
				}
			}
			if (box.right > limit + 1) found.push(`${describe(element)} ends at ${box.right} > ${limit}`);
		}
		return found;
	});
}

/** Zooming in makes the diagram wider than its box, which then scrolls; "fit" shows it whole. */
async function zoomsWithinItsBox(page: Page): Promise<void> {
	const box = page.locator(".network-diagram-scroll");
	const widths = () =>
		box.evaluate((element) => ({ content: element.scrollWidth, shown: element.clientWidth }));
	await page.getByRole("button", { name: "拡大" }).click();
	await page.getByTestId("network-zoom-level").getByText("150%").waitFor();
	const zoomed = await widths();
	assert.ok(zoomed.content > zoomed.shown * 1.4, `zoomed in: ${JSON.stringify(zoomed)}`);
	await box.and(page.locator("[data-overflow]")).waitFor();
	await page.getByRole("button", { name: "全体を表示" }).click();
	await page.getByTestId("network-zoom-level").getByText("100%").waitFor();
	const fitted = await widths();
	assert.ok(fitted.content <= fitted.shown, `fitted: ${JSON.stringify(fitted)}`);
}

test("Home, the ledger, the take-out form, the network page and the incident report form fit 1366 and 390 px; screenshots in docs/screens", async () => {
	await mkdir(SCREENS_DIR, { recursive: true });
	const context = await browser.newContext({
		locale: "ja-JP",
		timezoneId: "Asia/Tokyo",
		baseURL: server.url,
		viewport: VIEWPORTS[0],
	});
	const { page, problems } = await watchedPage(context);
	await firstLogin(page, server.url, "demo", server.oneTimePasswords.demo ?? "");

	// Some records, so that the screens show rows: a few assets, and a violating network model.
	const api = await apiAs(page);
	const units = await api<{ items: { id: string; kind: string }[] }>("GET", "/api/org-units");
	const unit = units.items.find((u) => u.kind === "section") ?? units.items[0];
	assert.ok(unit, "the demo tenant has org units");
	const assets: [string, string, string, string][] = [
		["PC-2026-001", "業務用ノートPC（情報政策課）", "lgwan", "personal"],
		["SV-2019-003", "住民記録システム サーバ", "mynumber", "specific_personal"],
		["WEB-001", "公式ウェブサイト CMS", "internet", "none"],
	];
	for (const [code, name, zone, personalData] of assets) {
		await api("POST", "/api/assets", {
			...{ code, name, zone, personalData, kind: "systems", ownerUnitId: unit.id },
			...{ managerName: "情報政策課長", location: "本庁舎", retention: "5年" },
			...{ lifecycle: "in_use", relatedSystem: null, notes: null, levels: ["C2", "I2", "A2"] },
		});
	}
	await page.goto(`${server.url}/network`);
	await page.getByLabel("構成ファイル（YAML / JSON）").setInputFiles(VIOLATIONS_YAML);
	await page.getByRole("button", { name: "読み込む" }).click();
	await page.getByRole("status").filter({ hasText: "violations.yaml" }).waitFor();
	await page.getByRole("button", { name: "構成を保存" }).click();
	await page.getByText("未保存の変更あり").waitFor({ state: "detached" });

	for (const viewport of VIEWPORTS) {
		await page.setViewportSize(viewport);
		for (const screen of SCREENS) {
			const where = `${screen.name} at ${viewport.width} px`;
			await page.goto(`${server.url}${screen.path}`);
			await page.locator("main h1").first().waitFor();
			if (screen.name === "take-out") {
				// The form with an asset chosen, so its protections show.
				const choice = page.getByLabel("資産", { exact: true });
				const label = await choice
					.locator("option")
					.filter({ hasText: "PC-2026-001" })
					.textContent();
				await choice.selectOption({ label: label ?? "" });
			}
			if (screen.name === "network") await page.getByTestId("network-diagram").waitFor();
			if (screen.name === "incident-report") {
				// The ledger's assets offered, one of them chosen.
				await page.getByLabel(/PC-2026-001/).check();
			}
			await page.waitForLoadState("networkidle");

			const widths = await page.evaluate(() => ({
				page: document.documentElement.scrollWidth,
				window: window.innerWidth,
			}));
			assert.ok(widths.page <= widths.window, `${where}: the page is ${widths.page} px wide`);
			assert.deepEqual(await cutOff(page), [], `${where}: nothing is cut off`);
			if (screen.name === "network") {
				const fit = await page.evaluate(() => {
					const box = document.querySelector(".network-diagram-scroll")?.getBoundingClientRect();
					const svg = document.querySelector("[data-testid=network-diagram]");
					const drawn = svg?.getBoundingClientRect();
					return box && drawn ? { box: box.right, drawn: drawn.right, view: innerWidth } : null;
				});
				assert.ok(fit, "the diagram is drawn");
				assert.ok(fit.drawn <= fit.box + 1, `${where}: the diagram ends inside its box`);
				assert.ok(fit.box <= fit.view, `${where}: the box ends inside the window`);
				await zoomsWithinItsBox(page);
			}
			// No focus ring of the last click in the picture; a palette PNG keeps the file small.
			await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
			await page.mouse.move(0, 0);
			const shot = await page.screenshot({ fullPage: true });
			await writeFile(
				resolve(SCREENS_DIR, `${screen.name}-${viewport.width}.png`),
				await sharp(shot).png({ palette: true, compressionLevel: 9 }).toBuffer(),
			);
		}
	}
	assert.deepEqual(problems, []);
	await context.close();
});
