import assert from "node:assert/strict";
import { test } from "node:test";
import type { ImportedSection } from "./import.schemas.ts";
import { policyImportResultSchema } from "./import.schemas.ts";
import { importPolicyText } from "./import-policy.ts";

// A 例規-style rule written for this test: captions above and after the article number,
// full-width and ASCII numbers, 号 as (1) with ア/イ below, 項 as １/２, two 附則.
const REIKI = [
	"みなと市情報セキュリティ基本規程",
	"",
	"（目的）",
	"第１条　この規程は、みなと市が保有する情報資産を守るために必要な事項を定める",
	"ことを目的とする。",
	"（定義）",
	"第２条　この規程において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。",
	"(1) 情報資産　この規程の対象となる情報及び情報システムをいう。",
	"(2) 職員等　市の職員及び会計年度任用職員をいう。",
	"(3) 管理区域 サーバ等を設置する区域をいう。",
	"第3条（対象とする脅威）　市は、次に掲げる脅威に備える。",
	"(1) 意図的な脅威",
	"ア 不正アクセス",
	"イ 不正プログラム",
	"(2) 非意図的な脅威",
	"第4条（職員等の責務）",
	"１ 職員等は、この規程を遵守しなければならない。",
	"２ 職員等は、情報セキュリティ事故を発見したときは、直ちに報告しなければならない。",
	"第4条の2（研修）　職員等は、毎年度研修を受けなければならない。",
	"第5条（委任）　この規程に定めるもののほか、必要な事項は、別に定める。",
	"附　則",
	"この規程は、令和7年4月1日から施行する。",
	"附　則（令和8年3月31日訓令第2号）",
	"１ この規程は、令和8年4月1日から施行する。",
	"２ 経過措置は、別に定める。",
].join("\n");

function labels(sections: ImportedSection[]): string[] {
	return sections.map((s) => s.label);
}

test("例規 style: articles become sections labelled 第N条 with their captions as titles", () => {
	const draft = policyImportResultSchema.parse(importPolicyText(REIKI));
	assert.equal(draft.title, "みなと市情報セキュリティ基本規程");
	assert.deepEqual(
		draft.sections.map((s) => [s.kind, s.label, s.title]),
		[
			["article", "第１条", "目的"],
			["article", "第２条", "定義"],
			["article", "第3条", "対象とする脅威"],
			["article", "第4条", "職員等の責務"],
			["article", "第4条の2", "研修"],
			["article", "第5条", "委任"],
			["supplementary", "附則", ""],
			["supplementary", "附則", "令和8年3月31日訓令第2号"],
		],
	);
	assert.deepEqual(draft.warnings, []);
	const [first, , threats, duties] = draft.sections;
	assert.equal(
		first?.body,
		"この規程は、みなと市が保有する情報資産を守るために必要な事項を定めることを目的とする。",
	);
	assert.deepEqual(labels(threats?.children ?? []), ["(1)", "(2)"]);
	assert.equal(threats?.children[0]?.title, "意図的な脅威");
	assert.deepEqual(
		threats?.children[0]?.children.map((c) => [c.label, c.body]),
		[
			["ア", "不正アクセス"],
			["イ", "不正プログラム"],
		],
	);
	assert.deepEqual(labels(duties?.children ?? []), ["１", "２"]);
	assert.equal(draft.sections[6]?.body, "この規程は、令和7年4月1日から施行する。");
	assert.deepEqual(labels(draft.sections[7]?.children ?? []), ["１", "２"]);
});

test("例規 style: the terms of 第2条（定義） are split from their meanings", () => {
	const draft = importPolicyText(REIKI);
	assert.deepEqual(
		draft.definitions.map((d) => [d.term, d.meaning]),
		[
			["情報資産", "この規程の対象となる情報及び情報システムをいう。"],
			["職員等", "市の職員及び会計年度任用職員をいう。"],
			["管理区域", "サーバ等を設置する区域をいう。"],
		],
	);
});

test("chapters hold articles numbered through the whole rule", () => {
	const draft = importPolicyText(
		[
			"第1章 総則",
			"第1条（目的） この規程は、目的を定める。",
			"第2条（適用範囲） この規程は、全ての部局に適用する。",
			"第2章 組織体制",
			"第3条（責任者） 市長は、責任者を置く。",
			"附則",
			"この規程は、公布の日から施行する。",
		].join("\n"),
	);
	assert.deepEqual(
		draft.sections.map((s) => [s.label, s.title, labels(s.children)]),
		[
			["第1章", "総則", ["第1条", "第2条"]],
			["第2章", "組織体制", ["第3条"]],
			["附則", "", []],
		],
	);
});

