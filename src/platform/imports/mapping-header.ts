import type { MappingField, MappingTarget } from "./mapping.schemas.ts";

/** Header words are compared NFKC-folded, lower-cased, without spaces or line breaks. */
export function foldWord(text: string): string {
	return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

/** The header is looked for in the file's first rows only. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The labels of a header of one or two rows. With two, an upper cell groups the lower cells under
 * it: a merged cell reads as its value in its first column and blanks after it, so a blank upper
 * cell continues the group on its left while lower cells follow (`格付/機密性`, `格付/完全性`). An
 * upper cell with nothing below is a column of its own (a cell merged down both rows).
 *
 * @example
 * headerLabels([["資産名", "格付", "", ""], ["", "機密性", "完全性", "可用性"]]);
 * // ["資産名", "格付/機密性", "格付/完全性", "格付/可用性"]
 */
export function headerLabels(rows: readonly (readonly string[])[]): string[] {
	const [upper = [], lower] = rows;
	if (!lower) return upper.map((cell) => cell.trim());
	const width = Math.max(upper.length, lower.length);
	const labels: string[] = [];
	let group = "";
	for (let i = 0; i < width; i++) {
		const top = (upper[i] ?? "").trim();
		const bottom = (lower[i] ?? "").trim();
		if (top !== "") group = bottom === "" ? "" : top;
		else if (bottom === "") group = "";
		const head = top !== "" ? top : group;
		if (bottom === "") labels.push(top);
		else if (head === "" || foldWord(head) === foldWord(bottom)) labels.push(bottom);
		else labels.push(`${head}/${bottom}`);
	}
	return labels;
}

/** Which field (and part) each folded word names. */
export interface WordIndex {
	words: Map<string, { field: MappingField; part: number | null }>;
}

export function wordIndex(target: MappingTarget): WordIndex {
	const words = new Map<string, { field: MappingField; part: number | null }>();
	for (const field of target.fields) {
		if (field.parts) {
			field.parts.forEach((partWords, part) => {
				for (const word of partWords) words.set(foldWord(word), { field, part });
			});
		}
		for (const word of [field.header, ...field.synonyms]) {
			const folded = foldWord(word);
			if (!words.has(folded)) words.set(folded, { field, part: null });
		}
	}
	return { words };
}

/** The field a label names: the whole label first, then its lower part (`格付/機密性` → `機密性`). */
export function lookUp(index: WordIndex, label: string) {
	const whole = index.words.get(foldWord(label));
	if (whole) return whole;
	const slash = label.lastIndexOf("/");
	return slash < 0 ? undefined : index.words.get(foldWord(label.slice(slash + 1)));
}

function score(index: WordIndex, labels: readonly string[]): number {
	let known = 0;
	for (const label of labels) if (label !== "" && lookUp(index, label)) known++;
	return known;
}

/**
 * Find the header in the first rows: the row, or the two rows read together, whose labels name
 * the most known fields. A pair is chosen only when it names more than either of its rows alone;
 * among equals the earlier wins. Returns 1-based row numbers, or null when no row names a field.
 *
 * @example
 * detectHeader(rows, target); // { headerRows: [2, 3], labels: ["資産番号", "格付/機密性", …] }
 */
export function detectHeader(
	rows: readonly (readonly string[])[],
	target: MappingTarget,
	scan = HEADER_SCAN_ROWS,
): { headerRows: number[]; labels: string[] } | null {
	const index = wordIndex(target);
	let best: { headerRows: number[]; labels: string[]; score: number } | null = null;
	const last = Math.min(rows.length, scan);
	const singles = rows.slice(0, last).map((row) => score(index, headerLabels([row])));
	for (let i = 0; i < last; i++) {
		const row = rows[i] ?? [];
		const single = singles[i] ?? 0;
		if (single > 0 && (!best || single > best.score)) {
			best = { headerRows: [i + 1], labels: headerLabels([row]), score: single };
		}
		const next = rows[i + 1];
		if (!next || i + 1 >= last) continue;
		const labels = headerLabels([row, next]);
		const pair = score(index, labels);
		if (pair > single && pair > (singles[i + 1] ?? 0) && (!best || pair > best.score)) {
			best = { headerRows: [i + 1, i + 2], labels, score: pair };
		}
	}
	return best && { headerRows: best.headerRows, labels: best.labels };
}
