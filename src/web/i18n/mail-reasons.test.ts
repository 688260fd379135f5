import assert from "node:assert/strict";
import { test } from "node:test";
import {
	HELD_REASON_CODES,
	SANITIZE_REASON_CODES,
} from "../../modules/sanitize/sanitize.contract.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every sanitiser and held reason code has Japanese and English text with the same placeholders", () => {
	const catalogues = { ja: ja as Record<string, string>, en: en as Record<string, string> };
	const keys = [
		...SANITIZE_REASON_CODES.map((code) => `mail.reason.${code}`),
		...HELD_REASON_CODES.map((code) => `mail.held.${code}`),
	];
	for (const key of keys) {
		assert.ok(catalogues.ja[key]?.trim(), `ja: ${key}`);
		assert.ok(catalogues.en[key]?.trim(), `en: ${key}`);
		assert.deepEqual(names(catalogues.ja[key] ?? ""), names(catalogues.en[key] ?? ""), key);
	}
});
