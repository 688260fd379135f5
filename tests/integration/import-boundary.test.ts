import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const biome = join(root, "node_modules", ".bin", "biome");

/**
 * Lint one probe file placed at `dir` inside the tree (the boundary rule is path-based, so the
 * probe must sit where real code would), then remove it whatever happens.
 */
async function lintProbe(dir: string, source: string): Promise<{ code: number; output: string }> {
	const file = join(root, dir, `boundary-probe-${randomBytes(4).toString("hex")}.ts`);
	writeFileSync(file, source);
	try {
		await run(biome, ["lint", "--max-diagnostics=5", file], { cwd: root });
		return { code: 0, output: "" };
	} catch (error) {
		const failed = error as { code?: number; stdout?: string; stderr?: string };
		return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
	} finally {
		rmSync(file, { force: true });
	}
}

const probe = (from: string) =>
	`import { problemSchema } from "${from}";\n\nexport const probe = problemSchema;\n`;

test("a use case, the CLI or src/shared importing src/http/ fails the lint", async () => {
	for (const [dir, from] of [
		["src/modules/assets", "../../http/problem.schema.ts"],
		["src/cli", "../http/problem.schema.ts"],
		["src/shared", "../http/problem.schema.ts"],
	] as const) {
		const result = await lintProbe(dir, probe(from));
		assert.notEqual(result.code, 0, `${dir} importing ${from} must fail`);
		assert.match(result.output, /noRestrictedImports/);
	}
});

test("the HTTP layer itself may import src/http/", async () => {
	const result = await lintProbe("src/http", probe("./problem.schema.ts"));
	assert.equal(result.code, 0, result.output);
});
