import { createHash, randomBytes } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import pg from "pg";
import { systemActor } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import { ASSET_IMPORT_LIMITS, importAssets } from "../src/modules/assets/import-assets.ts";
import { LEDGER_HEADERS } from "../src/modules/assets/ledger-format.ts";
import type { ColumnMapping } from "../src/platform/imports/mapping.schemas.ts";
import { openRuntime } from "../src/runtime.ts";
import { prepareTable, writeXlsx } from "../src/shared/tabular.ts";
import { ASSETS, ledgerRow, seedTenant } from "./assets.ts";
import { PG_URL } from "./lib/engines.ts";
import { makeTempDir, removeTempDir, spawnNode } from "./lib/processes.ts";
import { machineLine, median } from "./lib/stats.ts";

/**
 * The ledger's import of a city's own layout through a column mapping, against the same rows in
 * Mamori's own layout, measured in the same run on SQLite and PostgreSQL. The city's file has a
 * title row, a two-row header whose 格付 is merged over 機密性・完全性・可用性 (other headers merged
 * down both rows), its own words for closed lists (電子 / 紙, 極秘 / 高 / 低), codes and unit codes
 * in full-width characters, a column Mamori does not know (通し番号) and a total row at the bottom. The
 * ledger has no date field, so no 和暦 cell. Both files are written by the same streaming XLSX
 * writer. Each import is `importAssets` (the use case the import worker runs), apply mode, in a
 * child process on a fresh database; rounds alternate own / mapped, then mapped / own. Target:
 * the mapped import takes at most 1.2 × the own layout's.
 */

const ROUNDS = 3;
const TARGET_RATIO = 1.2;
const CONFIDENTIALITY: Record<string, string> = {
	C3A: "極秘",
	C3B: "秘",
	C3C: "取扱注意",
	C2: "部外秘",
	C1: "公開",
};
const TWO_LEVELS: Record<string, string> = { I2: "高", I1: "低", A2: "高", A1: "低" };
const MEDIUM: Record<string, string> = {
	"システム・機器・媒体": "機器",
	情報: "電子",
	システム関連文書: "紙",
};

/** The city's header: row 2 (格付 over three columns), row 3 (its parts). */
const UPPER = [
	"管理番号",
	"情報資産の名称",
	"媒体",
	"所管課",
	"管理者",
	"保管場所",
	"ネットワーク",
	"格付",
	"",
	"",
	"個人情報",
	"保存期間",
	"状態",
	"関連システム",
	"備考",
	"通し番号",
];
const LOWER = UPPER.map((_, i) => ["機密性", "完全性", "可用性"][i - 7] ?? "");

/** The mapping a user confirms for this layout (what `POST /api/imports/mappings/propose` offers). */
export const CITY_MAPPING: ColumnMapping = {
	version: 1,
	kind: "assets.ledger",
	source: "ベンチ市台帳",
	headerRows: [2, 3],
	columns: {
		管理番号: "code",
		情報資産の名称: "name",
		媒体: "kind",
		所管課: "unit",
		管理者: "managerName",
		保管場所: "location",
		ネットワーク: "zone",
		"格付/機密性": "classification:1",
		"格付/完全性": "classification:2",
		"格付/可用性": "classification:3",
		個人情報: "personalData",
		保存期間: "retention",
		状態: "lifecycle",
		関連システム: "relatedSystem",
		備考: "notes",
		通し番号: null,
	},
	values: {
		媒体: { 電子: "information", 紙: "documents", 機器: "systems" },
		"格付/機密性": { 極秘: "C3A", 秘: "C3B", 取扱注意: "C3C", 部外秘: "C2", 公開: "C1" },
		"格付/完全性": { 高: "I2", 低: "I1" },
		"格付/可用性": { 高: "A2", 低: "A1" },
	},
};

const fullWidth = (text: string) =>
	text.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Row `i` of the generated ledger as the city writes it (the same asset as `ledgerRow(i)`). */
