import { diffChars } from "diff";

/** One run of a character diff: text both sides share, or text only one side has. */
export interface DiffPart {
	kind: "same" | "added" | "removed";
	text: string;
}

/**
 * Character-level diff of two texts (Japanese has no spaces, so words are no use), by the `diff`
 * package. Runs come in reading order; removed runs precede the added run that replaces them.
 *
 * @example
 * textDiff("年1回", "年2回"); // same 年, removed 1, added 2, same 回
 */
export function textDiff(before: string, after: string): DiffPart[] {
	return diffChars(before, after).map((change) => ({
		kind: change.added ? "added" : change.removed ? "removed" : "same",
		text: change.value,
	}));
}
