import type { Page } from "playwright-core";

/**
 * What has keyboard focus: its tag, name, `data-kbd` mark, whether it is inside `within`, and
 * whether it shows a focus outline.
 */
export interface Focused {
	tag: string;
	name: string;
	mark: string | null;
	inside: boolean;
	outlined: boolean;
}

/** The focused element, described; `within` is a CSS selector (e.g. `dialog[open]`). */
export async function focused(page: Page, within = "body"): Promise<Focused> {
	return page.evaluate((selector) => {
		const element = document.activeElement;
		if (!element || element === document.body) {
			return { tag: "body", name: "", mark: null, inside: false, outlined: false };
		}
		const name =
			element.getAttribute("aria-label") ??
			("labels" in element
				? (element.labels as NodeListOf<HTMLLabelElement>)[0]?.textContent
				: null) ??
			element.textContent ??
			"";
		const style = getComputedStyle(element);
		return {
			outlined: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0,
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
 * focused on the way (each showing its focus outline; the first, which the dialog focused on
 * opening, may show none), and focus never went to the page behind it.
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
	assertOutlined(trail.slice(1), seen);
}

/** Fail unless every control Tab reached (those with a `data-kbd` mark) showed its focus. */
function assertOutlined(trail: readonly Focused[], seen: string): void {
	const unseen = trail.filter((f) => f.mark !== null && !f.outlined).map((f) => f.name);
	if (unseen.length > 0) throw new Error(`no visible focus on ${unseen.join(", ")}: ${seen}`);
}

/**
 * Tab forward through the part of the page `within` (a CSS selector; its first match), from
 * just before it until focus leaves it. Fails unless every enabled, visible link, button, field
 * and summary in it was focused on the way, showing its focus outline (a radio group counts once: Tab enters it at its
 * checked button, the arrow keys move inside; a date field takes a Tab per part).
 *
 * @example
 * await tabThroughRegion(page, "form.draft-editor");
 */
export async function tabThroughRegion(page: Page, within: string): Promise<void> {
	const controls = await page
		.locator(within)
		.first()
		.evaluate((region) => {
			for (const marked of document.querySelectorAll("[data-kbd]"))
				marked.removeAttribute("data-kbd");
			const candidates = region.querySelectorAll<HTMLElement>(
				"a[href], button, input, select, textarea, summary, [tabindex]",
			);
			const groups = new Set<string>();
			const tabbable = [...candidates].filter((element) => {
				if (element === region || element.matches(":disabled, [type=hidden], [tabindex='-1']"))
					return false;
				if (!element.checkVisibility()) return false;
				if (element instanceof HTMLInputElement && element.type === "radio") {
					const group = region.querySelectorAll(`input[type=radio][name="${element.name}"]`);
					const entry = [...group].find((r) => (r as HTMLInputElement).checked) ?? group[0];
					if (entry !== element || groups.has(element.name)) return false;
					groups.add(element.name);
				}
				return true;
			});
			for (const [i, element] of tabbable.entries()) element.setAttribute("data-kbd", String(i));
			// Start from the region itself (focusable from script only), as if just before it.
			if (!region.hasAttribute("tabindex")) {
				region.setAttribute("data-kbd-start", "");
				region.setAttribute("tabindex", "-1");
			}
			(region as HTMLElement).focus();
			return tabbable.length;
		});
	if (controls === 0) throw new Error(`${within} has no control to reach`);
	let trail: Focused[] = [];
	try {
		trail = await tabUntil(page, (f) => !f.inside, { max: controls * 4 + 3, within });
	} finally {
		await page.evaluate(() => {
			for (const element of document.querySelectorAll("[data-kbd-start]")) {
				element.removeAttribute("data-kbd-start");
				element.removeAttribute("tabindex");
			}
		});
	}
	const seen = trail.map((f) => `${f.tag}「${f.name}」${f.inside ? "" : " (after)"}`).join(" → ");
	const reached = new Set(trail.map((f) => f.mark));
	const missed = [...Array(controls).keys()].filter((i) => !reached.has(String(i)));
	if (missed.length > 0)
		throw new Error(`controls ${missed} of ${within} not reached by Tab: ${seen}`);
	assertOutlined(trail, seen);
}