test("nested items: (1) → ① → ア become children, and leaf items keep their text as body", () => {
	const draft = importPolicyText(
		[
			"１ 対策",
			"(1) 物理的対策",
			"① 管理区域",
			"ア 入退室を記録する。",
			"イ 施錠する。",
			"② 通信回線",
			"(2) 人的対策",
			"２ 見直し",
			"本方針は、毎年度見直す。",
		].join("\n"),
	);
	const measures = draft.sections[0];
	assert.deepEqual(labels(draft.sections), ["１", "２"]);
	assert.deepEqual(labels(measures?.children ?? []), ["(1)", "(2)"]);
	const physical = measures?.children[0];
	assert.equal(physical?.title, "物理的対策");
	assert.deepEqual(labels(physical?.children ?? []), ["①", "②"]);
	assert.equal(physical?.children[0]?.title, "管理区域");
	assert.deepEqual(
		physical?.children[0]?.children.map((c) => [c.kind, c.label, c.body]),
		[
			["katakana", "ア", "入退室を記録する。"],
			["katakana", "イ", "施錠する。"],
		],
	);
	assert.equal(physical?.children[1]?.body, "通信回線");
	assert.equal(draft.sections[1]?.body, "本方針は、毎年度見直す。");
});

test("a short title keeps its comma, and a label alone on its line takes the next line as title", () => {
	const draft = importPolicyText(
		[
			"１ 監査、点検及び見直し",
			"市は、毎年度監査を行う。",
			"２ 定義",
			"(1)",
			"情報資産",
			"市が保有する情報をいう。",
		].join("\n"),
	);
	assert.deepEqual(
		draft.sections.map((s) => [s.title, s.body]),
		[
			["監査、点検及び見直し", "市は、毎年度監査を行う。"],
			["定義", ""],
		],
	);
	assert.deepEqual(draft.definitions, [
		{ term: "情報資産", meaning: "市が保有する情報をいう。", line: 4 },
	]);
});

test("a label that breaks the numbering stays text, with a warning; small gaps are kept", () => {
	const draft = importPolicyText(
		["１ 目的", "(1) 最初の項目", "(5) 番号が飛んだ行", "(2) 二番目の項目", "３ 三番目の節"].join(
			"\n",
		),
	);
	assert.deepEqual(labels(draft.sections), ["１", "３"]);
	assert.deepEqual(labels(draft.sections[0]?.children ?? []), ["(1)", "(2)"]);
	assert.deepEqual(
		draft.warnings.map((w) => [w.code, w.line, w.params]),
		[
			["heading_out_of_sequence", 3, { label: "(5)", previous: "(1)" }],
			["numbering_gap", 5, { label: "３", previous: "１" }],
		],
	);
	assert.match(draft.sections[0]?.children[0]?.body ?? "", /番号が飛んだ行/u);
});

test("text before the first heading that is neither a title nor a revision table is reported", () => {
	const draft = importPolicyText(
		[
			"情報セキュリティ基本方針",
			"令和6年4月 総務課作成",
			"１ 目的",
			"本文。",
			"２ 適用範囲",
			"本文。",
		].join("\n"),
	);
	assert.equal(draft.title, "情報セキュリティ基本方針");
	assert.deepEqual(
		draft.warnings.map((w) => [w.code, w.line]),
		[["preamble_skipped", 2]],
	);
});

test("a revision table with its caption above and no number column", () => {
	const draft = importPolicyText(
		[
			"改定履歴",
			"平成30年6月 全面改定",
			"・体制の見直し",
			"令和5年9月1日 一部改定",
			"１ 目的",
			"本文。",
			"２ 適用範囲",
			"本文。",
		].join("\n"),
	);
	assert.deepEqual(
		draft.revisions.map((r) => [r.no, r.date, r.dateText, r.summary]),
		[
			[null, "2018-06", "平成30年6月", "全面改定\n・体制の見直し"],
			[null, "2023-09-01", "令和5年9月1日", "一部改定"],
		],
	);
	assert.deepEqual(labels(draft.sections), ["１", "２"]);
});

test("limits on sections and nesting are enforced with a clear error", () => {
	const text = ["１ a", "(1) b", "① c", "ア d", "２ e"].join("\n");
	assert.throws(
		() => importPolicyText(text, { maxSections: 3 }),
		(error: Error & { code?: string }) =>
			error.code === "validation_failed" && /more than 3 numbered sections/u.test(error.message),
	);
	assert.throws(
		() => importPolicyText(text, { maxDepth: 2 }),
		(error: Error & { code?: string }) =>
			error.code === "validation_failed" && /deeper than 2 levels \(line 3\)/u.test(error.message),
	);
	assert.throws(
		() => importPolicyText(text, { maxChars: 10 }),
		(error: Error & { code?: string }) => error.code === "payload_too_large",
	);
});
