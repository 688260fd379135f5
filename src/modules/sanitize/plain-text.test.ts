import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanControls, defangLinks, neutraliseMarkup, unflow } from "./plain-text.ts";

test("links are defanged whatever their case or surroundings", () => {
	const { text, links } = defangLinks(
		"http://a.jp HTTPS://b.jp (https://c.jp) xhttps://d.jp ftp://e.jp javascript:x VBScript:y data:text/html,z",
	);
	assert.equal(
		text,
		"hxxp://a.jp hxxps://b.jp (hxxps://c.jp) xhxxps://d.jp ftp[:]//e.jp javascript[:]x VBScript[:]y data[:]text/html,z",
	);
	assert.equal(links, 8);
});

test("ordinary colons and mailto stay as written", () => {
	assert.deepEqual(defangLinks("時刻 10:30、件名: data: 3件、mailto:a@example.jp"), {
		text: "時刻 10:30、件名: data: 3件、mailto:a@example.jp",
		links: 0,
	});
});

test("active-looking tags lose their angle bracket; other text keeps it", () => {
	assert.equal(
		neutraliseMarkup("<script>x</script> <b>bold</b> a<b <div onclick=evil()>"),
		"＜script>x＜/script> <b>bold</b> a<b ＜div onclick=evil()>",
	);
});

test("format=flowed is unwrapped per quote depth, DelSp honoured, signature kept", () => {
	assert.equal(
		unflow("one \r\ntwo\r\n> q1 \r\n> q2\r\n-- \r\nsig", false),
		"one two\n> q1 q2\n-- \nsig",
	);
	assert.equal(unflow("日本 \r\n語\r\n", true), "日本語\n");
	assert.equal(unflow(" From here\r\n", false), "From here\n");
});

test("control characters are dropped and line ends normalised", () => {
	assert.equal(cleanControls("a\r\nb\rc\u0000d\u001b"), "a\nb\ncd");
});
