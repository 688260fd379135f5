import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { type PolicyImportResult, policyImportResultSchema } from "./import.schemas.ts";
import { importPolicyFile } from "./import-policy.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../../../..");
const SEEDS = resolve(REPO_ROOT, "../shared/seeds");

function importSeed(name: string): PolicyImportResult {
	const result = importPolicyFile(readFileSync(resolve(SEEDS, name)));
	return policyImportResultSchema.parse(result);
}

const saga = importSeed("000_2ada437c7fa3d3e9.txt");
const kitakyushu = importSeed("004_34f5ad730ec06e4b.txt");

test("Saga: all eleven top-level sections with their titles", () => {
	assert.deepEqual(
		saga.sections.map((s) => [s.label, s.title]),
		[
			["１", "目的"],
			["２", "定義"],
			["３", "対象とする脅威"],
			["４", "適用範囲"],
			["５", "職員等の遵守義務"],
			["６", "情報セキュリティ対策"],
			["７", "情報セキュリティ監査及び自己点検の実施"],
			["８", "情報セキュリティポリシーの見直し"],
			["９", "情報セキュリティ対策基準の策定"],
			["１０", "情報セキュリティ運用マニュアルの策定"],
			["１１", "特定個人情報の取扱いに関する管理規程の策定"],
		],
	);
	assert.equal(saga.title, null);
	assert.deepEqual(saga.warnings, []);
	for (const section of saga.sections) {
		assert.ok(section.body !== "" || section.children.length > 0, `${section.label} has content`);
	}
	// 目的 has three paragraphs, each a whole sentence joined across the PDF's line breaks.
	const purpose = saga.sections[0]?.body.split("\n") ?? [];
	assert.equal(purpose.length, 3);
	for (const paragraph of purpose) assert.match(paragraph, /。$/u);
});

test("Saga: items nest under their sections, (1) → ①", () => {
	const [threats, scope, measures] = [saga.sections[2], saga.sections[3], saga.sections[5]];
	assert.deepEqual(
		threats?.children.map((c) => c.label),
		["(1)", "(2)", "(3)", "(4)", "(5)", "(6）"],
	);
	assert.ok(threats?.children.every((c) => c.title === "" && c.body !== ""));
	assert.match(threats?.children[0]?.body ?? "", /内部不正$/u, "a wrapped item is one text");
	assert.deepEqual(
		scope?.children.map((c) => c.title),
		["セキュリティポリシーの範囲", "情報資産の範囲"],
	);
	assert.deepEqual(
		scope?.children[1]?.children.map((c) => c.label),
		["①", "②", "③"],
	);
	assert.deepEqual(
		measures?.children.map((c) => c.title),
		[
			"組織体制",
			"情報資産の分類と管理",
			"情報システム全体の強靭性の向上",
			"物理的セキュリティ",
			"人的セキュリティ",
			"技術的セキュリティ",
			"運用",
			"業務委託と外部サービスの利用",
			"評価・見直し",
		],
	);
	assert.equal(measures?.children[2]?.children.length, 3);
});

test("Saga: every term of 定義", () => {
	assert.deepEqual(
		saga.definitions.map((d) => d.term),
		[
			"ネットワーク",
			"情報システム",
			"情報セキュリティ",
			"情報セキュリティポリシー",
			"職員等",
			"機密性",
			"完全性",
			"可用性",
			"マイナンバー利用事務系（個人番号利用事務系）",
			"LGWAN接続系",
			"インターネット接続系",
			"通信経路の分割",
			"無害化通信",
		],
	);
	for (const d of saga.definitions) assert.match(d.meaning, /をいう/u, d.term);
});

test("Saga: the nine rows of 改定履歴 with dates and descriptions", () => {
	assert.deepEqual(
		saga.revisions.map((r) => [r.no, r.date, r.dateText]),
		[
			[1, "2004-03", "平成16年3月"],
			[2, "2007-08", "平成19年8月"],
			[3, "2008-04", "平成20年4月"],
			[4, "2018-06", "平成30年6月"],
			[5, "2019-07", "令和元年7月"],
			[6, "2021-04", "令和3年4月"],
			[7, "2023-01", "令和5年1月"],
			[8, "2023-04", "令和5年4月"],
			[9, "2023-09", "令和5年9月"],
		],
	);
	assert.equal(saga.revisions[0]?.summary, "初版策定");
	assert.equal(saga.revisions[3]?.summary.split("\n")[0], "全面改定");
	// Summary lines: the kind of revision, then one line per ・bullet, however the PDF broke them.
	assert.deepEqual(
		saga.revisions.map((r) => r.summary.split("\n").length),
		[1, 1, 1, 6, 6, 4, 4, 1, 3],
	);
	for (const r of saga.revisions) {
		for (const line of r.summary.split("\n").slice(1)) assert.match(line, /^・/u);
	}
	assert.match(saga.revisions[3]?.summary ?? "", /CSIRT（情報セキュリティ対応チーム：Computer/u);
});

test("Kitakyushu: title, ten sections, thirteen definitions, no revisions", () => {
	assert.equal(kitakyushu.title, "北九州市情報セキュリティ基本方針");
	assert.deepEqual(
		kitakyushu.sections.map((s) => [s.label, s.title]),
		[
			["１", "基本的な考え方"],
			["２", "定義"],
			["３", "対象とする脅威"],
			["４", "行政機関の適用範囲"],
			["５", "職員等の遵守義務"],
			["６", "情報セキュリティ対策"],
			["７", "情報セキュリティ監査及び自己点検の実施"],
			["８", "情報セキュリティポリシーの見直し"],
			["９", "情報セキュリティ対策基準の策定"],
			["１０", "情報セキュリティ実施手順の策定"],
		],
	);
	assert.deepEqual(
		kitakyushu.definitions.map((d) => d.term),
		[
			"情報資産",
			"ネットワーク",
			"情報システム",
			"情報セキュリティ",
			"情報セキュリティポリシー",
			"機密性",
			"完全性",
			"可用性",
			"マイナンバー利用事務系（個人番号利用事務系）",
			"LGWAN接続系",
			"インターネット接続系",
			"通信経路の分割",
			"無害化通信",
		],
	);
	const assets = kitakyushu.definitions[0]?.meaning.split("\n") ?? [];
	assert.equal(assets.length, 4, "the lead sentence and the three listed kinds of asset");
	assert.deepEqual(
		assets.slice(1).map((line) => line[0]),
		["①", "②", "③"],
	);
	assert.deepEqual(kitakyushu.revisions, []);
});

test("Kitakyushu: a sentence split by a page break and its page number is joined again", () => {
	assert.deepEqual(
		kitakyushu.warnings.map((w) => [w.code, w.line]),
		[["page_numbers_removed", 223]],
	);
	const review = kitakyushu.sections[5]?.children.at(-1);
	assert.equal(review?.title, "評価・見直し");
	assert.equal(review?.body.includes("\n"), false);
	assert.match(review?.body ?? "", /適宜情報セキュリティポリシーの見直しを行う。$/u);
	assert.deepEqual(
		kitakyushu.sections[2]?.children.map((c) => c.label),
		["（１）", "（２）", "（３）", "（４）", "（５）"],
	);
	assert.equal(kitakyushu.sections[5]?.children[6]?.label, "（７)");
});
