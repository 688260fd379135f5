import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { LEDGER_HEADERS } from "../../src/modules/assets/ledger-format.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { countRows } from "../helpers/audit-db.ts";
import { runCli } from "../helpers/cli.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";
import { corruptPart, sheetFirst, sheetFirstBomb } from "../helpers/xlsx-bomb.ts";

/**
 * Issue #21 point 3: a 3 MB workbook whose sheet, stored before workbook.xml, inflates to a
 * gigabyte is refused by the asset import (dry run and apply), the roster import and
 * `mamori assets import`, naming the part and the limit, and no temporary file is left behind.
 */

// Everything this process and its CLI children put in the temporary directory lands here.
const privateTmp = mkdtempSync(join(tmpdir(), "mamori-xlsx-bounds-"));
process.env.TMPDIR = privateTmp;
const files = mkdtempSync(join(privateTmp, "files-"));

const runtime = await createTestRuntime();
const app = createApp(runtime);
// Applying is an import job, run by this process's scheduler as in `mamori serve`.
const scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
	rmSync(privateTmp, { recursive: true, force: true });
});

let tenant: TenantRow;
let admin: TestClient;
before(async () => {
	tenant = await makeTenant(runtime);
	const account = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	admin = new TestClient(app, await openSession(runtime, account));
});

// The tester's file: about 3 MB that inflates to 3 GB.
const bomb = sheetFirstBomb(3072);
const PART = "xl/worksheets/sheet1.xml";
const LIBRARY_WORDS =
	/Invalid string length|central directory|FILE_ENDED|invalid (distance|block)/i;

interface ImportReport {
	format: string | null;
	rows: number;
	applied: boolean;
	errors: {
		row: number | null;
		message: string;
		code?: string;
		params?: Record<string, string | number>;
	}[];
}

/**
 * The entries of the temporary directory, other than this test's own folders and Node's compile
 * cache (one per installation, made by the CLI's `enableCompileCache`, not per request).
 */
function leftovers(): string[] {
	return readdirSync(privateTmp).filter(
		(name) => !name.startsWith("files-") && name !== "node-compile-cache",
	);
}

async function importAsset(bytes: Uint8Array, mode: "dry_run" | "apply"): Promise<ImportReport> {
	const response = await admin.post("/api/assets/import", {
		filename: "ledger.xlsx",
		contentBase64: Buffer.from(bytes).toString("base64"),
		mode,
		skipInvalid: false,
	});
	if (mode === "dry_run") {
		assert.equal(response.status, 200, await response.clone().text());
		return (await response.json()) as ImportReport;
	}
	assert.equal(response.status, 202, await response.clone().text());
	let job = (await response.json()) as { id: string; status: string; result: ImportReport | null };
	while (job.status === "queued" || job.status === "running") {
		await new Promise((resolve) => setTimeout(resolve, 20));
		job = (await (await admin.get(`/api/imports/${job.id}`)).json()) as typeof job;
	}
	assert.equal(job.status, "refused", JSON.stringify(job));
	assert.ok(job.result);
	return job.result;
}

test("the asset import refuses the bomb, dry run and apply, naming the part and the limit", async () => {
	const before = leftovers();
	const assets = await countRows(runtime.db, "assets", tenant.id);
	for (const mode of ["dry_run", "apply"] as const) {
		const report = await importAsset(bomb, mode);
		assert.equal(report.applied, false);
		assert.equal(report.errors.length, 1);
		const [error] = report.errors;
		assert.equal(error?.code, "xlsx_part_too_large");
		assert.deepEqual(error?.params, { part: PART, limit: 256 });
		assert.match(error?.message ?? "", /xl\/worksheets\/sheet1\.xml.*256 MB/);
		assert.doesNotMatch(error?.message ?? "", LIBRARY_WORDS);
	}
	assert.equal(await countRows(runtime.db, "assets", tenant.id), assets);
	assert.deepEqual(leftovers(), before);
});

test("a sheet stored before the workbook, under the limits, is read and leaves no file", async () => {
	const before = leftovers();
	const header = LEDGER_HEADERS.filter((h) => h !== "所管課名");
	const workbook = sheetFirst([header, ["X-1", "住民記録システム"]]);
	for (const mode of ["dry_run", "apply"] as const) {
		const report = await importAsset(workbook, mode);
		assert.equal(report.format, "xlsx");
		assert.equal(report.rows, 1);
		// Only the row's own errors (missing values), none about reading the workbook.
		assert.ok(report.errors.length > 0);
		assert.ok(report.errors.every((error) => error.row === 2 && error.code === "value_required"));
	}
	assert.deepEqual(leftovers(), before);
});

test("a damaged workbook is reported in the catalogue's words, not the library's", async () => {
	const header = LEDGER_HEADERS.filter((h) => h !== "所管課名");
	const workbook = sheetFirst([header, ["X-1", "住民記録システム"]]);
	const report = await importAsset(corruptPart(workbook, PART), "dry_run");
	const [error] = report.errors;
	assert.equal(error?.code, "xlsx_part_unreadable");
	assert.match(error?.message ?? "", /部品「xl\/worksheets\/sheet1\.xml」が壊れている/);
	const truncated = await importAsset(workbook.subarray(0, workbook.length - 40), "dry_run");
	assert.equal(truncated.errors[0]?.code, "xlsx_unreadable");
	for (const { message } of [...report.errors, ...truncated.errors]) {
		assert.doesNotMatch(message, LIBRARY_WORDS);
	}
});

test("the roster import refuses the bomb with a problem naming the part and the limit", async () => {
	const before = leftovers();
	const response = await admin.post("/api/roster-imports", {
		fileName: "roster.xlsx",
		contentBase64: bomb.toString("base64"),
	});
	assert.equal(response.status, 400);
	const problem = (await response.json()) as {
		code: string;
		detail: string;
		issues: { code?: string; params?: Record<string, string | number>; message: string }[];
	};
	assert.equal(problem.code, "validation_failed");
	assert.equal(problem.issues[0]?.code, "xlsx_part_too_large");
	assert.deepEqual(problem.issues[0]?.params, { part: PART, limit: 256 });
	assert.match(problem.detail, /"xl\/worksheets\/sheet1\.xml" expands past the limit of 256 MB/);
	assert.doesNotMatch(JSON.stringify(problem), LIBRARY_WORDS);
	assert.equal(await countRows(runtime.db, "roster_imports", tenant.id), 0);
	assert.deepEqual(leftovers(), before);
});

test("`mamori assets import` refuses the bomb, and the limits are configurable", async () => {
	const path = join(files, "bomb.xlsx");
	await writeFile(path, bomb);
	const before = leftovers();
	const env = { TMPDIR: privateTmp };
	const refused = await runCli(["assets", "import", path, "--tenant", tenant.slug], runtime, env);
	assert.equal(refused.code, 1, refused.stderr);
	assert.match(refused.stdout, /部品「xl\/worksheets\/sheet1\.xml」は展開すると上限の 256 MB/);
	assert.doesNotMatch(refused.stdout + refused.stderr, LIBRARY_WORDS);
	const lower = await runCli(
		["assets", "import", path, "--tenant", tenant.slug, "--dry-run", "--json"],
		runtime,
		{ ...env, MAMORI_XLSX_MAX_PART_MB: "8" },
	);
	assert.equal(lower.code, 1, lower.stderr);
	const report = JSON.parse(lower.stdout) as ImportReport;
	assert.deepEqual(report.errors[0]?.params, { part: PART, limit: 8 });
	assert.deepEqual(leftovers(), before);
});
