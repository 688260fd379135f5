import assert from "node:assert/strict";
import { test } from "node:test";
import { HOSTILE_HTML } from "../../../tests/helpers/mail-corpus.ts";
import { htmlToPlainText } from "./html-text.ts";

test("hostile HTML becomes readable text without code, frames or hidden links", () => {
	const text = htmlToPlainText(HOSTILE_HTML);
	assert.match(text, /請求書のお知らせ/);
	assert.match(text, /お支払いはこちら \[https:\/\/pay\.evil\.example\/invoice\?id=1\]/);
	assert.match(text, /詳細 \[link removed\]/);
	assert.doesNotMatch(
		text,
		/alert\(1\)|document\.cookie|evil\.example\/(?:frame|login|bg)|tracker|javascript|data:/i,
	);
	assert.match(text, /\[ロゴ\]/);
});

test("tables stay legible: data tables in columns, layout tables as blocks", () => {
	const text = htmlToPlainText(
		"<table><tr><th>品目</th><th>金額</th></tr><tr><td>住民票</td><td>300円</td></tr></table><table><tr><td><table><tr><td>内側</td></tr></table></td></tr></table>",
	);
	assert.match(text, /品目\s+金額\n住民票\s+300円/);
	assert.match(text, /内側/);
});

test("lists keep their items on their own lines", () => {
	assert.equal(
		htmlToPlainText("<ul><li>一</li><li>二</li></ul><ol><li>a</li><li>b</li></ol>"),
		" ・一\n ・二\n 1. a\n 2. b",
	);
});
