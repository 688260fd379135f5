import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";

/**
 * The rules checked: WCAG 2.0 and 2.1, levels A and AA. WCAG 2.1 AA is a superset of WCAG 2.0
 * AA, which JIS X 8341-3:2016 adopts as its level AA.
 */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

/** The impacts that fail the check; `moderate` and `minor` findings are reported by axe only. */
const FAILING = new Set(["critical", "serious"]);

export interface AxeFinding {
	rule: string;
	impact: string;
	help: string;
	helpUrl: string;
	/** The CSS selector of each element that breaks the rule, with its HTML (shortened). */
	targets: string[];
}

/**
 * Run axe-core on the page (or only inside `scope`, a CSS selector such as `dialog[open]`) and
 * return its critical and serious violations of the WCAG 2.1 AA rules.
 *
 * @example
 * const findings = await axeFindings(page, "dialog[open]");
 */
export async function axeFindings(page: Page, scope?: string): Promise<AxeFinding[]> {
	let builder = new AxeBuilder({ page }).withTags([...WCAG_21_AA]);
	if (scope) builder = builder.include(scope);
	const result = await builder.analyze();
	return result.violations
		.filter((violation) => FAILING.has(violation.impact ?? ""))
		.map((violation) => ({
			rule: violation.id,
			impact: violation.impact ?? "",
			help: violation.help,
			helpUrl: violation.helpUrl,
			targets: violation.nodes.map(
				(node) => `${node.target.join(" ")}  ${node.html.replace(/\s+/g, " ").slice(0, 160)}`,
			),
		}));
}

/** A failure message a person can act on: each rule with its help text and every element. */
export function describeFindings(where: string, findings: readonly AxeFinding[]): string {
	const lines = [`${findings.length} critical/serious axe violation(s) on ${where}:`];
	for (const finding of findings) {
		lines.push(`- [${finding.impact}] ${finding.rule}: ${finding.help} (${finding.helpUrl})`);
		for (const target of finding.targets) lines.push(`    at ${target}`);
	}
	return lines.join("\n");
}

/**
 * Fail with a readable list when axe finds a critical or serious violation on the page or in
 * `scope`.
 *
 * @example
 * await assertAccessible(page, "the asset ledger");
 */
export async function assertAccessible(page: Page, where: string, scope?: string): Promise<void> {
	const findings = await axeFindings(page, scope);
	if (findings.length > 0) throw new Error(describeFindings(where, findings));
}

/**
 * Open a dialog with `opener`, check it, close it with Escape, and check that focus went back
 * to the opener. `inside` does more in the dialog (e.g. submit to reach its next step) first.
 */
export async function checkDialog(
	t: TestContext,
	page: Page,
	name: string,
	opener: Locator,
	inside?: (dialog: Locator) => Promise<void>,
): Promise<void> {
	await t.test(`dialog: ${name}`, async () => {
		await opener.evaluate((element) => element.setAttribute("data-a11y-opener", ""));
		await opener.click();
		const dialog = page.locator("dialog[open]");
		try {
			await dialog.waitFor();
			await assertAccessible(page, `the dialog ${name}`, "dialog[open]");
			if (inside) await inside(dialog);
		} finally {
			await page.keyboard.press("Escape");
			await dialog.waitFor({ state: "detached" });
		}
		const back = await page.evaluate(() => {
			const opener = document.querySelector("[data-a11y-opener]");
			opener?.removeAttribute("data-a11y-opener");
			return opener === null || document.activeElement === opener;
		});
		assert.ok(back, `focus returns to the opener of ${name}`);
	});
}

/** Check the page as it is now, after `reveal` opened something in it (a form, a result). */
export async function checkState(
	t: TestContext,
	page: Page,
	name: string,
	reveal: () => Promise<void>,
) {
	await t.test(`state: ${name}`, async () => {
		await reveal();
		await page.waitForLoadState("networkidle");
		await assertAccessible(page, name);
	});
}
