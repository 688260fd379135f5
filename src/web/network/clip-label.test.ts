import assert from "node:assert/strict";
import { test } from "node:test";
import { clipLabel } from "./clip-label.ts";

test("a label that fits is shown whole", () => {
	assert.equal(clipLabel("LGWAN接続系", 112), "LGWAN接続系");
});

test("a long label is cut between words, so what shows is part of its name", () => {
	assert.equal(clipLabel("ファイル無害化転送", 110), "ファイル無害化…");
	const shown = clipLabel("自治体情報セキュリティクラウド", 160);
	assert.ok(shown.endsWith("…"));
	assert.ok("自治体情報セキュリティクラウド".startsWith(shown.slice(0, -1)), shown);
	assert.notEqual(shown, "自治体情報セキュリティクラウド");
});

test("a first word too long for the box is cut by characters", () => {
	assert.equal(clipLabel("abcdefghijklmnopqrstuvwxyz", 60), "abcde…");
});
