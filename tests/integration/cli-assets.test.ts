import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { LEDGER_HEADERS } from "../../src/modules/assets/ledger-format.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { auditEvents, countRows } from "../helpers/audit-db.ts";
import { type CliResult, runCli } from "../helpers/cli.ts";
import { assertUnchanged, snapshot } from "../helpers/db-snapshot.ts";
import { makeTenant } from "../helpers/factories.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/** `mamori assets template|import|export`: files, `--json` reports and exit codes. */

let runtime: TestRuntime;
let tenant: TenantRow;
let unit: OrgUnitTable;
before(async () => {
	runtime = await createTestRuntime();
	tenant = await makeTenant(runtime);
	unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
});
after(() => runtime.cleanup());

const run = (...args: string[]) => runCli(args, runtime);
const file = (name: string) => join(runtime.dataDir, name);

interface JsonReport {
	errors: { row: number | null; column: string | null; message: string }[];
	errorCount: number;
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
	applied: boolean;
}

function report(result: CliResult): JsonReport {
	return JSON.parse(result.stdout) as JsonReport;
}

function ledgerCsv(rows: string[][]): string {
	const header = LEDGER_HEADERS.filter((h) => h !== "所管課名");
	return `${[header, ...rows].map((r) => r.join(",")).join("\n")}\n`;
}

function row(code: string, classification = "C2/I2/A2"): string[] {
	return [
		code,
		"庁内LAN",
		"システム・機器・媒体",
		unit.code,
		"情報政策課長",
		"サーバ室",
		"LGWAN接続系",
		classification,
		"なし",
		"",
		"運用中",
		"",
		"",
	];
}

test("template writes the documented headers as XLSX (with the values sheet) or CSV", async () => {
	const xlsx = await run("assets", "template", "--tenant", tenant.slug, "-o", file("t.xlsx"));
	assert.equal(xlsx.code, 0, xlsx.stderr);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file("t.xlsx"));
	assert.deepEqual(
		workbook.worksheets.map((w) => w.name),
		["情報資産管理台帳", "選択肢"],
	);
	const csv = await run("assets", "template", "--tenant", tenant.slug, "-o", file("t.csv"));
	assert.equal(csv.code, 0, csv.stderr);
	const table = await readTable(await readFile(file("t.csv")));
	assert.deepEqual(table.rows, [[...LEDGER_HEADERS]]);
	const wrong = await run("assets", "template", "--tenant", tenant.slug, "-o", file("t.txt"));
	assert.equal(wrong.code, 2);
	assert.match(wrong.stderr, /\.xlsx or \.csv/);
	const noTenant = await run("assets", "template", "--tenant", "nope", "-o", file("t.csv"));
	assert.equal(noTenant.code, 1);
	assert.match(noTenant.stderr, /no tenant "nope"/);
});

test("import --json lists every error with row and column and exits 1, applying nothing", async () => {
	const good = unique("G");
	await writeFile(file("bad.csv"), ledgerCsv([row(good), row(unique("B"), "X9")]));
	const before = await countRows(runtime.db, "assets", tenant.id);
	const result = await run("assets", "import", file("bad.csv"), "--tenant", tenant.slug, "--json");
	assert.equal(result.code, 1);
	const json = report(result);
	assert.equal(json.applied, false);
	assert.equal(json.errorCount, 1);
	assert.equal(json.errors[0]?.row, 3);
	assert.equal(json.errors[0]?.column, "格付け");
	assert.match(json.errors[0]?.message ?? "", /X9/);
	assert.equal(await countRows(runtime.db, "assets", tenant.id), before);

	const human = await run("assets", "import", file("bad.csv"), "--tenant", tenant.slug);
	assert.equal(human.code, 1);
	assert.match(human.stdout, /^3行目 「格付け」: 格付け「X9」/m);
	assert.match(human.stdout, /nothing applied/);

	const skipped = await run(
		"assets",
		"import",
		file("bad.csv"),
		"--tenant",
		tenant.slug,
		"--skip-invalid",
		"--json",
	);
	assert.equal(skipped.code, 0, skipped.stdout);
	assert.match(skipped.stderr, /^import: 2 rows checked, 1 written/m, "the progress line");
	assert.deepEqual(
		{ ...report(skipped), errors: [] },
		{
			format: "csv",
			errors: [],
			errorCount: 1,
			skippedBlank: 0,
			skippedTotal: [],
			rows: 2,
			created: 1,
			updated: 0,
			unchanged: 0,
			skipped: 1,
			applied: true,
		},
	);
	const imported = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "asset.imported",
	);
	assert.equal(imported.length, 1);
	assert.match(imported[0]?.actor_label ?? "", /mamori CLI \(cli-test\)/);
});

