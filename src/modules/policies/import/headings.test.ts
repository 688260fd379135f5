import assert from "node:assert/strict";
import { test } from "node:test";
import { captionOf, followsInSequence, type HeadingMatch, recognizeHeading } from "./headings.ts";
import { parseDateAtStart } from "./wareki.ts";

function heading(line: string): Partial<HeadingMatch> | null {
	const match = recognizeHeading(line);
	if (!match) return null;
	const { kind, number, label, rest } = match;
	return { kind, number, label, rest };
}

test("outline heading styles keep their label as written", () => {
	assert.deepEqual(heading(" １ 目的   "), {
		kind: "number",
		number: 1,
		label: "１",
		rest: "目的",
	});
	assert.deepEqual(heading("１０ 策定"), {
		kind: "number",
		number: 10,
		label: "１０",
		rest: "策定",
	});
	assert.deepEqual(heading("1. 目的"), { kind: "number", number: 1, label: "1.", rest: "目的" });
	assert.deepEqual(heading("（１）情報資産"), {
		kind: "paren-number",
		number: 1,
		label: "（１）",
		rest: "情報資産",
	});
	assert.deepEqual(heading("(6） その他"), {
		kind: "paren-number",
		number: 6,
		label: "(6）",
		rest: "その他",
	});
	assert.deepEqual(heading("①マイナンバー"), {
		kind: "circled",
		number: 1,
		label: "①",
		rest: "マイナンバー",
	});
	assert.equal(heading("⑫ 項目")?.number, 12);
	assert.deepEqual(heading("イ 施錠"), { kind: "katakana", number: 2, label: "イ", rest: "施錠" });
	assert.equal(heading("(ア) 入退室")?.kind, "paren-katakana");
	assert.equal(heading("一　ネットワーク")?.kind, "kanji");
	assert.equal(heading("十二 記録")?.number, 12);
	assert.equal(heading("(5) 人的セキュリティ")?.number, 5);
});

test("例規 structure: articles with captions and branch numbers, chapters, 附則", () => {
	const article = recognizeHeading("第1条（目的）この規程は、…");
	assert.equal(article?.kind, "article");
	assert.equal(article?.label, "第1条");
	assert.equal(article?.caption, "目的");
	assert.equal(article?.rest, "この規程は、…");
	const branch = recognizeHeading("第１２条の２　見出しのない条");
	assert.deepEqual([branch?.number, branch?.branch, branch?.label], [12, 2, "第１２条の２"]);
	assert.deepEqual(heading("第2章 組織体制"), {
		kind: "chapter",
		number: 2,
		label: "第2章",
		rest: "組織体制",
	});
	assert.equal(recognizeHeading("附　則")?.label, "附則");
	assert.equal(
		recognizeHeading("附則（令和8年3月31日訓令第2号）")?.caption,
		"令和8年3月31日訓令第2号",
	);
	assert.equal(captionOf("（目的）"), "目的");
});

test("sentence starts that look like labels are not headings", () => {
	for (const line of [
		"第3条の規定により",
		"附則第2項の規定",
		"16 年3 月",
		"アクセス制御を行う。",
		"一部改定",
		"2024年度",
		"本市の情報資産",
	]) {
		assert.equal(recognizeHeading(line), null, line);
	}
});

test("numbering sequences: numbers, branch articles, both katakana orders", () => {
	const h = (line: string) => recognizeHeading(line) as HeadingMatch;
	assert.ok(followsInSequence("number", null, h("１ 目的")));
	assert.ok(!followsInSequence("number", null, h("５ 目的")));
	assert.ok(followsInSequence("article", h("第5条 a"), h("第5条の2 b")));
	assert.ok(followsInSequence("article", h("第5条の2 b"), h("第6条 c")));
	assert.ok(!followsInSequence("article", h("第5条 a"), h("第7条 c")));
	assert.ok(followsInSequence("katakana", h("ア a"), h("イ b")));
	assert.ok(followsInSequence("katakana", h("イ a"), h("ロ b")));
	assert.ok(!followsInSequence("katakana", h("ア a"), h("エ b")));
});

test("dates in 和暦, abbreviated and Western forms", () => {
	assert.deepEqual(parseDateAtStart("平成16 年3 月 初版策定"), {
		iso: "2004-03",
		text: "平成16年3月",
		length: 9,
	});
	assert.equal(parseDateAtStart("令和元年7月1日施行")?.iso, "2019-07-01");
	assert.equal(parseDateAtStart("令和５年９月")?.text, "令和５年９月");
	assert.equal(parseDateAtStart("H30.6 全面改定")?.iso, "2018-06");
	assert.equal(parseDateAtStart("2024年10月")?.iso, "2024-10");
	assert.equal(parseDateAtStart("令和5年13月"), null);
	assert.equal(parseDateAtStart("初版策定"), null);
});
