import assert from "node:assert/strict";
import { test } from "node:test";
import { Problem } from "../../../shared/problem.ts";
import { importPolicyFile, importPolicyText } from "./import-policy.ts";

const POLICY =
	"１ 目的\n本方針は、情報資産を守るために定める。\n２ 定義\n(1) 職員等\n市の職員をいう。\n";

/** The Problem thrown by `run`, checked to be one. */
function problemOf(run: () => unknown): Problem {
	try {
		run();
	} catch (error) {
		assert.ok(error instanceof Problem, `expected a Problem, got ${String(error)}`);
		return error;
	}
	assert.fail("expected an error");
}

test("UTF-8 with and without BOM, UTF-16 with BOM, and Shift_JIS read the same", () => {
	const utf8 = new TextEncoder().encode(POLICY);
	const expected = importPolicyFile(utf8);
	assert.deepEqual(expected.definitions, [
		{ term: "職員等", meaning: "市の職員をいう。", line: 4 },
	]);
	assert.deepEqual(importPolicyFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), expected);

	const utf16 = new Uint8Array(2 + POLICY.length * 2);
	utf16.set([0xff, 0xfe]);
	for (let i = 0; i < POLICY.length; i++) {
		const code = POLICY.charCodeAt(i);
		utf16[2 + i * 2] = code & 0xff;
		utf16[3 + i * 2] = code >> 8;
	}
	const fromUtf16 = importPolicyFile(utf16);
	assert.deepEqual(fromUtf16.sections, expected.sections);
	assert.equal(fromUtf16.warnings[0]?.code, "decoded_as_utf16");

	// 「１ 目的 / 本方針は定める。 / ２ 定義 / (1) 職員等 / 市の職員をいう。」 in Shift_JIS (CP932).
	const sjis = Uint8Array.from(
		"82 50 20 96 da 93 49 0a 96 7b 95 fb 90 6a 82 cd 92 e8 82 df 82 e9 81 42 0a 82 51 20 92 e8 8b 60 0a 28 31 29 20 90 45 88 f5 93 99 0a 8e 73 82 cc 90 45 88 f5 82 f0 82 a2 82 a4 81 42 0a"
			.split(" ")
			.map((hex) => Number.parseInt(hex, 16)),
	);
	const fromSjis = importPolicyFile(sjis);
	assert.deepEqual(
		fromSjis.sections.map((s) => [s.label, s.title]),
		[
			["１", "目的"],
			["２", "定義"],
		],
	);
	assert.equal(fromSjis.definitions[0]?.term, "職員等");
	assert.equal(fromSjis.warnings[0]?.code, "decoded_as_shift_jis");
});

test("binary files are refused with an error naming what they are", () => {
	const pdf = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
	const problem = problemOf(() => importPolicyFile(pdf));
	assert.equal(problem.code, "validation_failed");
	assert.match(problem.message, /PDF/u);

	const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
	assert.match(problemOf(() => importPolicyFile(png)).message, /PNG image/u);

	const withNul = new TextEncoder().encode(`${POLICY}\u0000\u0001\u0002`);
	assert.match(problemOf(() => importPolicyFile(withNul)).message, /NUL bytes.*binary/u);

	const invalid = Uint8Array.from([0x31, 0x20, 0x80, 0xff, 0xfe, 0x81, 0x0a, 0xa0, 0xfd]);
	assert.match(problemOf(() => importPolicyFile(invalid)).message, /neither UTF-8 nor Shift_JIS/u);

	assert.match(problemOf(() => importPolicyFile(new Uint8Array(0))).message, /empty/u);
	const tooLarge = problemOf(() => importPolicyFile(new Uint8Array(11), { maxBytes: 10 }));
	assert.equal(tooLarge.code, "payload_too_large");
});

test("prose without numbered headings is not a policy", () => {
	const prose = [
		"今日は市役所の窓口が混み合っていた。",
		"職員の方々は丁寧に対応してくれたが、待ち時間は長かった。",
		"",
		"The weather was fine, and the queue moved slowly but steadily.",
		"次に来るときは、オンラインで予約してから来ようと思う。",
	].join("\n");
	const problem = problemOf(() => importPolicyText(prose));
	assert.equal(problem.code, "validation_failed");
	assert.equal(
		problem.message.startsWith("this does not look like a policy: no numbered headings found"),
		true,
	);
	assert.match(
		problemOf(() => importPolicyText("1. 一行だけの見出し\n本文。")).message,
		/only one numbered heading found \(line 1\)/u,
	);
	assert.match(problemOf(() => importPolicyText(" \n\n ")).message, /empty/u);
});
