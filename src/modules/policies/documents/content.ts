import type { ImportedSection } from "../import/import.schemas.ts";

/** A section as a version stores it: the imported tree, each node with a stable anchor. */
export interface PolicySection {
	/** Derived from the label path, e.g. `6-3-②`; stable while the numbering stays. */
	anchor: string;
	label: string;
	title: string;
	body: string;
	children: PolicySection[];
}

/** A section as an editor sends it; anchors are always recomputed. */
export interface SectionInput {
	label: string;
	title: string;
	body: string;
	children: SectionInput[];
}

const FULL_WIDTH_DIGIT = /[０-９]/gu;

/**
 * The part of an anchor one label gives: brackets and punctuation dropped, digits half-width.
 *
 * @example
 * labelKey("（３）"); // "3"
 * labelKey("②"); // "②"
 */
export function labelKey(label: string): string {
	const halfWidth = label.replace(FULL_WIDTH_DIGIT, (d) =>
		String.fromCharCode(d.charCodeAt(0) - 0xfee0),
	);
	const key = halfWidth.replace(/[\s()（）［］[\]「」.．、,]/gu, "");
	return key === "" ? "x" : key;
}

/**
 * Give every section its anchor from its label path (`6-3-②`); duplicates get `~2`, `~3`.
 *
 * @example
 * withAnchors([{ label: "６", title: "", body: "", children: [] }])[0]?.anchor; // "6"
 */
export function withAnchors(sections: readonly SectionInput[]): PolicySection[] {
	const seen = new Map<string, number>();
	const walk = (list: readonly SectionInput[], prefix: string[]): PolicySection[] =>
		list.map((section) => {
			const path = [...prefix, labelKey(section.label)];
			let anchor = path.join("-");
			const count = (seen.get(anchor) ?? 0) + 1;
			seen.set(anchor, count);
			if (count > 1) anchor = `${anchor}~${count}`;
			return {
				anchor,
				label: section.label,
				title: section.title,
				body: section.body,
				children: walk(section.children, path),
			};
		});
	return walk(sections, []);
}

/** Imported sections (with kinds and line numbers) as editable input. */
export function fromImported(sections: readonly ImportedSection[]): SectionInput[] {
	return sections.map((s) => ({
		label: s.label,
		title: s.title,
		body: s.body,
		children: fromImported(s.children),
	}));
}

/**
 * How a clause is cited: the document's short name, then the path with the second level in
 * parentheses, as Japanese policies do.
 *
 * @example
 * citation("基本方針", "6-3-②"); // "基本方針 6(3)②"
 */
export function citation(documentName: string, anchor: string): string {
	const parts = anchor.replace(/~\d+$/u, "").split("-");
	const path = parts.map((part, index) => (index === 1 ? `(${part})` : part)).join("");
	return `${documentName} ${path}`;
}

/** Every section in reading order, children after their parent. */
export function flattenSections(sections: readonly PolicySection[]): PolicySection[] {
	return sections.flatMap((s) => [s, ...flattenSections(s.children)]);
}

export function countSections(sections: readonly { children: readonly unknown[] }[]): number {
	return sections.reduce(
		(sum, s) => sum + 1 + countSections(s.children as { children: unknown[] }[]),
		0,
	);
}
