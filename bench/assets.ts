import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { sql } from "kysely";
import pg from "pg";
import { systemActor } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import type { AssetTable } from "../src/db/schema.ts";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import { listAssets } from "../src/modules/assets/assets.repository.ts";
import { assetQuerySchema } from "../src/modules/assets/assets.schemas.ts";
import { exportAssets } from "../src/modules/assets/export-assets.ts";
import { importAssets } from "../src/modules/assets/import-assets.ts";
import { openLedger } from "../src/modules/assets/ledger.ts";
import {
	KIND_LABELS,
	LEDGER_HEADERS,
	LIFECYCLE_LABELS,
	PERSONAL_DATA_LABELS,
	ZONE_LABELS,
} from "../src/modules/assets/ledger-format.ts";
import { createOrgUnit } from "../src/modules/org/create-org-unit.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { findTenantBySlug } from "../src/modules/tenants/tenants.repository.ts";
import { openRuntime } from "../src/runtime.ts";
import { writeXlsx } from "../src/shared/tabular.ts";
import { healthDuringApply } from "./import-health.ts";
import { makeTempDir, removeTempDir, spawnNode } from "./lib/processes.ts";
import { median } from "./lib/stats.ts";

/**
 * The information-asset ledger at municipal scale: importing 100,000 assets from XLSX (in a
 * child process, so that its peak RSS is its own), a filtered and sorted page of 50 out of
 * 100,000 on SQLite and PostgreSQL, and exporting 100,000 rows to XLSX. Baselines measured in
 * the same run: ExcelJS's own streaming read of the same file, raw multi-row INSERTs of the same
 * rows, and ExcelJS writing the same rows already in memory. Then the same rows in a city's own
 * layout imported through a column mapping, against the own layout (assets-mapping.ts).
 */

export const ASSETS = 100_000;
const UNITS = 40;
const SAMPLES = 200;
const HEAP_CAP_MB = 128;
const SLUG = "bench-assets";
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

const KINDS = Object.values(KIND_LABELS);
const ZONES = Object.values(ZONE_LABELS);
const PERSONAL = Object.values(PERSONAL_DATA_LABELS);
const CLASSES = ["C3A/I2/A2", "C3B/I2/A1", "C3C/I1/A2", "C2/I2/A2", "C2/I1/A1", "C1/I1/A1"];
const NAMES = ["住民記録システム", "庁内LAN端末", "国保データ", "例規集原本", "バックアップ媒体"];

/** Rows of the ledger applied while `/api/health` is measured (the import's row limit). */
const HEALTH_ROWS = 200_000;

