/**
 * Backup and restore (issue #23): an instance with 100,000 assets and 10,000 audit events, on
 * SQLite and on PostgreSQL. `mamori backup --to DIR` runs as its own process while `mamori serve`
 * answers GET /api/health in a loop (its p99 is the target: under 100 ms); then `mamori restore
 * --from DIR` into an empty place. Seconds are wall time of the CLI (Node's start included); MB/s
 * is the backup's size over that time.
 *
 * Run alone: `node bench/backup.ts`
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { systemActor } from "../src/bootstrap.ts";
import { openDatabase } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { AssetTable } from "../src/db/schema.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { hashEvent } from "../src/modules/audit-log/audit-log.chain.ts";
import { createOrgUnit } from "../src/modules/org/create-org-unit.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { httpGet, startServer } from "./lib/http.ts";
import {
	MAMORI_BIN,
	makeTempDir,
	removeTempDir,
	runToEnd,
	spawnNode,
	stop,
} from "./lib/processes.ts";

const ASSETS = 100_000;
const EVENTS = 10_000;
const TARGET_P99_MS = 100;
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PASSPHRASE = "bench passphrase, not a secret";

interface Place {
	dataDir: string;
	databaseUrl: string | undefined;
	drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: PG_URL });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

async function newPlace(engine: "sqlite" | "postgres"): Promise<Place> {
	const dataDir = makeTempDir("mamori-bench-backup-");
	if (engine === "sqlite")
		return { dataDir, databaseUrl: undefined, drop: async () => removeTempDir(dataDir) };
	const name = `mamori_bench_${randomBytes(5).toString("hex")}`;
	await admin(`CREATE DATABASE ${name}`);
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	return {
		dataDir,
		databaseUrl: url.toString(),
		async drop() {
			await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			removeTempDir(dataDir);
		},
	};
}

/** A tenant with 100,000 assets (multi-row INSERTs) and a chain of 10,000 audit events. */
async function seed(place: Place): Promise<void> {
	const handle = openDatabase(place);
	const db = handle.db;
	try {
		await migrateToLatest(handle);
		const tenant = await inTransaction(db, (tx) =>
			createTenant(
				tx,
				{ label: "bench", ip: null },
				{ slug: "bench-backup", name: "ベンチ市", pack: "standard" },
			),
		);
		const unit = await inTransaction(db, (tx) =>
			createOrgUnit(tx, systemActor(tenant.id, "bench"), {
				code: "ou-1",
				name: "情報政策課",
				kind: "section",
				parentId: null,
			}),
		);
		const now = new Date().toISOString();
		await inTransaction(db, async (tx) => {
			for (let start = 0; start < ASSETS; start += 500) {
				const rows: AssetTable[] = [];
				for (let i = start; i < Math.min(ASSETS, start + 500); i++) {
					rows.push({
						id: randomUUID(),
						tenant_id: tenant.id,
						code: `BK-${i}`,
						name: `住民記録システム端末 ${i}`,
						search_text: `bk-${i}\n住民記録システム端末 ${i}`,
						kind: "systems",
						owner_unit_id: unit.id,
						manager_name: `管理者 ${i % 97}`,
						location: "本庁舎",
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
		await inTransaction(db, async (tx) => {
			const head = await tx
				.selectFrom("audit_heads")
				.select(["seq", "hash"])
				.where("tenant_id", "=", tenant.id)
				.executeTakeFirstOrThrow();
			let prev = head.hash;
			let seq = Number(head.seq);
			const start = Date.parse("2025-04-01T00:00:00.000Z");
			while (seq < EVENTS) {
				const rows = [];
				for (let n = 0; n < 500 && seq < EVENTS; n++) {
					seq++;
					const event = {
						tenant_id: tenant.id,
						seq,
						id: randomUUID(),
						type: "asset.updated",
						occurred_at: new Date(start + seq * 1000).toISOString(),
						actor_id: "bench",
						actor_label: "職員 1",
						ip: "10.0.0.10",
						record_type: "asset",
						record_id: randomUUID(),
						data: JSON.stringify({ changed: ["location"], location: `本庁舎 ${seq}` }),
						prev_hash: prev,
					};
					prev = hashEvent(event);
					rows.push({ ...event, hash: prev });
				}
				await tx.insertInto("audit_events").values(rows).execute();
			}
			await tx
				.updateTable("audit_heads")
				.set({ seq, hash: prev })
				.where("tenant_id", "=", tenant.id)
				.execute();
		});
	} finally {
		await db.destroy();
	}
}

/** The database's size on disk: the SQLite file, or `pg_database_size`. */
async function databaseBytes(place: Place): Promise<number> {
	if (!place.databaseUrl) return statSync(join(place.dataDir, "mamori.sqlite")).size;
	const client = new pg.Client({ connectionString: place.databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ n: string }>(
			"SELECT pg_database_size(current_database()) AS n",
		);
		return Number(rows[0]?.n ?? 0);
	} finally {
		await client.end();
	}
}

function p99(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
}

function env(place: Place): NodeJS.ProcessEnv {
	return {
		MAMORI_DATA_DIR: place.dataDir,
		DATABASE_URL: place.databaseUrl ?? "",
		MAMORI_BACKUP_PASSPHRASE: PASSPHRASE,
		MAMORI_JOBS_POLL_MS: "0",
	};
}

async function timedCli(args: string[], place: Place): Promise<number> {
	const started = performance.now();
	const result = await runToEnd(spawnNode([MAMORI_BIN, ...args], env(place)));
	if (result.code !== 0)
		throw new Error(`mamori ${args.join(" ")} failed: ${result.stderr}${result.stdout}`);
	return (performance.now() - started) / 1000;
}

interface EngineFigures {
	engine: string;
	databaseMb: number;
	backupMb: number;
	backupSeconds: number;
	restoreSeconds: number;
	healthP99Ms: number;
	healthMaxMs: number;
	healthRequests: number;
	idleP99Ms: number;
}

async function measureEngine(engine: "sqlite" | "postgres"): Promise<EngineFigures> {
	const source = await newPlace(engine);
	const target = await newPlace(engine);
	const work = makeTempDir("mamori-bench-backups-");
	try {
		await seed(source);
		const server = await startServer([MAMORI_BIN, "serve"], env(source), "/api/health");
		const health = async (until: () => boolean) => {
			const times: number[] = [];
			while (!until()) {
				const t0 = performance.now();
				await httpGet(`${server.origin}/api/health`);
				times.push(performance.now() - t0);
			}
			return times;
		};
		let idleDone = false;
		const idleTimer = setTimeout(() => {
			idleDone = true;
		}, 2000);
		const idle = await health(() => idleDone);
		clearTimeout(idleTimer);
		let done = false;
		const backup = timedCli(["backup", "--to", join(work, "backup")], source).finally(() => {
			done = true;
		});
		const during = await health(() => done);
		const backupSeconds = await backup;
		await stop(server.child);
		const restoreSeconds = await timedCli(["restore", "--from", join(work, "backup")], target);
		const summary = JSON.parse(readFileSync(join(work, "backup", "manifest.json"), "utf8"))
			.summary as {
			parts: { size: number }[];
		};
		const backupBytes = summary.parts.reduce((sum, p) => sum + p.size, 0);
		const databaseMb = (await databaseBytes(source)) / 1e6;
		return {
			engine,
			databaseMb,
			backupMb: backupBytes / 1e6,
			backupSeconds,
			restoreSeconds,
			healthP99Ms: p99(during),
			healthMaxMs: Math.max(...during),
			healthRequests: during.length,
			idleP99Ms: p99(idle),
		};
	} finally {
		removeTempDir(work);
		await source.drop();
		await target.drop();
	}
}

export async function runBackupBench(): Promise<string> {
	const rows: EngineFigures[] = [];
	for (const engine of ["sqlite", "postgres"] as const) {
		console.log(
			`  ${engine}: seeding ${ASSETS.toLocaleString("en")} assets and ${EVENTS.toLocaleString("en")} audit events…`,
		);
		rows.push(await measureEngine(engine));
	}
	const f = (n: number, d = 1) => n.toFixed(d);
	return [
		"## Backup and restore",
		"",
		`One tenant with ${ASSETS.toLocaleString("en")} assets and ${EVENTS.toLocaleString("en")} audit events. Backup: \`mamori backup --to DIR\` (its own process; online backup of node:sqlite, or pg_dump --format=custom in an exported snapshot; AES-256-GCM under a scrypt key) while \`mamori serve\` answers GET /api/health one request after another; restore: \`mamori restore --from DIR\` into an empty data directory or database, with every hash, chunk, audit chain and table count checked. Seconds are wall time of the CLI, Node's start included; MB/s is the database's size on disk (the SQLite file; \`pg_database_size\`) over that time. The backup is smaller on PostgreSQL: pg_dump's custom format is compressed and holds no indexes. Target: p99 of /api/health under ${TARGET_P99_MS} ms during the backup.`,
		"",
		"| Engine | Database | Backup size | Backup | Backup MB/s | Restore | Restore MB/s | /api/health p99 during backup (max, requests) | p99 idle |",
		"|---|---:|---:|---:|---:|---:|---:|---:|---:|",
		...rows.map(
			(r) =>
				`| ${r.engine} | ${f(r.databaseMb)} MB | ${f(r.backupMb)} MB | ${f(r.backupSeconds, 2)} s | ${f(r.databaseMb / r.backupSeconds)} | ${f(r.restoreSeconds, 2)} s | ${f(r.databaseMb / r.restoreSeconds)} | ${f(r.healthP99Ms)} ms (${f(r.healthMaxMs)} ms, ${r.healthRequests}) ${r.healthP99Ms < TARGET_P99_MS ? "✓" : "✗"} | ${f(r.idleP99Ms)} ms |`,
		),
	].join("\n");
}

if (import.meta.main) console.log(await runBackupBench());
