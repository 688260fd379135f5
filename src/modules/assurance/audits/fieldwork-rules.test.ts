import assert from "node:assert/strict";
import { test } from "node:test";
import { addConformity, clauseOfItem, conformityOf, resultFits } from "./fieldwork-rules.ts";

const yesNo = { scale: "yes_no_na" as const, levels: [] };
const levels = { scale: "level" as const, levels: ["不適合", "一部適合", "適合"] };

test("a result fits the item's scale: はい/いいえ/該当なし, or one of its own levels", () => {
	assert.equal(resultFits(yesNo, "yes", null), true);
	assert.equal(resultFits(yesNo, "no", null), true);
	assert.equal(resultFits(yesNo, "na", null), true);
	assert.equal(resultFits(yesNo, "level", 0), false);
	assert.equal(resultFits(yesNo, "yes", 1), false);
	assert.equal(resultFits(levels, "level", 2), true);
	assert.equal(resultFits(levels, "level", 3), false, "no fourth level");
	assert.equal(resultFits(levels, "level", null), false);
	assert.equal(resultFits(levels, "yes", null), false);
	assert.equal(resultFits(levels, "na", null), true);
});

test("conformity counts each answer and the items not yet answered", () => {
	const counts = conformityOf(5, [{ result: "yes" }, { result: "no" }, { result: "level" }]);
	assert.deepEqual(counts, { yes: 1, no: 1, na: 0, level: 1, open: 2 });
	assert.deepEqual(addConformity([counts, conformityOf(2, [{ result: "na" }])]), {
		yes: 1,
		no: 1,
		na: 1,
		level: 1,
		open: 3,
	});
});

test("a result is filed under the 基本方針 clause, else the 対策基準 chapter, else its number", () => {
	assert.equal(
		clauseOfItem({ policyClause: "6(2)", standardsChapter: "2.1", number: "2.1-1" }),
		"6(2)",
	);
	assert.equal(
		clauseOfItem({ policyClause: null, standardsChapter: "2.1", number: "2.1-1" }),
		"2.1",
	);
	assert.equal(clauseOfItem({ policyClause: null, standardsChapter: null, number: "9-1" }), "9-1");
});