test("a dry run exits 0 for a clean file and changes nothing; a binary file exits 1", async () => {
	await writeFile(file("ok.csv"), ledgerCsv([row(unique("D"))]));
	const before = await snapshot(runtime.db, tenant.id);
	const dry = await run("assets", "import", file("ok.csv"), "--tenant", tenant.slug, "--dry-run");
	assert.equal(dry.code, 0, dry.stdout);
	assert.match(dry.stdout, /created 1, .* dry run: nothing applied/);
	assertUnchanged(before, await snapshot(runtime.db, tenant.id), "dry run");

	await writeFile(file("junk.bin"), new Uint8Array([0, 1, 2, 3, 255, 0]));
	const junk = await run("assets", "import", file("junk.bin"), "--tenant", tenant.slug, "--json");
	assert.equal(junk.code, 1);
	assert.equal(report(junk).errors[0]?.row, null);
	const missing = await run("assets", "import", file("nope.csv"), "--tenant", tenant.slug);
	assert.equal(missing.code, 1);
	assert.match(missing.stderr, /no such file/);
	const usage = await run("assets", "import", "--tenant", tenant.slug);
	assert.equal(usage.code, 2);
});

test("export, then import of the export changes nothing; filters narrow the export", async () => {
	await makeAsset(runtime, tenant.id, unit.id, { zone: "internet", notes: "=1+1 は式ではない" });
	for (const ext of ["xlsx", "csv"]) {
		const out = file(`ledger.${ext}`);
		const exported = await run("assets", "export", "--tenant", tenant.slug, "-o", out);
		assert.equal(exported.code, 0, exported.stderr);
		const total = await countRows(runtime.db, "assets", tenant.id);
		assert.match(exported.stdout, new RegExp(`wrote ${total} assets`));
		const before = await snapshot(runtime.db, tenant.id);
		const again = await run("assets", "import", out, "--tenant", tenant.slug, "--json");
		assert.equal(again.code, 0, again.stdout);
		const json = report(again);
		assert.deepEqual([json.created, json.updated, json.unchanged], [0, 0, total]);
		assertUnchanged(before, await snapshot(runtime.db, tenant.id), `re-import of ${ext}`);
	}
	const filtered = await run(
		"assets",
		"export",
		"--tenant",
		tenant.slug,
		"-o",
		file("internet.csv"),
		"--zone",
		"internet",
		"--unit",
		unit.code,
	);
	assert.equal(filtered.code, 0, filtered.stderr);
	const table = await readTable(await readFile(file("internet.csv")));
	assert.ok(table.rows.length > 1);
	assert.ok(table.rows.slice(1).every((r) => r[7] === "インターネット接続系"));
	const exports = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "asset.exported",
	);
	assert.deepEqual(exports.at(-1)?.payload, { format: "csv", rows: table.rows.length - 1 });
	const badFilter = await run(
		"assets",
		"export",
		"--tenant",
		tenant.slug,
		"-o",
		file("x.csv"),
		"--zone",
		"moon",
	);
	assert.equal(badFilter.code, 2);
});
