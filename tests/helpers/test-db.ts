import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { AppDeps } from "../../src/deps.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";

export interface TestRuntime extends AppDeps {
	/** Drop the database (PostgreSQL) or delete the files (SQLite). */
	cleanup(): Promise<void>;
	dataDir: string;
	databaseUrl: string | undefined;
}

/**
 * A fresh, migrated database for one test file: SQLite in a temp directory by default, or a new
 * PostgreSQL database on the server of `DATABASE_URL` when that is set. Never shared rows.
 */
export async function createTestRuntime(
	/** `sqlite` forces SQLite even when `DATABASE_URL` is set (a SQLite → PostgreSQL restore). */
	options: { engine?: "sqlite" } = {},
): Promise<TestRuntime> {
	const dataDir = mkdtempSync(join(tmpdir(), "mamori-test-"));
	const serverUrl = options.engine === "sqlite" ? undefined : process.env.DATABASE_URL;
	let databaseUrl: string | undefined;
	let dropDatabase = async () => {};
	if (serverUrl) {
		const name = `mamori_t_${randomBytes(6).toString("hex")}`;
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		await admin.end();
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		dropDatabase = async () => {
			const client = new pg.Client({ connectionString: serverUrl });
			await client.connect();
			try {
				await awaitNoConnections(client, name);
				await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			} finally {
				await client.end();
			}
		};
	}
	// Webhooks may go to the loopback receivers of the tests, and nowhere else.
	const config = {
		...loadConfig({ MAMORI_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" }),
		dataDir,
		databaseUrl,
	};
	const handle = openDatabase({ databaseUrl, dataDir });
	await migrateToLatest(handle);
	return {
		db: handle.db,
		engine: handle.engine,
		config,
		secrets: new SecretBox(randomBytes(32)),
		dataDir,
		databaseUrl,
		async cleanup() {
			await handle.db.destroy();
			await dropDatabase();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/**
 * The pool's `end()` resolves before its sockets have closed. Dropping the database WITH (FORCE)
 * then terminates backends still saying goodbye, and the pg client throws that as an uncaught
 * error into whichever test runs next. So wait (a few seconds at most) until the server has let
 * every connection to the database go.
 */
async function awaitNoConnections(client: pg.Client, database: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const { rows } = await client.query<{ n: number }>(
			"SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
			[database],
		);
		if (rows[0]?.n === 0) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