/** The generated ledger of `HEALTH_ROWS` rows as CSV (quick to write; the same rows as XLSX). */
export function healthCsv(rows = HEALTH_ROWS): Uint8Array {
	const lines = [LEDGER_HEADERS.join(",")];
	for (let i = 0; i < rows; i++) lines.push(ledgerRow(i).join(","));
	return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

function unitCode(i: number): string {
	return `bench-u${String(i).padStart(3, "0")}`;
}

/** Row `i` of the generated ledger, in the documented layout. */
export function ledgerRow(i: number): string[] {
	return [
		`BA-${String(i).padStart(6, "0")}`,
		`${NAMES[i % NAMES.length]} ${i}`,
		KINDS[i % KINDS.length] ?? "",
		unitCode(i % UNITS),
		"",
		`管理者 ${i % 97}`,
		i % 3 === 0 ? "本庁舎サーバ室" : "",
		ZONES[i % ZONES.length] ?? "",
		CLASSES[i % CLASSES.length] ?? "",
		PERSONAL[i % PERSONAL.length] ?? "",
		i % 2 === 0 ? "5年" : "",
		i % 10 === 0 ? LIFECYCLE_LABELS.stored : LIFECYCLE_LABELS.in_use,
		i % 4 === 0 ? "住民記録システム" : "",
		i % 5 === 0 ? "年度末に棚卸しを行う。" : "",
	];
}

export async function seedTenant(deps: AppDeps): Promise<string> {
	const found = await findTenantBySlug(deps.db, SLUG);
	if (found) return found.id;
	const tenant = await inTransaction(deps.db, (tx) =>
		createTenant(
			tx,
			{ label: "bench", ip: null },
			{ slug: SLUG, name: "ベンチ市", pack: "standard" },
		),
	);
	const actor = systemActor(tenant.id, "bench");
	await inTransaction(deps.db, async (tx) => {
		for (let i = 0; i < UNITS; i++) {
			await createOrgUnit(tx, actor, {
				code: unitCode(i),
				name: `ベンチ課 ${i}`,
				kind: "section",
				parentId: null,
			});
		}
	});
	return tenant.id;
}

interface ChildResult {
	ms: number;
	rssMb: number;
	detail: string;
}

/** Child process: one measured job against the data directory (or PostgreSQL URL) given. */
async function child(job: string, dataDir: string, file: string): Promise<void> {
	const started = performance.now();
	let detail = "";
	if (job === "read") {
		const { default: ExcelJS } = await import("exceljs");
		const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readFileSync(file)]), {
			worksheets: "emit",
			sharedStrings: "cache",
			hyperlinks: "ignore",
			styles: "ignore",
			entries: "ignore",
		});
		let rows = 0;
		for await (const sheet of reader) {
			for await (const row of sheet) rows += row.number > 0 ? 1 : 0;
			break;
		}
		detail = `${rows} rows`;
	} else {
		const runtime = await openRuntime({ ...loadConfig({}), dataDir });
		try {
			const tenantId = await seedTenant(runtime);
			const bytes = readFileSync(file);
			const t0 = performance.now();
			if (job === "import") {
				const report = await importAssets(runtime.db, systemActor(tenantId, "bench"), bytes, {
					mode: "apply",
					skipInvalid: false,
				});
				if (report.errorCount > 0 || report.created !== ASSETS) {
					throw new Error(`import failed: ${JSON.stringify(report).slice(0, 500)}`);
				}
				detail = `created ${report.created}`;
			} else {
				await rawInsert(runtime, tenantId);
				detail = "raw insert";
			}
			const ms = performance.now() - t0;
			process.stdout.write(
				`${JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, detail })}\n`,
			);
			return;
		} finally {
			await runtime.close();
		}
	}
	const ms = performance.now() - started;
	process.stdout.write(
		`${JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, detail })}\n`,
	);
}

/** The floor for writing: the same rows as plain multi-row INSERTs, no checks, one transaction. */
async function rawInsert(deps: AppDeps, tenantId: string) {
	const units = await deps.db
		.selectFrom("org_units")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.execute();
	const now = new Date().toISOString();
	await inTransaction(deps.db, async (tx) => {
		for (let start = 0; start < ASSETS; start += 500) {
			const rows: AssetTable[] = [];
			for (let i = start; i < Math.min(ASSETS, start + 500); i++) {
				rows.push({
					id: randomUUID(),
					tenant_id: tenantId,
					code: `RAW-${i}`,
					name: `${NAMES[i % NAMES.length]} ${i}`,
					search_text: `raw-${i}\n${NAMES[i % NAMES.length]} ${i}`,
					kind: "systems",
					owner_unit_id: units[i % units.length]?.id ?? "",
					manager_name: `管理者 ${i % 97}`,
					location: null,
					zone: "lgwan",
					scheme: "lg_cia_2024",
					class_key: "C2/I2/A2",
					class_rank: 3,
					personal_data: "none",
					retention: null,
					lifecycle: "in_use",
					related_system: null,
					notes: null,
					version: 1,
					created_by: "bench",
					created_at: now,
					updated_by: "bench",
					updated_at: now,
				});
			}
			await tx.insertInto("assets").values(rows).execute();
		}
	});
}

function runChild(
	job: string,
	dataDir: string,
	file: string,
	nodeFlags: string[] = [],
): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		const proc = spawnNode([...nodeFlags, import.meta.filename, "--child", job, dataDir, file], {
			DATABASE_URL: "",
		});
		let out = "";
		let err = "";
		proc.stdout?.on("data", (chunk: Buffer) => {
			out += chunk.toString();
		});
		proc.stderr?.on("data", (chunk: Buffer) => {
			err += chunk.toString();
		});
		proc.once("exit", (code) => {
			const line = out.trim().split("\n").at(-1) ?? "";
			if (code !== 0 || !line.startsWith("{"))
				reject(new Error(`${job} child failed (${code}): ${err}${out}`));
			else resolve(JSON.parse(line) as ChildResult);
		});
	});
}

