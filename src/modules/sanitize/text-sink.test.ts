import assert from "node:assert/strict";
import { test } from "node:test";
import { displayWidth, isWide, TextSink } from "./text-sink.ts";

test("display width: Japanese, full-width forms and Hangul take two columns, half-width kana one", () => {
	assert.equal(displayWidth("abc"), 3);
	assert.equal(displayWidth("住民票"), 6);
	assert.equal(displayWidth("ＡＢ１"), 6);
	assert.equal(displayWidth("ｱｲｳ"), 3);
	assert.equal(displayWidth("한글"), 4);
	assert.equal(displayWidth("𠮷"), 2);
	assert.ok(isWide("あ".charCodeAt(0)) && !isWide("a".charCodeAt(0)));
});

test("a sink merges block breaks, drops them at the start and end, and indents with markers", () => {
	const sink = new TextSink();
	sink.block(2);
	sink.write("一");
	sink.space(false);
	sink.block(1);
	sink.block(2);
	sink.indent("   ", " ・");
	sink.write("二");
	sink.newline();
	sink.write("続き");
	sink.outdent();
	sink.block(1);
	assert.equal(sink.text(), "一\n\n ・二\n   続き");
	assert.equal(sink.size(), sink.text().length);
});

test("pasted lines take the current indentation", () => {
	const sink = new TextSink();
	sink.indent("> ");
	sink.paste("a   b\n\nc");
	assert.equal(sink.text(), "> a   b\n>\n> c");
});
