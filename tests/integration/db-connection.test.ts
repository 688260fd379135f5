import assert from "node:assert/strict";
import { after, test } from "node:test";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../../src/db/connection.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** The database connection survives what a server does to it behind the application's back. */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

test("PostgreSQL: a pooled connection ended by the server does not end the process; the next query works", {
	skip: runtime.engine !== "postgres" && "runs on PostgreSQL (DATABASE_URL)",
}, async () => {
	const handle = openDatabase({ databaseUrl: runtime.databaseUrl, dataDir: runtime.dataDir });
	const warnings: string[] = [];
	const logError = console.error;
	console.error = (message: string) => warnings.push(message);
	const admin = new pg.Client({ connectionString: runtime.databaseUrl });
	await admin.connect();
	try {
		const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
		const pid = before.rows[0]?.pid;
		assert.ok(pid, "a backend served the query and went back to the pool, idle");
		// What a restart or `pg_terminate_backend` by an operator does to that idle connection.
		await admin.query("select pg_terminate_backend($1)", [pid]);
		await waitFor(() => warnings.length > 0);
		assert.match(warnings[0] ?? "", /database_unavailable.*57P01 terminating connection/);

		const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
		assert.ok(after.rows[0]?.pid);
		assert.notEqual(after.rows[0]?.pid, pid, "a new connection");
	} finally {
		console.error = logError;
		await admin.end();
		await handle.db.destroy();
	}
});

async function waitFor(done: () => boolean, ms = 5000) {
	const until = Date.now() + ms;
	while (!done()) {
		if (Date.now() > until) throw new Error("timed out waiting");
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
