import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { stringify } from "yaml";
import { Problem, type ProblemCode } from "../../../shared/problem.ts";
import { loadBundledPack, loadPack, loadPackFile, MAX_PACK_BYTES } from "./load-pack.ts";
import { isPackJsonSchemaCurrent } from "./pack-json-schema.ts";

const dir = mkdtempSync(join(tmpdir(), "mamori-pack-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

/** The problem a load throws; fails the test when the load succeeds. */
function problemOf(load: () => unknown, code: ProblemCode): Problem {
	try {
		load();
	} catch (error) {
		assert.ok(error instanceof Problem, String(error));
		assert.equal(error.code, code, error.message);
		return error;
	}
	assert.fail("the pack was accepted");
}

describe("loading pack files", () => {
	const saga = loadBundledPack("saga");

	test("a user-supplied YAML file loads (.yaml and .yml)", () => {
		const renamed = { ...saga, id: "my-city", name: { ja: "わが市", en: "My City" } };
		for (const name of ["my-city.yaml", "my-city.yml"]) {
			const pack = loadPackFile(file(name, stringify(renamed)));
			assert.equal(pack.id, "my-city");
			assert.equal(pack.name.ja, "わが市");
			assert.equal(pack.revisions.length, 9);
		}
	});

	test("a JSON file loads, also with a byte-order mark and a $schema key", () => {
		const json = JSON.stringify({ $schema: "./policy-pack.schema.json", ...saga });
		assert.deepEqual(loadPackFile(file("pack.json", json)).threats, saga.threats);
		assert.equal(loadPackFile(file("bom.json", `\uFEFF${json}`)).id, "saga");
	});

	test("a file over 1 MiB is refused before parsing", () => {
		const big = file("big.yaml", `# ${"x".repeat(MAX_PACK_BYTES)}\n`);
		const problem = problemOf(() => loadPackFile(big), "payload_too_large");
		assert.match(problem.message, /limit is 1048576 bytes/);
	});

	test("invalid YAML names the line and column", () => {
		const broken = file("broken.yaml", "formatVersion: 1\nid: [saga\nname: x\n");
		const problem = problemOf(() => loadPackFile(broken), "validation_failed");
		assert.match(problem.message, /not valid YAML/);
		assert.match(problem.issues[0]?.message ?? "", /^line \d+, column \d+: /);
	});

	test("duplicate keys and unknown tags are refused", () => {
		const duplicate = file("dup.yaml", "id: saga\nid: other\n");
		assert.match(problemOf(() => loadPackFile(duplicate), "validation_failed").message, /unique/i);
		const tagged = file("tag.yaml", "id: !!js/function 'return 1'\n");
		problemOf(() => loadPackFile(tagged), "validation_failed");
	});

	test("an alias bomb is stopped by the alias limit", () => {
		const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
		for (let i = 1; i < 8; i++) {
			const previous = String.fromCharCode(96 + i);
			const name = String.fromCharCode(97 + i);
			levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
		}
		const bomb = file("bomb.yaml", `${levels.join("\n")}\n`);
		const problem = problemOf(() => loadPackFile(bomb), "validation_failed");
		assert.match(problem.message, /alias/i);
	});

	test("a Shift_JIS file is refused with a hint", () => {
		const sjis = file("sjis.yaml", Uint8Array.from([0x69, 0x64, 0x3a, 0x20, 0x82, 0xa0, 0x0a]));
		assert.match(problemOf(() => loadPackFile(sjis), "validation_failed").message, /UTF-8/);
	});

	test("a file that parses but is not a valid pack lists its bad fields", () => {
		const invalid = file("invalid.json", JSON.stringify({ ...saga, threats: [], extra: true }));
		const problem = problemOf(() => loadPackFile(invalid), "validation_failed");
		assert.deepEqual(problem.issues.map((i) => i.path).sort(), ["extra", "threats"]);
		assert.match(problem.message, /invalid\.json is invalid \(2 problems\)/);
	});

	test("wrong extension and missing files", () => {
		problemOf(() => loadPackFile(file("pack.txt", "id: x")), "unsupported_media_type");
		problemOf(() => loadPackFile(join(dir, "absent.yaml")), "not_found");
		problemOf(() => loadPackFile(dir.concat("/")), "unsupported_media_type");
	});

	test("loadPack takes a bundled id or a path, as `tenant add --pack` does", () => {
		assert.equal(loadPack("kitakyushu").id, "kitakyushu");
		const path = file("city.yaml", stringify({ ...saga, id: "city" }));
		assert.equal(loadPack(path).id, "city");
		const problem = problemOf(() => loadPack("osaka"), "not_found");
		assert.match(problem.message, /saga, kitakyushu, standard/);
		problemOf(() => loadPack("./osaka.yaml"), "not_found");
	});

	test("the committed JSON Schema is current (node scripts/export-pack-schema.ts)", () => {
		assert.ok(isPackJsonSchemaCurrent(), "run node scripts/export-pack-schema.ts and commit");
	});
});
