import { type DiffPart, textDiff } from "../../../shared/text-diff.ts";
import { flattenSections, type PolicySection } from "./content.ts";

/** One row of a 新旧対照表: a section on the left (old), the right (new), or both. */
export interface SectionChange {
	anchor: string;
	change: "added" | "removed" | "changed" | "unchanged";
	before: { label: string; title: string; body: string } | null;
	after: { label: string; title: string; body: string } | null;
	/** Character diff of title and body, for changed sections. */
	titleDiff: DiffPart[];
	bodyDiff: DiffPart[];
}

const plain = (s: PolicySection) => ({ label: s.label, title: s.title, body: s.body });

/**
 * Side-by-side diff of two versions, section by section (matched by anchor), in the new version's
 * order with removed sections placed after the section that preceded them.
 *
 * @example
 * diffSections(oldVersion.sections, newVersion.sections).filter((r) => r.change !== "unchanged");
 */
export function diffSections(
	before: readonly PolicySection[],
	after: readonly PolicySection[],
): SectionChange[] {
	const oldList = flattenSections(before);
	const newList = flattenSections(after);
	const oldByAnchor = new Map(oldList.map((s) => [s.anchor, s]));
	const newAnchors = new Set(newList.map((s) => s.anchor));
	const rows: SectionChange[] = [];
	const removedAfter = new Map<string | null, PolicySection[]>();
	let previous: string | null = null;
	for (const s of oldList) {
		if (newAnchors.has(s.anchor)) previous = s.anchor;
		else removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), s]);
	}
	const pushRemoved = (key: string | null) => {
		for (const s of removedAfter.get(key) ?? []) {
			rows.push({
				anchor: s.anchor,
				change: "removed",
				before: plain(s),
				after: null,
				titleDiff: [],
				bodyDiff: [],
			});
		}
	};
	pushRemoved(null);
	for (const s of newList) {
		const old = oldByAnchor.get(s.anchor);
		if (!old) {
			rows.push({
				anchor: s.anchor,
				change: "added",
				before: null,
				after: plain(s),
				titleDiff: [],
				bodyDiff: [],
			});
		} else {
			const same = old.title === s.title && old.body === s.body && old.label === s.label;
			rows.push({
				anchor: s.anchor,
				change: same ? "unchanged" : "changed",
				before: plain(old),
				after: plain(s),
				titleDiff: same ? [] : textDiff(old.title, s.title),
				bodyDiff: same ? [] : textDiff(old.body, s.body),
			});
		}
		pushRemoved(s.anchor);
	}
	return rows;
}