function cityRow(i: number): (string | number)[] {
	const own = ledgerRow(i);
	const at = (header: string) => own[LEDGER_HEADERS.indexOf(header)] ?? "";
	const [c = "", integrity = "", availability = ""] = at("格付け").split("/");
	return [
		fullWidth(at("資産番号")),
		at("資産名"),
		MEDIUM[at("種別")] ?? at("種別"),
		fullWidth(at("所管課")),
		at("情報セキュリティ管理者"),
		at("保管場所"),
		at("ネットワーク区分"),
		CONFIDENTIALITY[c] ?? c,
		TWO_LEVELS[integrity] ?? integrity,
		TWO_LEVELS[availability] ?? availability,
		at("個人情報"),
		at("保存期間"),
		at("状態"),
		at("関連システム"),
		at("備考"),
		i + 1,
	];
}

/** The city's ledger of `ASSETS` rows, with the writer settings of `writeXlsx`. */
async function cityLedger(): Promise<Buffer> {
	const { default: ExcelJS } = await import("exceljs");
	const sink = new PassThrough();
	const chunks: Buffer[] = [];
	sink.on("data", (chunk: Buffer) => chunks.push(chunk));
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: sink,
		useStyles: true,
		useSharedStrings: false,
	});
	const sheet = workbook.addWorksheet("台帳");
	sheet.addRow(["令和8年度 情報資産管理台帳（ベンチ市）"]);
	sheet.addRow(UPPER);
	const header = sheet.addRow(LOWER);
	// Merged before the rows are committed (the streaming writer cannot merge them after).
	sheet.mergeCells("A1:P1");
	sheet.mergeCells("H2:J2");
	for (const column of "ABCDEFGKLMNOP") sheet.mergeCells(`${column}2:${column}3`);
	header.commit();
	for (let i = 0; i < ASSETS; i++) sheet.addRow(cityRow(i)).commit();
	sheet
		.addRow(["合計", "", "", "", "", "", "", "", "", "", "", "", "", "", "", `${ASSETS}件`])
		.commit();
	sheet.commit();
	await workbook.commit();
	return Buffer.concat(chunks);
}

interface Run {
	ms: number;
	/** CPU time of the child (user + system) during the import: less swayed by a loaded machine. */
	cpuMs: number;
	rssMb: number;
	/** SHA-256 of every imported asset's fields, in code order: both layouts give the same ledger. */
	digest: string;
}

/** Child process: the import's streaming reader alone over a file (no checks, no writes). */
async function readOnly(file: string) {
	const t0 = performance.now();
	const cpu0 = process.cpuUsage();
	const table = await prepareTable(readFileSync(file), ASSET_IMPORT_LIMITS);
	let rows = 0;
	for await (const row of table.rows) rows += row.number > 0 ? 1 : 0;
	const cpu = process.cpuUsage(cpu0);
	const result: Run = {
		ms: performance.now() - t0,
		cpuMs: (cpu.user + cpu.system) / 1000,
		rssMb: process.resourceUsage().maxRSS / 1024,
		digest: String(rows),
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Child process: one import into a fresh database, then the digest of what it wrote. */
async function child(layout: string, dataDir: string, databaseUrl: string, file: string) {
	if (layout === "read") return readOnly(file);
	const runtime = await openRuntime({
		...loadConfig({}),
		dataDir,
		databaseUrl: databaseUrl === "" ? undefined : databaseUrl,
	});
	try {
		const tenantId = await seedTenant(runtime);
		const bytes = readFileSync(file);
		const t0 = performance.now();
		const cpu0 = process.cpuUsage();
		const report = await importAssets(runtime.db, systemActor(tenantId, "bench"), bytes, {
			mode: "apply",
			skipInvalid: false,
			mapping: layout === "mapped" ? CITY_MAPPING : null,
		});
		const ms = performance.now() - t0;
		const cpu = process.cpuUsage(cpu0);
		const totals = layout === "mapped" ? 1 : 0;
		if (
			report.errorCount > 0 ||
			report.created !== ASSETS ||
			report.skippedTotal.length !== totals
		) {
			throw new Error(`${layout} import failed: ${JSON.stringify(report).slice(0, 500)}`);
		}
		const rows = await runtime.db
			.selectFrom("assets")
			.innerJoin("org_units", "org_units.id", "assets.owner_unit_id")
			.select([
				"assets.code",
				"assets.name",
				"assets.kind",
				"org_units.code as unit",
				"assets.manager_name",
				"assets.location",
				"assets.zone",
				"assets.class_key",
				"assets.personal_data",
				"assets.retention",
				"assets.lifecycle",
				"assets.related_system",
				"assets.notes",
			])
			.where("assets.tenant_id", "=", tenantId)
			.orderBy("assets.code")
			.execute();
		const hash = createHash("sha256");
		for (const row of rows) hash.update(`${JSON.stringify(Object.values(row))}\n`);
		const result: Run = {
			ms,
			cpuMs: (cpu.user + cpu.system) / 1000,
			rssMb: process.resourceUsage().maxRSS / 1024,
			digest: hash.digest("hex"),
		};
		process.stdout.write(`${JSON.stringify(result)}\n`);
	} finally {
		await runtime.close();
	}
}

function runChild(layout: string, dataDir: string, databaseUrl: string, file: string) {
	return new Promise<Run>((resolve, reject) => {
		const proc = spawnNode(
			[import.meta.filename, "--child", layout, dataDir, databaseUrl || "-", file],
			{ DATABASE_URL: "" },
		);
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
				reject(new Error(`${layout} child failed (${code}): ${err}${out}`));
			else resolve(JSON.parse(line) as Run);
		});
	});
}

