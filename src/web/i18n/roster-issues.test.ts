import assert from "node:assert/strict";
import { test } from "node:test";
import { ROSTER_ROW_CODES } from "../../modules/org/roster/roster.schemas.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every roster row code has Japanese and English text with the same placeholders", () => {
	const catalogues = { ja: ja as Record<string, string>, en: en as Record<string, string> };
	assert.ok(ROSTER_ROW_CODES.length >= 20);
	for (const code of ROSTER_ROW_CODES) {
		const key = `fileIssue.${code}`;
		const jaText = catalogues.ja[key] ?? "";
		const enText = catalogues.en[key] ?? "";
		assert.ok(jaText.trim(), `ja: ${key}`);
		assert.ok(enText.trim(), `en: ${key}`);
		assert.notEqual(jaText, enText, key);
		assert.deepEqual(names(jaText), names(enText), key);
	}
});
