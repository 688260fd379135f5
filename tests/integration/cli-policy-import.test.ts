import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { policyImportResultSchema } from "../../src/modules/policies/import/import.schemas.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../..");
const BIN = resolve(REPO_ROOT, "bin/mamori.js");
const SEEDS = resolve(REPO_ROOT, "../shared/seeds");
const SAGA = resolve(SEEDS, "000_2ada437c7fa3d3e9.txt");
const KITAKYUSHU = resolve(SEEDS, "004_34f5ad730ec06e4b.txt");

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Run `mamori` with the running Node; the command needs no database, so no data directory. */
function mamori(args: string[]): Promise<Run> {
	const env = { ...process.env };
	delete env.MAMORI_DEBUG;
	return new Promise((done) => {
		execFile(process.execPath, [BIN, ...args], { env }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
			done({ code, stdout, stderr });
		});
	});
}

let dir: string;
before(async () => {
	dir = await mkdtemp(join(tmpdir(), "mamori-policy-import-"));
});
after(() => rm(dir, { recursive: true, force: true }));

test("policy import --json prints one JSON object with the Saga policy's structure", async () => {
	const run = await mamori(["policy", "import", SAGA, "--json"]);
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stderr, "");
	assert.equal(run.stdout.trim().split("\n").length, 1, "one JSON object on one line");
	const result = policyImportResultSchema.parse(JSON.parse(run.stdout));
	assert.deepEqual(
		result.sections.map((s) => s.label),
		["１", "２", "３", "４", "５", "６", "７", "８", "９", "１０", "１１"],
	);
	assert.equal(result.sections[1]?.title, "定義");
	assert.equal(result.definitions.length, 13);
	assert.deepEqual(
		result.revisions.map((r) => r.date),
		[
			"2004-03",
			"2007-08",
			"2008-04",
			"2018-06",
			"2019-07",
			"2021-04",
			"2023-01",
			"2023-04",
			"2023-09",
		],
	);
	assert.deepEqual(result.warnings, []);
});

test("policy import without --json prints a readable outline", async () => {
	const run = await mamori(["policy", "import", KITAKYUSHU]);
	assert.equal(run.code, 0, run.stderr);
	const lines = run.stdout.split("\n");
	assert.equal(lines[0], "北九州市情報セキュリティ基本方針");
	assert.match(
		lines[1] ?? "",
		/^10 top-level sections .*13 definitions, 0 revisions, 1 warnings$/u,
	);
	assert.ok(lines.includes("２ 定義"));
	assert.ok(lines.includes("  （１） 情報資産"));
	assert.ok(lines.includes("１０ 情報セキュリティ実施手順の策定"));
	assert.ok(lines.some((l) => l.startsWith("  line 223: removed 1 lone page number")));
});

test("a binary file is refused: exit 1 and one line on stderr", async () => {
	const file = join(dir, "scan.bin");
	await writeFile(file, Uint8Array.from([0x00, 0x10, 0xff, 0x00, 0x42, 0x13, 0x37, 0x00]));
	const run = await mamori(["policy", "import", file, "--json"]);
	assert.equal(run.code, 1);
	assert.equal(run.stdout, "");
	const errors = run.stderr.split("\n").filter((l) => l !== "");
	assert.equal(errors.length, 1, run.stderr);
	assert.match(errors[0] ?? "", /^mamori policy import: not a plain-text policy: .*binary/u);
});

test("a missing file exits 1, a missing argument is a usage error (exit 2)", async () => {
	const missing = await mamori(["policy", "import", join(dir, "nothing.txt")]);
	assert.equal(missing.code, 1);
	assert.match(
		missing.stderr,
		/^mamori policy import: cannot read .*nothing\.txt: no such file\n$/u,
	);

	const usage = await mamori(["policy", "import"]);
	assert.equal(usage.code, 2);
	assert.match(usage.stderr, /FILE is required/u);
});