/** A fresh database for one import: a data directory, and on PostgreSQL a database of its own. */
async function onFreshDatabase(
	engine: "sqlite" | "postgres",
	run: (dataDir: string, databaseUrl: string) => Promise<Run>,
): Promise<Run> {
	const dir = makeTempDir("mamori-bench-mapped-");
	try {
		if (engine === "sqlite") return await run(dir, "");
		const name = `mamori_bench_${randomBytes(4).toString("hex")}`;
		const admin = new pg.Client({ connectionString: PG_URL });
		await admin.connect();
		try {
			await admin.query(`CREATE DATABASE ${name}`);
			const url = new URL(PG_URL);
			url.pathname = `/${name}`;
			return await run(dir, url.toString());
		} finally {
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	} finally {
		removeTempDir(dir);
	}
}

async function postgresReachable(): Promise<string | null> {
	const admin = new pg.Client({ connectionString: PG_URL });
	try {
		await admin.connect();
		await admin.end();
		return null;
	} catch (error) {
		return `PostgreSQL at ${new URL(PG_URL).host} not reachable (${(error as Error).message}): skipped.`;
	}
}

/**
 * The mapped-import figure: a part of the assets section of BENCHMARKS.md, between markers of
 * its own so that `npm run bench -- --only=assets-mapping` rewrites it alone.
 */
export function withMarkers(markdown: string): string {
	return [
		"<!-- bench:assets-mapping:start — written by `npm run bench -- --only=assets-mapping` -->",
		markdown,
		"<!-- bench:assets-mapping:end -->",
	].join("\n");
}

/** Both ledgers of `ASSETS` rows, written into `dir`: own.xlsx and city.xlsx. */
async function writeFiles(dir: string): Promise<{ ownFile: string; cityFile: string }> {
	const ownFile = join(dir, "own.xlsx");
	const cityFile = join(dir, "city.xlsx");
	const rows = Array.from({ length: ASSETS }, (_, i) => ledgerRow(i));
	writeFileSync(
		ownFile,
		await writeXlsx([{ name: "情報資産管理台帳", header: [...LEDGER_HEADERS], rows }]),
	);
	writeFileSync(cityFile, await cityLedger());
	return { ownFile, cityFile };
}

/** The markdown of the mapped-import figure, without its markers. */
export async function runMappedImportBench(): Promise<string> {
	const dir = makeTempDir("mamori-bench-assets-mapped-");
	try {
		const { ownFile, cityFile } = await writeFiles(dir);
		const mb = (file: string) => (statSync(file).size / 1024 ** 2).toFixed(1);
		const skipped = await postgresReachable();
		const engines: ("sqlite" | "postgres")[] = skipped ? ["sqlite"] : ["sqlite", "postgres"];
		const lines: string[] = [];
		const readOwn = await runChild("read", dir, "", ownFile);
		const readCity = await runChild("read", dir, "", cityFile);
		for (const engine of engines) {
			const own: Run[] = [];
			const mapped: Run[] = [];
			const loadBefore = loadavg()[0] ?? 0;
			for (let round = 0; round < ROUNDS; round++) {
				const order = round % 2 === 0 ? ["own", "mapped"] : ["mapped", "own"];
				for (const layout of order) {
					const file = layout === "own" ? ownFile : cityFile;
					const run = await onFreshDatabase(engine, (dataDir, url) =>
						runChild(layout, dataDir, url, file),
					);
					(layout === "own" ? own : mapped).push(run);
				}
			}
			const loadAfter = loadavg()[0] ?? 0;
			const digests = new Set([...own, ...mapped].map((run) => run.digest));
			if (digests.size !== 1) throw new Error(`${engine}: the two layouts wrote different ledgers`);
			const ownMs = median(own.map((run) => run.ms));
			const mappedMs = median(mapped.map((run) => run.ms));
			const ratio = mappedMs / ownMs;
			const cpuRatio = median(mapped.map((run) => run.cpuMs)) / median(own.map((run) => run.cpuMs));
			const label = engine === "sqlite" ? "SQLite" : "PostgreSQL";
			const s = (runs: Run[]) => runs.map((run) => (run.ms / 1000).toFixed(1)).join(", ");
			const rss = (runs: Run[]) => Math.max(...runs.map((run) => run.rssMb)).toFixed(0);
			lines.push(
				`| ${label} | ${(ownMs / 1000).toFixed(1)} (${s(own)}) | ${rss(own)} | ${(mappedMs / 1000).toFixed(1)} (${s(mapped)}) | ${rss(mapped)} | ${ratio.toFixed(2)} × | ${ratio <= TARGET_RATIO ? "met" : "**NOT met**"} | ${cpuRatio.toFixed(2)} × | ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} |`,
			);
		}
		return [
			"### A city's own layout through a column mapping",
			"",
			`The same ${ASSETS.toLocaleString("en")} assets as a city writes them (title row, a two-row header with 格付 merged over 機密性・完全性・可用性, its own words 電子 / 紙 / 極秘 / 高 / 低, codes and unit codes in full-width characters, an unknown 通し番号 column, a 合計 row; ${mb(cityFile)} MB) imported through a column mapping, against Mamori's own layout (${mb(ownFile)} MB). Both XLSX, written by the same streaming writer. Each import is \`importAssets\` in apply mode (the use case the import worker runs) in a child process on a fresh database; ${ROUNDS} rounds per layout, alternating which goes first; the two layouts are checked to write the same ledger. Seconds: median (each run), wall clock; the CPU time is the child's own (user + system) during the import, which a loaded machine sways less (PostgreSQL's server process not counted). The ledger has no date field, so no 和暦 cell.`,
			"",
			"| engine | own layout s | peak RSS MB | mapped s | peak RSS MB | mapped / own | ≤ 1.2 × | CPU time mapped / own | load average (1 min), before → after |",
			"| --- | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: |",
			...lines,
			"",
			`The import's streaming reader alone over each file (no checks, no writes; once each, before the imports): own layout ${(readOwn.ms / 1000).toFixed(1)} s (CPU ${(readOwn.cpuMs / 1000).toFixed(1)} s), the city's ${(readCity.ms / 1000).toFixed(1)} s (CPU ${(readCity.cpuMs / 1000).toFixed(1)} s).`,
			"",
			`Measured ${machineLine()}; the machine is shared with other work, so its load average is given beside each engine's runs (both layouts run in the same stretch, alternating).${skipped ? ` ${skipped}` : ""}`,
		].join("\n");
	} finally {
		removeTempDir(dir);
	}
}

// `node bench/assets-mapping.ts --files DIR` writes both ledgers to profile one import by hand:
// `node --cpu-prof bench/assets-mapping.ts --child mapped DATA_DIR - DIR/city.xlsx`.
if (import.meta.main) {
	const [flag, layout, dataDir, databaseUrl, file] = process.argv.slice(2);
	if (flag === "--child" && layout && dataDir && databaseUrl && file) {
		await child(layout, dataDir, databaseUrl === "-" ? "" : databaseUrl, file);
	} else if (flag === "--files" && layout) console.log(await writeFiles(layout));
	else console.log(await runMappedImportBench());
}
