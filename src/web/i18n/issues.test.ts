import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ALL_ISSUE_CODES, ISSUE_CODES } from "../../shared/issues.ts";
import { NETWORK_ISSUE_CODES } from "../../shared/network-issues.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";

const catalogues = { ja: ja as Record<string, string>, en: en as Record<string, string> };

function keyOf(code: string): string {
	if ((ISSUE_CODES as readonly string[]).includes(code)) return `issue.${code}`;
	if ((NETWORK_ISSUE_CODES as readonly string[]).includes(code)) return `networkIssue.${code}`;
	return `fileIssue.${code}`;
}

function placeholders(text: string): string[] {
	return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

test("every issue code the server can emit has Japanese and English text", () => {
	assert.ok(ALL_ISSUE_CODES.length > 60, "the list of codes is read from the server code");
	for (const code of ALL_ISSUE_CODES) {
		const key = keyOf(code);
		for (const [lang, messages] of Object.entries(catalogues)) {
			assert.ok(messages[key]?.trim(), `${lang} has no text for ${key}`);
		}
		// Both languages use the same parameters, so neither shows a raw `{name}`.
		assert.deepEqual(
			placeholders(en[key as keyof typeof en]),
			placeholders(ja[key as keyof typeof ja]),
			key,
		);
	}
});

test("the Japanese text of an issue contains no English sentence", () => {
	for (const code of ALL_ISSUE_CODES) {
		const text = catalogues.ja[keyOf(code)] ?? "";
		assert.doesNotMatch(
			text,
			/\b[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z]?[a-z]+){2,}/,
			`${code}: ${text}`,
		);
	}
});

/** Every field name a request may carry (body properties, query and path parameters). */
function requestFieldNames(): Set<string> {
	const url = new URL("../../../openapi/openapi.json", import.meta.url);
	const doc = JSON.parse(readFileSync(url, "utf8"));
	const names = new Set<string>();
	const seen = new Set<unknown>();
	const walk = (schema: Record<string, unknown> | undefined): void => {
		if (!schema || seen.has(schema)) return;
		seen.add(schema);
		const ref = schema.$ref;
		if (typeof ref === "string") {
			walk(doc.components.schemas[ref.split("/").pop() ?? ""]);
			return;
		}
		for (const key of ["allOf", "anyOf", "oneOf"]) {
			for (const part of (schema[key] as Record<string, unknown>[] | undefined) ?? []) walk(part);
		}
		walk(schema.items as Record<string, unknown> | undefined);
		for (const [name, property] of Object.entries(
			(schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {},
		)) {
			names.add(name);
			walk(property);
		}
	};
	for (const operations of Object.values(doc.paths) as Record<string, Record<string, unknown>>[]) {
		for (const operation of Object.values(operations)) {
			const body = operation.requestBody as
				| { content?: Record<string, { schema?: Record<string, unknown> }> }
				| undefined;
			walk(body?.content?.["application/json"]?.schema);
			for (const parameter of (operation.parameters as { name: string }[] | undefined) ?? []) {
				names.add(parameter.name);
			}
		}
	}
	return names;
}

test("every field a request can carry has a label in both languages", () => {
	const names = requestFieldNames();
	assert.ok(names.has("parentId") && names.has("currentPassword"));
	const missing: string[] = [];
	for (const name of names) {
		for (const [lang, messages] of Object.entries(catalogues)) {
			if (!messages[`issue.field.${name}`]) missing.push(`${lang}:${name}`);
		}
	}
	assert.deepEqual(missing, [], "labels missing");
});
