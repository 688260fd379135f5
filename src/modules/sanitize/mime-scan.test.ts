import assert from "node:assert/strict";
import { test } from "node:test";
import { manyParts, nestedMessage } from "../../../tests/helpers/mail-corpus.ts";
import { scanMimeStructure } from "./mime-scan.ts";

const LIMITS = { maxDepth: 20, maxParts: 500, maxHeaderBytes: 64 * 1024 };

test("counts entities and depth, looking into unencoded embedded messages", () => {
	const result = scanMimeStructure(nestedMessage(3), LIMITS);
	assert.deepEqual([result.problem, result.parts, result.depth], [null, 10, 6]);
});

test("refuses deep nesting and too many parts without reading further", () => {
	assert.match(
		scanMimeStructure(nestedMessage(100), LIMITS).problem ?? "",
		/nesting deeper than 20/,
	);
	const many = scanMimeStructure(manyParts(10_000), LIMITS);
	assert.match(many.problem ?? "", /more than 500 MIME parts/);
	assert.equal(many.parts, 501);
});

test("a missing final boundary is counted, a missing boundary parameter is a problem", () => {
	const open = Buffer.from("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n");
	assert.equal(scanMimeStructure(open, LIMITS).unclosedMultiparts, 1);
	const none = Buffer.from("Content-Type: multipart/mixed\r\n\r\n--b\r\n\r\nx\r\n");
	assert.match(scanMimeStructure(none, LIMITS).problem ?? "", /without a boundary/);
});

test("duplicate Content-Type headers: identical ones pass, differing ones are a problem", () => {
	const same = Buffer.from(
		'Content-Type: text/plain; charset=utf-8\r\nContent-Type: text/plain; charset="utf-8"\r\n\r\nx',
	);
	assert.equal(scanMimeStructure(same, LIMITS).duplicateContentTypes, 1);
	const differ = Buffer.from("Content-Type: text/plain\r\nContent-Type: text/html\r\n\r\nx");
	assert.match(scanMimeStructure(differ, LIMITS).problem ?? "", /conflicting/);
});

test("a boundary that is a prefix of a longer line is not a delimiter", () => {
	const raw = Buffer.from(
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--bx\r\n--b--\r\n",
	);
	assert.deepEqual(
		[scanMimeStructure(raw, LIMITS).parts, scanMimeStructure(raw, LIMITS).unclosedMultiparts],
		[2, 0],
	);
});
