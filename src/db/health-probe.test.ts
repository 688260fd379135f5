import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openDatabase } from "./connection.ts";
import { createFaultReporter } from "./fault-report.ts";
import { createHealthProbe } from "./health-probe.ts";

const sqliteLocked = Object.assign(new Error("database is locked"), {
	code: "ERR_SQLITE_ERROR",
	errcode: 5,
});

test("a database that answered counts as up for maxAgeMs, unless a fault is reported", async () => {
	const dir = mkdtempSync(join(tmpdir(), "mamori-health-probe-"));
	const { db } = openDatabase({ dataDir: dir });
	let clock = 1_000_000;
	const faults = createFaultReporter({ log: () => {} });
	const probe = createHealthProbe(db, { maxAgeMs: 1000, now: () => clock, faults });
	try {
		await probe();
		// A closed database cannot answer: a probe that still succeeds did not ask it.
		await db.destroy();
		clock += 999;
		await assert.doesNotReject(async () => probe());
		assert.equal(probe(), undefined, "no query within the second");

		clock += 1;
		await assert.rejects(async () => probe(), "asked again after a second, and failed");
		await assert.rejects(async () => probe(), "a failure is never kept as up");
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test("a fault reported anywhere in the process ends the grace at once", async () => {
	const dir = mkdtempSync(join(tmpdir(), "mamori-health-probe-"));
	const { db } = openDatabase({ dataDir: dir });
	const faults = createFaultReporter({ log: () => {} });
	const probe = createHealthProbe(db, { maxAgeMs: 60_000, faults });
	try {
		await probe();
		await db.destroy();
		assert.equal(probe(), undefined);
		faults.report(
			{ kind: "database_busy", cause: sqliteLocked.message, retryAfterSeconds: 5 },
			"x",
		);
		await assert.rejects(async () => probe());
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test("concurrent probes share one query", async () => {
	const dir = mkdtempSync(join(tmpdir(), "mamori-health-probe-"));
	const { db } = openDatabase({ dataDir: dir });
	const probe = createHealthProbe(db, { faults: createFaultReporter({ log: () => {} }) });
	try {
		const a = probe();
		const b = probe();
		assert.ok(a && a === b);
		await a;
	} finally {
		await db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
});
