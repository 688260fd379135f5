import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";
import { NodeSqliteDialect } from "./sqlite-driver.ts";

export type Db = Kysely<Database>;
export type Engine = "sqlite" | "postgres";

export interface DbHandle {
	db: Db;
	engine: Engine;
	/** Where the data lives, for messages: a file path or a redacted URL. */
	location: string;
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
pg.types.setTypeParser(TIMESTAMPTZ_OID, (value) => new Date(value).toISOString());
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

/**
 * Open the database chosen by the environment: PostgreSQL when `databaseUrl` is set,
 * otherwise SQLite at `<dataDir>/mamori.sqlite`.
 */
export function openDatabase(options: {
	databaseUrl?: string | undefined;
	dataDir: string;
}): DbHandle {
	if (options.databaseUrl) {
		const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
		// An idle pooled connection that the server ends (a restart, a terminated backend, a
		// failover) is an 'error' on the pool; unheard, it would end the whole process. The pool
		// has already dropped that connection, and the next query opens a new one.
		pool.on("error", (error) => {
			console.warn(`PostgreSQL: an idle connection was closed by the server: ${error.message}`);
		});
		return {
			db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
			engine: "postgres",
			location: redactUrl(options.databaseUrl),
		};
	}
	mkdirSync(options.dataDir, { recursive: true });
	const path = join(options.dataDir, "mamori.sqlite");
	return {
		db: new Kysely<Database>({ dialect: new NodeSqliteDialect({ path }) }),
		engine: "sqlite",
		location: path,
	};
}

function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = "***";
		return parsed.toString();
	} catch {
		return "(unparseable DATABASE_URL)";
	}
}
