import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadConfig } from "../../src/config.ts";
import type { AppDeps } from "../../src/deps.ts";
import { openRuntime } from "../../src/runtime.ts";
import { makeTempDir, removeTempDir } from "./processes.ts";

/** The PostgreSQL server the module benches create their throw-away databases on. */
export const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** Run `run` on a fresh embedded SQLite runtime in a temporary data directory. */
export async function onSqlite<T>(run: (deps: AppDeps) => Promise<T>): Promise<T> {
	const dir = makeTempDir("mamori-bench-sqlite-");
	try {
		const runtime = await openRuntime({ ...loadConfig({}), dataDir: dir, databaseUrl: undefined });
		try {
			return await run(runtime);
		} finally {
			await runtime.close();
		}
	} finally {
		removeTempDir(dir);
	}
}

/**
 * Run `run` on a fresh PostgreSQL database, dropped afterwards; a sentence saying why it was
 * skipped when the server cannot be reached.
 */
export async function onPostgres<T>(run: (deps: AppDeps) => Promise<T>): Promise<T | string> {
	const name = `mamori_bench_${randomBytes(4).toString("hex")}`;
	const admin = new pg.Client({ connectionString: PG_URL });
	try {
		await admin.connect();
	} catch (error) {
		return `PostgreSQL at ${new URL(PG_URL).host} not reachable (${(error as Error).message}): skipped.`;
	}
	await admin.query(`CREATE DATABASE ${name}`);
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	const dir = makeTempDir("mamori-bench-pg-");
	try {
		const runtime = await openRuntime({
			...loadConfig({}),
			dataDir: dir,
			databaseUrl: url.toString(),
		});
		try {
			return await run(runtime);
		} finally {
			await runtime.close();
		}
	} finally {
		removeTempDir(dir);
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
}
