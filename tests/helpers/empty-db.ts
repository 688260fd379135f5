import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface EmptyDatabase {
	/** A temp directory for MAMORI_DATA_DIR (the SQLite file lives here when no URL is set). */
	dataDir: string;
	/** A new, empty PostgreSQL database when `DATABASE_URL` is set; otherwise undefined (SQLite). */
	databaseUrl: string | undefined;
	cleanup(): Promise<void>;
}

/**
 * A place for a database that nothing has opened or migrated yet, for tests of processes that
 * open it themselves (the CLI). Same engine choice as `createTestRuntime`.
 *
 * @example
 * const empty = await createEmptyDatabase(); runCli(["db", "migrate"], empty);
 */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
	const dataDir = mkdtempSync(join(tmpdir(), "mamori-cli-"));
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		return {
			dataDir,
			databaseUrl: undefined,
			async cleanup() {
				rmSync(dataDir, { recursive: true, force: true });
			},
		};
	}
	const name = `mamori_t_${randomBytes(6).toString("hex")}`;
	await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		dataDir,
		databaseUrl: url.toString(),
		async cleanup() {
			await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}
