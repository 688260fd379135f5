import assert from "node:assert/strict";
import { test } from "node:test";
import {
	encodeEucJp,
	encodeIso2022Jp,
	encodeSjis,
	JUMINHYO,
} from "../../../tests/helpers/mail-corpus.ts";
import { decodeText, detectJapanese } from "./charset.ts";

test("declared Japanese charsets decode exactly, under the names mail software uses", () => {
	assert.equal(decodeText(encodeIso2022Jp(JUMINHYO), "ISO-2022-JP").text, JUMINHYO);
	assert.equal(decodeText(encodeSjis(JUMINHYO), "Shift_JIS").text, JUMINHYO);
	assert.equal(decodeText(encodeSjis(JUMINHYO), "cp932").text, JUMINHYO);
	assert.equal(decodeText(encodeEucJp(JUMINHYO), "x-euc-jp").text, JUMINHYO);
	assert.equal(decodeText(Buffer.from(JUMINHYO), "utf8").text, JUMINHYO);
});

test("missing or wrong charsets are recognised instead of producing 文字化け", () => {
	const sjis = decodeText(encodeSjis(JUMINHYO), null);
	assert.deepEqual([sjis.text, sjis.charset, sjis.corrected], [JUMINHYO, "shift_jis", true]);
	assert.equal(decodeText(encodeEucJp(JUMINHYO), "us-ascii").text, JUMINHYO);
	assert.equal(decodeText(encodeIso2022Jp(JUMINHYO), "utf-8").text, JUMINHYO);
	assert.equal(
		detectJapanese(encodeEucJp("住民票の写しについてお知らせします"))?.charset,
		"euc-jp",
	);
});

test("undecodable bytes never throw", () => {
	const result = decodeText(Buffer.from([0xff, 0xfe, 0x80, 0x81]), "x-made-up");
	assert.equal(typeof result.text, "string");
	assert.equal(decodeText(Buffer.from("plain"), "x-made-up").text, "plain");
});