const PAGE_QUERIES: { label: string; query: Record<string, string> }[] = [
	{ label: "all, by 資産番号", query: { sort: "code" } },
	{ label: "all, by 資産番号, page 1,000", query: { sort: "code", offset: "50000" } },
	{ label: "all, last changed first", query: { sort: "updated_at", order: "desc" } },
	{ label: "zone = LGWAN, by name", query: { zone: "lgwan", sort: "name" } },
	{
		label: "kind = 情報, by class (strictest first)",
		query: { kind: "information", sort: "class_rank" },
	},
	{ label: "one unit, by 資産番号", query: { unitId: "UNIT", sort: "code" } },
	{
		label: "class C3A/I2/A2 + no personal data, by name",
		query: { classKey: "C3A/I2/A2", personalData: "none", sort: "name" },
	},
	{ label: "text search 「住民」, by 資産番号", query: { q: "住民", sort: "code" } },
];

function p95(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

/** p95 and median of `listAssets` (page of 50 and the total) per filter/sort combination. */
async function pageTimes(deps: AppDeps, tenantId: string): Promise<string[]> {
	const ledger = await openLedger(deps.db, systemActor(tenantId, "bench"));
	const unit = await deps.db
		.selectFrom("org_units")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("code", "=", unitCode(7))
		.executeTakeFirstOrThrow();
	const lines: string[] = [];
	for (const { label, query } of PAGE_QUERIES) {
		const parsed = assetQuerySchema.parse({
			...query,
			...(query.unitId ? { unitId: unit.id } : {}),
			limit: "50",
		});
		const times: number[] = [];
		let total = 0;
		for (let i = 0; i < SAMPLES + 10; i++) {
			const t0 = performance.now();
			const result = await listAssets(deps.db, tenantId, ledger.read, parsed);
			if (i >= 10) times.push(performance.now() - t0);
			total = result.total;
		}
		lines.push(
			`| ${label} | ${total.toLocaleString("en")} | ${median(times).toFixed(1)} | ${p95(times).toFixed(1)} | ${p95(times) < 50 ? "yes" : "**no**"} |`,
		);
	}
	return lines;
}

async function postgresSection(file: string): Promise<string[]> {
	const name = `mamori_bench_${randomBytes(4).toString("hex")}`;
	const admin = new pg.Client({ connectionString: PG_URL });
	try {
		await admin.connect();
	} catch (error) {
		return [
			`PostgreSQL at ${new URL(PG_URL).host} not reachable (${(error as Error).message}): skipped.`,
		];
	}
	await admin.query(`CREATE DATABASE ${name}`);
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	try {
		const runtime = await openRuntime({
			...loadConfig({}),
			dataDir: makeTempDir("mamori-bench-pg-"),
			databaseUrl: url.toString(),
		});
		try {
			const tenantId = await seedTenant(runtime);
			const t0 = performance.now();
			const report = await importAssets(
				runtime.db,
				systemActor(tenantId, "bench"),
				readFileSync(file),
				{ mode: "apply", skipInvalid: false },
			);
			const importMs = performance.now() - t0;
			if (report.created !== ASSETS)
				throw new Error(`PostgreSQL import: ${JSON.stringify(report).slice(0, 300)}`);
			// What autovacuum does soon after a bulk load; the first plans would otherwise be guesses.
			await sql`ANALYZE assets`.execute(runtime.db);
			return [
				`Import of the same file on PostgreSQL (in this process): ${(importMs / 1000).toFixed(1)} s.`,
				"",
				"| PostgreSQL: filter / sort | matching | median ms | p95 ms | under 50 ms |",
				"| --- | ---: | ---: | ---: | :---: |",
				...(await pageTimes(runtime, tenantId)),
			];
		} finally {
			await runtime.close();
		}
	} finally {
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
}

export async function runAssetsBench(): Promise<string> {
	const dir = makeTempDir("mamori-bench-assets-");
	try {
		const file = join(dir, "ledger.xlsx");
		const rows = Array.from({ length: ASSETS }, (_, i) => ledgerRow(i));
		const generated = await writeXlsx([
			{ name: "情報資産管理台帳", header: [...LEDGER_HEADERS], rows },
		]);
		writeFileSync(file, generated);
		const mb = statSync(file).size / 1024 ** 2;

		const read = await runChild("read", dir, file);
		const imported = await runChild("import", join(dir, "import"), file);
		const raw = await runChild("insert", join(dir, "raw"), file);
		// The same import with the V8 heap capped: it must still finish, so memory does not grow
		// with the file (RSS adds buffers, SQLite's cache and code outside the heap).
		const capped = await runChild("import", join(dir, "capped"), file, [
			`--max-old-space-size=${HEAP_CAP_MB}`,
		]);

		const runtime = await openRuntime({
			...loadConfig({}),
			dataDir: join(dir, "import"),
			databaseUrl: undefined,
		});
		let sqlitePages: string[];
		let exportMs: number;
		let writeOnlyMs: number;
		try {
			const tenantId = await seedTenant(runtime);
			sqlitePages = await pageTimes(runtime, tenantId);
			const t0 = performance.now();
			const exported = await exportAssets(runtime.db, systemActor(tenantId, "bench"), {}, "xlsx");
			exportMs = performance.now() - t0;
			if (exported.rows !== ASSETS) throw new Error(`export wrote ${exported.rows} rows`);
			const t1 = performance.now();
			await writeXlsx([{ name: "台帳", header: [...LEDGER_HEADERS], rows }]);
			writeOnlyMs = performance.now() - t1;
		} finally {
			await runtime.close();
		}
		const postgres = await postgresSection(file);
		const health = await healthDuringApply(seedTenant, healthCsv(), HEALTH_ROWS);
		const mapped = await import("./assets-mapping.ts");
		const mappedImport = mapped.withMarkers(await mapped.runMappedImportBench());
		const s = (ms: number) => (ms / 1000).toFixed(1);
		return [
			"## Information-asset ledger: import, list, export",
			"",
			`A generated ledger of ${ASSETS.toLocaleString("en")} assets in ${UNITS} units (standard pack, CIA classes), written as XLSX (${mb.toFixed(1)} MB).`,
			"Import and its baselines run in child processes, each with its own peak RSS.",
			"",
			"| step | seconds | MB/s | peak RSS MB |",
			"| --- | ---: | ---: | ---: |",
			`| \`importAssets\` (stream, validate every row, one transaction, SQLite) | ${s(imported.ms)} | ${(mb / (imported.ms / 1000)).toFixed(2)} | ${imported.rssMb.toFixed(0)} |`,
			`| \`importAssets\` again, V8 old space capped at ${HEAP_CAP_MB} MB | ${s(capped.ms)} | ${(mb / (capped.ms / 1000)).toFixed(2)} | ${capped.rssMb.toFixed(0)} |`,
			`| baseline: ExcelJS streaming read only | ${s(read.ms)} | ${(mb / (read.ms / 1000)).toFixed(2)} | ${read.rssMb.toFixed(0)} |`,
			`| baseline: raw multi-row INSERT of ${ASSETS.toLocaleString("en")} rows | ${s(raw.ms)} | — | ${raw.rssMb.toFixed(0)} |`,
			`| \`exportAssets\` to XLSX (SQLite) | ${s(exportMs)} | — | — |`,
			`| baseline: ExcelJS writing the same rows from memory | ${s(writeOnlyMs)} | — | — |`,
			"",
			`Targets: import under 60 s — ${imported.ms < 60_000 ? "met" : "NOT met"}; export under 20 s — ${exportMs < 20_000 ? "met" : "NOT met"}.`,
			"",
			`A page of 50 (\`listAssets\`: the page and its total) from ${ASSETS.toLocaleString("en")} assets, ${SAMPLES} samples after 10 warm-ups, tenant-wide reader:`,
			"",
			"| SQLite: filter / sort | matching | median ms | p95 ms | under 50 ms |",
			"| --- | ---: | ---: | ---: | :---: |",
			...sqlitePages,
			"",
			...postgres,
			"",
			...health,
			"",
			mappedImport,
		].join("\n");
	} finally {
		removeTempDir(dir);
	}
}

if (import.meta.main) {
	const [flag, job, dataDir, file] = process.argv.slice(2);
	if (flag === "--child" && job && dataDir && file) await child(job, dataDir, file);
	else console.log(await runAssetsBench());
}
