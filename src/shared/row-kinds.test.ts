import assert from "node:assert/strict";
import { test } from "node:test";
import { rowKind, type SkippedRows, skipMappedRow, skipRow } from "./row-kinds.ts";

test("blank, total and data rows", () => {
	assert.equal(rowKind([]), "blank");
	assert.equal(rowKind(["", "", "　"]), "blank");
	for (const cells of [
		["合計", "", "12"],
		["", "計", "１，２３４"],
		["総計"],
		["小計", "3件", "-"],
		["合　計", "", "12台"],
	]) {
		if (cells.includes("-")) assert.equal(rowKind(cells), "data", cells.join("|"));
		else assert.equal(rowKind(cells), "total", cells.join("|"));
	}
	assert.equal(rowKind(["合計", "備品"]), "data", "text beside the word is a real row");
	assert.equal(rowKind(["A-001", "合計"]), "data");
	assert.equal(rowKind(["計画書"]), "data");
});

test("skipRow counts what it skips", () => {
	const report: SkippedRows = { skippedBlank: 0, skippedTotal: [] };
	assert.equal(skipRow(report, ["", ""], 3), true);
	assert.equal(skipRow(report, ["A-1", "x"], 4), false);
	assert.equal(skipRow(report, ["合計", "5"], 9), true);
	assert.deepEqual(report, { skippedBlank: 1, skippedTotal: [9] });
});

test("through a mapping, a total row is judged on the city's cells, a blank row on the mapped ones too", () => {
	const report: SkippedRows = { skippedBlank: 0, skippedTotal: [] };
	// 計 in an unmapped 区分 column: the mapped cells alone would read as a data row "2".
	assert.equal(skipMappedRow(report, ["計", "2", "", ""], ["2", "", ""], 7), true);
	// Only an unmapped 通し番号: nothing to import.
	assert.equal(skipMappedRow(report, ["", "", "", "3"], ["", "", ""], 8), true);
	assert.equal(skipMappedRow(report, ["", "V1", "甲社", ""], ["V1", "甲社", ""], 9), false);
	assert.deepEqual(report, { skippedBlank: 1, skippedTotal: [7] });
});
