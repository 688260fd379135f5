import { useEffect } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import "../styles/scroll.css";

/** The boxes that may scroll sideways: every table's wrapper, and any box marked `scroll-box`. */
export const SCROLL_BOXES = ".table-wrap, .scroll-box";

/** Marks this module puts on a box; only these are removed again when it stops overflowing. */
const MANAGED = "data-scroll-managed";

interface Texts {
	hint: string;
	region(name: string): string;
	unnamed: string;
}

/** The name of what a box holds: its table's caption or label, if any. */
function contentName(box: HTMLElement): string {
	const table = box.querySelector("table");
	const caption = table?.caption?.textContent?.trim();
	if (caption) return caption;
	const label = table?.getAttribute("aria-label")?.trim();
	if (label) return label;
	const labelledBy = table?.getAttribute("aria-labelledby");
	const labelling = labelledBy ? document.getElementById(labelledBy) : null;
	return labelling?.textContent?.trim() ?? "";
}

/** Show where more content hides: at the start, at the end, or both. */
function markEdges(box: HTMLElement): void {
	const more = box.scrollWidth - box.clientWidth;
	box.toggleAttribute("data-more-start", box.scrollLeft > 1);
	box.toggleAttribute("data-more-end", box.scrollLeft < more - 1);
}

/** One listener for every box (the same function, so a box never gets it twice). */
function onScroll(event: Event): void {
	markEdges(event.currentTarget as HTMLElement);
}

/**
 * Mark a box that is narrower than its content: a hint above it and fading edges show that it
 * scrolls; it becomes a named region that takes keyboard focus, so arrow keys scroll it and a
 * screen reader says so. The marks go again once everything fits.
 */
function mark(box: HTMLElement, texts: Texts): void {
	const overflowing = box.scrollWidth > box.clientWidth + 1;
	if (!overflowing) {
		if (!box.hasAttribute("data-overflow")) return;
		box.removeAttribute("data-overflow");
		box.removeAttribute("data-more-start");
		box.removeAttribute("data-more-end");
		for (const name of (box.getAttribute(MANAGED) ?? "").split(" ")) {
			if (name) box.removeAttribute(name);
		}
		box.removeAttribute(MANAGED);
		return;
	}
	box.setAttribute("data-overflow", "");
	box.setAttribute("data-scroll-hint", texts.hint);
	const managed = new Set((box.getAttribute(MANAGED) ?? "").split(" ").filter(Boolean));
	const own = (name: string, value: string) => {
		if (box.hasAttribute(name) && !managed.has(name)) return; // the page set it itself
		box.setAttribute(name, value);
		managed.add(name);
	};
	const name = contentName(box);
	own("tabindex", "0");
	own("role", "region");
	own("aria-label", name ? texts.region(name) : texts.unnamed);
	box.setAttribute(MANAGED, [...managed].join(" "));
	markEdges(box);
}

/**
 * Watches the page for sideways-scrolling boxes (see `SCROLL_BOXES`) and marks those whose
 * content is wider than they are. Rendered once, at the top of the app; pages need only wrap
 * a wide table in `<div className="table-wrap">`.
 */
export function ScrollHints() {
	const { t } = useI18n();
	const hint = t("scroll.hint");
	const unnamed = t("scroll.regionUnnamed");
	const region = t("scroll.region");

	useEffect(() => {
		const texts: Texts = { hint, unnamed, region: (name) => region.replace("{name}", name) };
		const watched = new WeakSet<Element>();
		const resized = new ResizeObserver((entries) => {
			for (const entry of entries) {
				const box = entry.target.closest<HTMLElement>(SCROLL_BOXES);
				if (box) mark(box, texts);
			}
		});
		const watch = (box: HTMLElement) => {
			if (!watched.has(box)) {
				watched.add(box);
				box.addEventListener("scroll", onScroll, { passive: true });
				resized.observe(box);
			}
			// The content too: a table grows wider as its rows arrive, the box does not.
			if (box.firstElementChild) resized.observe(box.firstElementChild);
			mark(box, texts);
		};
		const scan = (root: Element) => {
			if (root.matches(SCROLL_BOXES)) watch(root as HTMLElement);
			for (const box of root.querySelectorAll<HTMLElement>(SCROLL_BOXES)) watch(box);
		};
		const added = new MutationObserver((records) => {
			for (const record of records) {
				for (const node of record.addedNodes) if (node instanceof Element) scan(node);
				const box = (record.target as Element).closest?.<HTMLElement>(SCROLL_BOXES);
				if (box) watch(box);
			}
		});
		added.observe(document.body, { childList: true, subtree: true });
		scan(document.body);
		return () => {
			added.disconnect();
			resized.disconnect();
		};
	}, [hint, unnamed, region]);

	return null;
}
