import type { Page } from "playwright-core";

/** What has keyboard focus: its tag, name, `data-kbd` mark, and whether it is inside `within`. */
export interface Focused {
	tag: string;
	name: string;
	mark: string | null;
	inside: boolean;
}

/** The focused element, described; `within` is a CSS selector (e.g. `dialog[open]`). */
export async function focused(page: Page, within = "body"): Promise<Focused> {
	return page.evaluate((selector) => {
		const element = document.activeElement;
		if (!element || element === document.body) {
			return { tag: "body", name: "", mark: null, inside: false };
		}
		const name =
			element.getAttribute("aria-label") ??
			(element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null) ??
			element.textContent ??
			"";
		return {
			tag: element.tagName.toLowerCase(),
			name: name.replace(/\s+/g, " ").trim(),
			mark: element.getAttribute("data-kbd"),
			inside: element.closest(selector) !== null,
		};
	}, within);
}

/**
 * Press Tab (Shift+Tab with `back`) until `reached` holds for the focused element, at most `max`
 * times; returns every element focused on the way (the trail), or throws with it.
 *
 * @example
 * await tabUntil(page, (f) => f.name === "資産を登録", { max: 40 });
 */
export async function tabUntil(
	page: Page,
	reached: (focus: Focused) => boolean,
	options: { max: number; within?: string; back?: boolean },
): Promise<Focused[]> {
	const trail: Focused[] = [];
	for (let i = 0; i < options.max; i++) {
		await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
		const focus = await focused(page, options.within);
		trail.push(focus);
		if (reached(focus)) return trail;
	}
	const seen = trail.map((f) => `${f.tag}「${f.name}」`).join(" → ");
	throw new Error(`not reached by keyboard in ${options.max} presses of Tab: ${seen}`);
}

/**
 * Tab through the open dialog from where it put focus, to the control named `last` and on
 * around once more. Fails unless every input, select, textarea and button of the dialog was
 * focused on the way, and focus never went to the page behind it.
 */
export async function tabThroughDialog(page: Page, last: string): Promise<void> {
	const within = "dialog[open]";
	const controls = await page.locator(within).evaluate((dialog) => {
		const all = [...dialog.querySelectorAll("input, select, textarea, button")];
		for (const [i, control] of all.entries()) control.setAttribute("data-kbd", String(i));
		return all.length;
	});
	const trail = [await focused(page, within)];
	trail.push(...(await tabUntil(page, (f) => f.name === last, { max: controls + 2, within })));
	// Past the last control, focus wraps around into the dialog again.
	trail.push(...(await tabUntil(page, (f) => f.mark !== null, { max: 3, within })));
	const seen = trail.map((f) => `${f.tag}「${f.name}」${f.inside ? "" : " (outside)"}`).join(" → ");
	const outside = trail.filter((f) => !f.inside && f.tag !== "body");
	if (outside.length > 0) throw new Error(`focus left the open dialog: ${seen}`);
	const reached = new Set(trail.map((f) => f.mark));
	const missed = [...Array(controls).keys()].filter((i) => !reached.has(String(i)));
	if (missed.length > 0) throw new Error(`controls ${missed} not reached by Tab: ${seen}`);
}
