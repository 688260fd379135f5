import assert from "node:assert/strict";
import { test } from "node:test";
import { randomString } from "./random.ts";

test("randomString draws the requested length from the alphabet only", () => {
	for (const length of [1, 12, 16, 100]) {
		const value = randomString("abc", length);
		assert.equal(value.length, length);
		assert.match(value, /^[abc]+$/);
	}
});

test("randomString is unbiased for alphabets that do not divide 256", () => {
	// 57 characters (the one-time password alphabet's size): modulo without rejection would make
	// the first 28 characters ~25% likelier than the rest.
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	const counts = new Map<string, number>();
	for (const char of randomString(alphabet, 57 * 2000))
		counts.set(char, (counts.get(char) ?? 0) + 1);
	const head = [...alphabet.slice(0, 28)].reduce((sum, c) => sum + (counts.get(c) ?? 0), 0) / 28;
	const tail = [...alphabet.slice(28)].reduce((sum, c) => sum + (counts.get(c) ?? 0), 0) / 29;
	assert.equal(counts.size, 57, "every character appears");
	assert.ok(Math.abs(head / tail - 1) < 0.08, `head/tail ratio ${head / tail} should be ~1`);
});

test("randomString refuses alphabets it cannot draw from", () => {
	assert.throws(() => randomString("a", 4), /alphabet/);
});
