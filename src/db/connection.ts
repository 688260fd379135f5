import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { classifyDatabaseFault } from "./errors.ts";
import { databaseFaults } from "./fault-report.ts";
import { watchChanges } from "./read-cache.ts";
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
		const pool = new pg.Pool({
			connectionString: options.databaseUrl,
			max: 10,
			// A server that does not answer is a 503 after this long, not a request hanging forever.
			connectionTimeoutMillis: 5000,
		});
		watchConnections(pool);
		return {
			db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
			engine: "postgres",
			location: redactUrl(options.databaseUrl),
		};
	}
	mkdirSync(options.dataDir, { recursive: true });
	const path = join(options.dataDir, "mamori.sqlite");
	const dialect = new NodeSqliteDialect({ path });
	const db = new Kysely<Database>({ dialect });
	watchChanges(db, () => dialect.changeStamp());
	return { db, engine: "sqlite", location: path };
}

/**
 * A connection the server ends (a restart, `pg_terminate_backend`, a failover) emits 'error' on
 * its `pg` Client, idle in the pool or checked out by a request; unheard, that event ends the
 * whole process. The pool listens only while a client is idle, so every client gets its own
 * listener for its whole life. The request using it fails with its query; the pool drops the
 * broken client on release and the next query opens a new one.
 */
function watchConnections(pool: pg.Pool): void {
	const onError = (error: Error) => {
		const fault = classifyDatabaseFault(error) ?? {
			kind: "database_unavailable" as const,
			cause: error.message,
			retryAfterSeconds: 5,
		};
		databaseFaults.report(fault, "PostgreSQL connection closed by the server");
	};
	pool.on("connect", (client) => client.on("error", onError));
	// Still needed: pg-pool re-emits an idle client's error on the pool.
	pool.on("error", () => {});
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
