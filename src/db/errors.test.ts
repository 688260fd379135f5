import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyDatabaseFault } from "./errors.ts";
import { createFaultReporter, databaseFaultProblem } from "./fault-report.ts";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const sqliteError = (errcode: number, errstr: string) =>
	Object.assign(new Error(errstr), { code: "ERR_SQLITE_ERROR", errcode, errstr });

test("PostgreSQL errors: a lost server is unavailable, a full disk is storage_full", () => {
	const kinds = [
		pgError("57P01", "terminating connection due to administrator command"),
		pgError("57P03", "the database system is starting up"),
		pgError("53300", "too many connections for database"),
		pgError("08006", "connection failure"),
		pgError("55000", 'database "x" is not currently accepting connections'),
		pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"),
		new Error("Connection terminated unexpectedly"),
		new Error("Client has encountered a connection error and is not queryable"),
		new Error("timeout exceeded when trying to connect"),
		pgError("53100", "could not extend file: No space left on device"),
		pgError("40P01", "deadlock detected"),
		pgError("55P03", "could not obtain lock on row"),
	].map((error) => classifyDatabaseFault(error)?.kind);
	assert.deepEqual(kinds, [
		...Array(9).fill("database_unavailable"),
		"storage_full",
		"database_busy",
		"database_busy",
	]);
	const full = classifyDatabaseFault(pgError("53100", "could not extend file"));
	assert.equal(full?.cause, "53100 could not extend file");
	assert.equal(full?.retryAfterSeconds, 60);
});

test("SQLite errors by their (extended) result code", () => {
	assert.equal(classifyDatabaseFault(sqliteError(5, "database is locked"))?.kind, "database_busy");
	assert.equal(
		classifyDatabaseFault(sqliteError(517, "database is locked"))?.kind,
		"database_busy",
	);
	assert.equal(
		classifyDatabaseFault(sqliteError(13, "database or disk is full"))?.kind,
		"storage_full",
	);
	assert.equal(
		classifyDatabaseFault(sqliteError(778, "disk I/O error"))?.kind,
		"database_unavailable",
	);
	assert.match(
		classifyDatabaseFault(sqliteError(13, "database or disk is full"))?.cause ?? "",
		/SQLite error 13 \(database or disk is full\)/,
	);
});

test("everything else is not a database fault: constraints, bugs, a wrapped cause is looked into", () => {
	assert.equal(classifyDatabaseFault(sqliteError(2067, "UNIQUE constraint failed")), undefined);
	assert.equal(classifyDatabaseFault(pgError("23505", "duplicate key")), undefined);
	assert.equal(classifyDatabaseFault(pgError("55000", "sequence is not yet defined")), undefined);
	assert.equal(classifyDatabaseFault(new TypeError("x is undefined")), undefined);
	assert.equal(classifyDatabaseFault("a string"), undefined);
	const wrapped = new Error("import failed", { cause: sqliteError(5, "database is locked") });
	assert.equal(classifyDatabaseFault(wrapped)?.kind, "database_busy");
});

test("the fault log: once a minute per kind with the cause, and the count held back", () => {
	const lines: string[] = [];
	let now = 0;
	const reporter = createFaultReporter({ log: (line) => lines.push(line), now: () => now });
	const full = classifyDatabaseFault(sqliteError(13, "database or disk is full"));
	const lost = classifyDatabaseFault(pgError("57P01", "terminating connection"));
	assert.ok(full && lost);
	for (let i = 0; i < 100; i++) reporter.report(full, "POST /api/assets");
	reporter.report(lost, "GET /api/health");
	assert.equal(lines.length, 2);
	assert.match(lines[0] ?? "", /storage_full.*database or disk is full.*POST \/api\/assets/);
	assert.match(lines[1] ?? "", /database_unavailable.*57P01/);
	now = 60_000;
	reporter.report(full, "POST /api/assets");
	assert.equal(lines.length, 3);
	assert.match(lines[2] ?? "", /99 more since the last report/);
});

test("a fault becomes a Problem with its code and Retry-After; anything else does not", () => {
	const reporter = createFaultReporter({ log: () => {} });
	const problem = databaseFaultProblem(sqliteError(5, "database is locked"), "test", reporter);
	assert.equal(problem?.code, "database_busy");
	assert.equal(problem?.status, 503);
	assert.equal(problem?.retryAfterSeconds, 2);
	const full = databaseFaultProblem(pgError("53100", "disk full"), "test", reporter);
	assert.equal(full?.status, 507);
	assert.equal(databaseFaultProblem(new Error("bug"), "test", reporter), undefined);
});
