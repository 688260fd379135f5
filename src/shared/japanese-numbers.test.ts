import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { halfWidth, readInteger, readNumber } from "./japanese-numbers.ts";

test("numbers in full width, with separators and signs", () => {
	assert.equal(readNumber("１２３"), 123);
	assert.equal(readNumber("1,234"), 1234);
	assert.equal(readNumber("１，２３４，５６７"), 1234567);
	assert.equal(readNumber("－５"), -5);
	assert.equal(readNumber("−５"), -5, "the minus sign");
	assert.equal(readNumber(" ３．５ "), 3.5);
	assert.equal(readInteger("０３"), 3);
	for (const text of ["", "12,34", "1,2345", "三", "1.2.3", "--1", "1e3"]) {
		assert.equal(readNumber(text), null, text);
	}
	assert.equal(readInteger("1.5"), null);
	assert.equal(halfWidth("ＰＣ－００１"), "PC-001");
});

test("property: any integer reads back from its full-width grouped form", () => {
	fc.assert(
		fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
			const grouped = n
				.toLocaleString("en-US")
				.replace(/[0-9,-]/gu, (c) =>
					c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
				);
			assert.equal(readInteger(grouped), n);
		}),
	);
});
