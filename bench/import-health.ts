import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { systemActor } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import { ledgerImport } from "../src/modules/assets/ledger.import.ts";
import { requestImport } from "../src/platform/imports/request-import.ts";
import { openRuntime } from "../src/runtime.ts";
import { httpGet, startServer } from "./lib/http.ts";
import { MAMORI_BIN, makeTempDir, removeTempDir } from "./lib/processes.ts";

/**
 * `/api/health` of a running `mamori serve` while it applies a 200,000-row ledger as a job (in
 * its import worker thread), beside the same figure with no import running. Target: p99 under
 * 100 ms during the apply, on SQLite and PostgreSQL.
 */

const IDLE_SAMPLES = 500;
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;
}

async function healthSample(origin: string): Promise<{ at: number; ms: number; status: number }> {
	const t0 = performance.now();
	const { status } = await httpGet(`${origin}/api/health`);
	return { at: Date.now(), ms: performance.now() - t0, status };
}

interface Figures {
	idle: number[];
	during: number[];
	applyMs: number;
	non200: number;
}

async function measure(
	deps: AppDeps,
	tenantId: string,
	env: NodeJS.ProcessEnv,
	csv: Uint8Array,
	rows: number,
): Promise<Figures> {
	const server = await startServer([MAMORI_BIN, "serve"], env, "/api/health");
	try {
		const idle: number[] = [];
		for (let i = 0; i < IDLE_SAMPLES + 20; i++) {
			const sample = await healthSample(server.origin);
			if (i >= 20) idle.push(sample.ms);
		}
		const id = await inTransaction(deps.db, (tx) =>
			requestImport(tx, {
				kind: ledgerImport,
				actor: systemActor(tenantId, "bench"),
				fileName: "ledger.csv",
				bytes: csv,
				options: { skipInvalid: false },
			}),
		);
		const samples: { at: number; ms: number; status: number }[] = [];
		let row: { status: string; started_at: string | null; finished_at: string | null } | undefined;
		for (let i = 0; ; i++) {
			samples.push(await healthSample(server.origin));
			await new Promise((resolve) => setTimeout(resolve, 5));
			if (i % 20 !== 0) continue;
			row = await deps.db
				.selectFrom("imports")
				.select(["status", "started_at", "finished_at", "result"])
				.where("id", "=", id)
				.executeTakeFirstOrThrow();
			if (row.status !== "queued" && row.status !== "running") break;
		}
		if (row?.status !== "done" || !row.started_at || !row.finished_at)
			throw new Error(`the bench import ended ${row?.status}`);
		const created = await deps.db
			.selectFrom("assets")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.where("tenant_id", "=", tenantId)
			.executeTakeFirstOrThrow();
		if (Number(created.n) !== rows) throw new Error(`the bench import created ${created.n}`);
		const from = Date.parse(row.started_at);
		const to = Date.parse(row.finished_at);
		const during = samples.filter((s) => s.at >= from && s.at <= to);
		return {
			idle,
			during: during.map((s) => s.ms),
			applyMs: to - from,
			non200: during.filter((s) => s.status !== 200).length,
		};
	} finally {
		server.child.kill("SIGTERM");
		await new Promise((resolve) => server.child.once("exit", resolve));
	}
}

async function onEngine(
	engine: "sqlite" | "postgres",
	seed: (deps: AppDeps) => Promise<string>,
	csv: Uint8Array,
	rows: number,
): Promise<string> {
	const dataDir = makeTempDir(`mamori-bench-health-${engine}-`);
	let databaseUrl: string | undefined;
	let admin: pg.Client | null = null;
	let name = "";
	if (engine === "postgres") {
		name = `mamori_bench_${randomBytes(4).toString("hex")}`;
		admin = new pg.Client({ connectionString: PG_URL });
		try {
			await admin.connect();
		} catch (error) {
			return `| PostgreSQL | not reachable (${(error as Error).message}) | | | | |`;
		}
		await admin.query(`CREATE DATABASE ${name}`);
		const url = new URL(PG_URL);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
	}
	try {
		const runtime = await openRuntime({ ...loadConfig({}), dataDir, databaseUrl });
		try {
			const tenantId = await seed(runtime);
			const env = {
				MAMORI_DATA_DIR: dataDir,
				DATABASE_URL: databaseUrl ?? "",
				MAMORI_JOBS_POLL_MS: "200",
			};
			const f = await measure(runtime, tenantId, env, csv, rows);
			const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
			const met = percentile(f.during, 0.99) < 100 ? "met" : "**NOT met**";
			return `| ${engine === "sqlite" ? "SQLite" : "PostgreSQL"} | ${ms(f.idle, 0.5)} / ${ms(f.idle, 0.99)} | ${ms(f.during, 0.5)} / ${ms(f.during, 0.99)} | ${f.during.length}${f.non200 > 0 ? ` (${f.non200} not 200)` : ""} | ${(f.applyMs / 1000).toFixed(1)} | ${met} |`;
		} finally {
			await runtime.close();
		}
	} finally {
		if (admin) {
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
		removeTempDir(dataDir);
	}
}

/** The section's lines: one table row per engine. */
export async function healthDuringApply(
	seed: (deps: AppDeps) => Promise<string>,
	csv: Uint8Array,
	rows: number,
): Promise<string[]> {
	return [
		`\`/api/health\` of \`mamori serve\` (sequential GETs) with no import running, then while it applies a ${rows.toLocaleString("en")}-row CSV ledger as a job (worker thread; samples between the job's start and end):`,
		"",
		"| engine | idle p50 / p99 ms | during the apply p50 / p99 ms | samples during | apply s | p99 under 100 ms |",
		"| --- | ---: | ---: | ---: | ---: | :---: |",
		await onEngine("sqlite", seed, csv, rows),
		await onEngine("postgres", seed, csv, rows),
	];
}
