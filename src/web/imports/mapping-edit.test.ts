import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
	assignColumn,
	assignValue,
	type ColumnMapping,
	type MappingField,
	type MappingProposal,
	missingFields,
	targetChoices,
	valueRows,
} from "./mapping-edit.ts";

const level = (value: string, label: string) => ({ value, label });
const FIELDS: MappingField[] = [
	{ key: "code", header: "資産番号", required: true, parts: null, values: [] },
	{ key: "name", header: "資産名", required: true, parts: null, values: [] },
	{ key: "notes", header: "備考", required: false, parts: null, values: [] },
	{
		key: "kind",
		header: "種別",
		required: true,
		parts: null,
		values: [[level("information", "電子データ"), level("documents", "紙文書")]],
	},
	{
		key: "classification",
		header: "格付け",
		required: true,
		parts: 3,
		values: [
			[level("C3A", "極秘"), level("C2", "部外秘")],
			[level("I2", "高"), level("I1", "低")],
			[level("A2", "高"), level("A1", "低")],
		],
	},
];

const PROPOSED: ColumnMapping = {
	version: 1,
	kind: "assets.ledger",
	source: "財政課台帳",
	headerRows: [2, 3],
	columns: {
		管理番号: "code",
		名称: "name",
		媒体: "kind",
		"格付/機密性": "classification:1",
		"格付/完全性": "classification:2",
		"格付/可用性": "classification:3",
		登録日: null,
	},
	values: { 媒体: { 電子: "information" }, "格付/機密性": { 極秘: "C3A" } },
};

const PROPOSAL: MappingProposal = {
	kind: "assets.ledger",
	saved: { status: "none", added: [], removed: [] },
	mapping: PROPOSED,
	labels: ["管理番号", "名称", "媒体", "格付/機密性", "格付/完全性", "格付/可用性", "登録日"],
	ignored: ["登録日"],
	missing: [],
	unmatchedValues: { "格付/機密性": ["最高機密"] },
	sample: [["A-1", "台帳", "電子", "極秘", "高", "高", "令和5年4月1日"]],
	fields: FIELDS,
};

describe("the column mapping screen's edits", () => {
	test("a field with parts is offered whole and part by part", () => {
		assert.deepEqual(
			targetChoices(FIELDS).map((choice) => choice.target),
			[
				"code",
				"name",
				"notes",
				"kind",
				"classification",
				"classification:1",
				"classification:2",
				"classification:3",
			],
		);
	});

	test("a field is filled once: the column that filled it is let go, with its values", () => {
		const next = assignColumn(PROPOSED, PROPOSED, "登録日", "kind");
		assert.equal(next.columns.登録日, "kind");
		assert.equal(next.columns.媒体, null);
		assert.equal(next.values.媒体, undefined);
		const whole = assignColumn(PROPOSED, PROPOSED, "登録日", "classification");
		assert.deepEqual(
			["格付/機密性", "格付/完全性", "格付/可用性"].map((label) => whole.columns[label]),
			[null, null, null],
		);
		assert.deepEqual(missingFields(whole, FIELDS), []);
	});

	test("a column given back its proposed field gets back the proposed values", () => {
		const away = assignColumn(PROPOSED, PROPOSED, "媒体", null);
		assert.equal(away.values.媒体, undefined);
		assert.deepEqual(missingFields(away, FIELDS), ["種別"]);
		const back = assignColumn(away, PROPOSED, "媒体", "kind");
		assert.deepEqual(back.values.媒体, { 電子: "information" });
	});

	test("values: proposed, unmatched and sampled ones are listed; 'as it is' removes a rewrite", () => {
		const rows = valueRows(PROPOSAL, PROPOSED);
		const confidentiality = rows.filter((row) => row.label === "格付/機密性");
		assert.deepEqual(
			confidentiality.map((row) => [row.value, row.to]),
			[
				["極秘", "C3A"],
				["最高機密", ""],
			],
		);
		assert.deepEqual(
			rows.find((row) => row.label === "格付/完全性")?.choices.map((c) => c.value),
			["I2", "I1"],
		);
		const chosen = assignValue(PROPOSED, "格付/機密性", "最高機密", "C3A");
		assert.equal(chosen.values["格付/機密性"]?.最高機密, "C3A");
		const asIs = assignValue(PROPOSED, "媒体", "電子", "");
		assert.equal(asIs.values.媒体, undefined);
	});
});
