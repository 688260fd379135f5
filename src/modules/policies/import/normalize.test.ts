import assert from "node:assert/strict";
import { test } from "node:test";
import {
	cleanText,
	displayWidth,
	endsSentence,
	isPageNumber,
	recognitionForm,
	splitLines,
} from "./normalize.ts";
import { joinLines } from "./paragraphs.ts";

test("splitLines drops blank lines and lone page numbers, keeping source line numbers", () => {
	const split = splitLines("\ufeff１ 目的\r\n\r\n本方針は、\f\n\n- 4 -\n\n定める。\n");
	assert.deepEqual(
		split.lines.map((l) => [l.no, l.text]),
		[
			[1, "１ 目的"],
			[3, "本方針は、"],
			[8, "定める。"],
		],
	);
	assert.deepEqual(split.pageNumbers, [6]);
});

test("splitLines tells double-spaced PDF output from files where blank lines separate paragraphs", () => {
	assert.equal(splitLines("a\n\nb\n\nc\n\nd\n").blankLinesMeaningful, false);
	assert.equal(splitLines("a\nb\n\nc\nd\ne\n").blankLinesMeaningful, true);
});

test("isPageNumber accepts the usual page-number shapes only", () => {
	for (const line of ["4", " ４ ", "- 12 -", "3/10", "p.7"]) assert.ok(isPageNumber(line), line);
	for (const line of ["(4)", "４ 目的", "2024年", "①"]) assert.ok(!isPageNumber(line), line);
});

test("recognitionForm folds full-width forms but keeps circled numbers", () => {
	assert.equal(recognitionForm("（１０）ｱ　①"), "(10)ア ①");
});

test("cleanText removes PDF spacing next to Japanese characters and keeps Latin word spaces", () => {
	assert.equal(cleanText("改 定 履 歴"), "改定履歴");
	assert.equal(cleanText(" 平成16 年3 月 "), "平成16年3月");
	assert.equal(cleanText("LGWAN 接続系"), "LGWAN接続系");
	assert.equal(cleanText("Computer  Security Incident"), "Computer Security Incident");
	assert.equal(cleanText("追加　等"), "追加　等", "an ideographic space is the author's");
});

test("joinLines joins broken Japanese without a space and Latin words with one", () => {
	assert.equal(joinLines(["情報セキュリ", "ティ対応チーム"]), "情報セキュリティ対応チーム");
	assert.equal(joinLines(["Computer Security", "Incident"]), "Computer Security Incident");
});

test("endsSentence and displayWidth", () => {
	assert.ok(endsSentence("…を含む。）"));
	assert.ok(!endsSentence("…重要情報の詐取、"));
	assert.equal(displayWidth("LGWAN 接続系"), 6);
});
