import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const DIR = import.meta.dirname;

/** The keys a catalogue source file defines, read from its text (`"key": …` at the start of a line). */
function keysOf(file: string): string[] {
	const text = readFileSync(file, "utf8");
	return [...text.matchAll(/^\t"([^"]+)":/gm)].map((match) => match[1] ?? "");
}

test("no message key is defined by two catalogue files: a later spread would silently win", () => {
	for (const lang of ["ja", "en"]) {
		const files = [
			join(DIR, `${lang}.ts`),
			...readdirSync(join(DIR, "modules"))
				.filter((name) => name.endsWith(`.${lang}.ts`))
				.map((name) => join(DIR, "modules", name)),
		];
		const owner = new Map<string, string>();
		const twice: string[] = [];
		for (const file of files) {
			for (const key of keysOf(file)) {
				const first = owner.get(key);
				if (first && first !== file) twice.push(`${key}: ${first} and ${file}`);
				owner.set(key, file);
			}
		}
		assert.ok(owner.size > 500, `${lang}: the catalogue files were read (${owner.size} keys)`);
		assert.deepEqual(twice, [], `${lang}: keys defined twice`);
	}
});
