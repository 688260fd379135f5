import assert from "node:assert/strict";
import { test } from "node:test";
import { ledgerScheme } from "../../modules/assets/classification.ts";
import { ledgerMappingTarget } from "../../modules/assets/ledger-mapping.ts";
import { loadBundledPack } from "../../modules/policies/pack/load-pack.ts";
import { columnMappingSchema } from "./mapping.schemas.ts";
import { applyMapping, fitSavedMapping, mapTable, proposeMapping } from "./mapping.ts";
import { detectHeader, headerLabels } from "./mapping-header.ts";

const target = ledgerMappingTarget(ledgerScheme(loadBundledPack("standard")));

/** A city's own ledger: a title row, a blank row, a two-row header with 格付 over C・I・A. */
const cityRows = [
	["令和6年度 情報資産管理台帳", "", "", "", "", "", "", "", ""],
	["", "", "", "", "", "", "", "", ""],
	["管理番号", "情報資産の名称", "所管課", "媒体", "ネットワーク", "格付", "", "", "通し番号"],
	["", "", "", "", "", "機密性", "完全性", "可用性", ""],
	["A-1", "住民記録", "010000", "電子", "マイナンバー系", "極秘", "高", "高", "1"],
	["", "", "", "", "", "", "", "", ""],
	["A-2", "議事録", "010000", "紙", "LGWAN接続系", "取扱注意", "低", "低", "2"],
];

test("a two-row header reads each merged group over the cells below it", () => {
	assert.deepEqual(
		headerLabels([
			["資産名", "格付", "", "", "備考"],
			["", "機密性", "完全性", "可用性", ""],
		]),
		["資産名", "格付/機密性", "格付/完全性", "格付/可用性", "備考"],
	);
});

test("the header is found below a title row, as two rows when the pair names more fields", () => {
	const found = detectHeader(cityRows, target);
	assert.deepEqual(found?.headerRows, [3, 4]);
	const single = detectHeader(
		[["台帳"], ["資産番号", "資産名", "種別"], ["A-1", "x", "情報"]],
		target,
	);
	assert.deepEqual(single?.headerRows, [2]);
	assert.equal(
		detectHeader(
			[
				["a", "b"],
				["1", "2"],
			],
			target,
		),
		null,
	);
});

test("the proposal maps synonyms to fields, C・I・A columns to parts, and values to the pack's levels", () => {
	const proposal = proposeMapping(cityRows, target, "財政課台帳");
	assert.ok(proposal);
	assert.deepEqual(proposal.mapping.columns, {
		管理番号: "code",
		情報資産の名称: "name",
		所管課: "unit",
		媒体: "kind",
		ネットワーク: "zone",
		"格付/機密性": "classification:1",
		"格付/完全性": "classification:2",
		"格付/可用性": "classification:3",
		通し番号: null,
	});
	assert.deepEqual(proposal.ignored, ["通し番号"]);
	assert.deepEqual(proposal.missing, []);
	assert.deepEqual(proposal.mapping.values["格付/機密性"], { 極秘: "C3A", 取扱注意: "C3C" });
	assert.deepEqual(proposal.mapping.values["格付/完全性"], { 高: "I2", 低: "I1" });
	assert.deepEqual(proposal.mapping.values.媒体, { 電子: "information", 紙: "documents" });
	assert.equal(proposal.sample.length, 2);
	assert.deepEqual(columnMappingSchema.parse(proposal.mapping), proposal.mapping);
});

test("applying a mapping rewrites rows into the ledger's own layout, rows kept in place", () => {
	const proposal = proposeMapping(cityRows, target, "財政課台帳");
	assert.ok(proposal);
	const { rows, applied } = mapTable(cityRows, proposal.mapping, target);
	assert.deepEqual(applied.errors, []);
	assert.deepEqual(rows[3], ["資産番号", "資産名", "種別", "所管課", "ネットワーク区分", "格付け"]);
	assert.deepEqual(rows[4], [
		"A-1",
		"住民記録",
		"information",
		"010000",
		"マイナンバー系",
		"C3A/I2/A2",
	]);
	assert.deepEqual(rows[6], ["A-2", "議事録", "documents", "010000", "lgwan", "C3C/I1/A1"]);
	assert.deepEqual(rows[0], []);
	const renamed = applied.rename({ row: 5, column: "格付け", message: "x" });
	assert.equal(renamed.column, "格付/機密性・格付/完全性・格付/可用性");
});

test("a mapping whose column the file lacks is an error naming the header row", () => {
	const mapping = columnMappingSchema.parse({
		version: 1,
		kind: "assets.ledger",
		source: "x",
		headerRows: [1],
		columns: { 番号: "code", 名前: "name" },
	});
	const applied = applyMapping(mapping, target, [["番号", "名称"]]);
	assert.deepEqual(
		applied.errors.map((e) => [e.row, e.column, e.code]),
		[[1, "名前", "mapping_column_absent"]],
	);
});

test("a saved mapping fits the next file of its source, and says which columns changed when not", () => {
	const proposal = proposeMapping(cityRows, target, "財政課台帳");
	assert.ok(proposal);
	const saved = proposal.mapping;
	// One more title row: the same header, moved down.
	const moved = [["別紙"], ...cityRows];
	const fit = fitSavedMapping(saved, moved, target);
	assert.ok("mapping" in fit);
	assert.deepEqual(fit.mapping.headerRows, [4, 5]);
	const changed = cityRows.map((row, i) =>
		i === 2 ? row.map((c) => (c === "媒体" ? "形態" : c)) : row,
	);
	const misfit = fitSavedMapping(saved, changed, target);
	assert.ok("change" in misfit);
	assert.deepEqual(misfit.change, { added: ["形態"], removed: ["媒体"] });
});

test("the mapping document is versioned and refuses what it does not know", () => {
	const base = { kind: "assets.ledger", source: "s", headerRows: [1], columns: {} };
	assert.equal(columnMappingSchema.safeParse({ ...base, version: 2 }).success, false);
	assert.equal(columnMappingSchema.safeParse({ ...base, version: 1, extra: 1 }).success, false);
	assert.equal(
		columnMappingSchema.safeParse({ ...base, version: 1, headerRows: [2, 4] }).success,
		false,
	);
	assert.equal(columnMappingSchema.safeParse({ ...base, version: 1 }).success, true);
});
