import type { Conformity } from "./fieldwork.schemas.ts";

/** An item as fieldwork answers it. */
export interface FieldworkItem {
	scale: "yes_no_na" | "level";
	levels: readonly string[];
}

/**
 * Whether a result fits the item's answer scale: はい / いいえ / 該当なし for a `yes_no_na` item;
 * one of its levels (or 該当なし) for a `level` item.
 *
 * @example
 * resultFits({ scale: "level", levels: ["A", "B"] }, "level", 1); // true
 * resultFits({ scale: "yes_no_na", levels: [] }, "level", 0); // false
 */
export function resultFits(
	item: FieldworkItem,
	result: string,
	levelIndex: number | null,
): boolean {
	if (result === "na") return levelIndex === null;
	if (item.scale === "yes_no_na")
		return (result === "yes" || result === "no") && levelIndex === null;
	return result === "level" && levelIndex !== null && levelIndex < item.levels.length;
}

/**
 * Conformity counts over `itemCount` items from the results given: はい, いいえ, 該当なし, levels
 * given, and the items not yet answered.
 *
 * @example
 * conformityOf(3, [{ result: "yes" }, { result: "no" }]); // { yes: 1, no: 1, na: 0, level: 0, open: 1 }
 */
export function conformityOf(
	itemCount: number,
	results: readonly { result: string }[],
): Conformity {
	const counts: Conformity = { yes: 0, no: 0, na: 0, level: 0, open: 0 };
	for (const { result } of results) {
		if (result === "yes" || result === "no" || result === "na" || result === "level") {
			counts[result]++;
		}
	}
	counts.open = Math.max(0, itemCount - results.length);
	return counts;
}

/** Sum of conformity counts (the whole audit's). */
export function addConformity(all: readonly Conformity[]): Conformity {
	return all.reduce(
		(sum, c) => ({
			yes: sum.yes + c.yes,
			no: sum.no + c.no,
			na: sum.na + c.na,
			level: sum.level + c.level,
			open: sum.open + c.open,
		}),
		{ yes: 0, no: 0, na: 0, level: 0, open: 0 },
	);
}

/** The clause a result is filed under: the 基本方針 clause, else the 対策基準 chapter, else its number. */
export function clauseOfItem(item: {
	policyClause: string | null;
	standardsChapter: string | null;
	number: string;
}): string {
	return item.policyClause ?? item.standardsChapter ?? item.number;
}
