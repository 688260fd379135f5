import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
	assertRestored,
	type BackupWorld,
	makeBackupWorld,
	startWriters,
	stateFileHashes,
	WITH_PASSPHRASE,
} from "../helpers/backup-world.ts";
import { runCli } from "../helpers/cli.ts";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-db.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Issue #23: moving an instance from SQLite to PostgreSQL is a backup and a restore into a
 * DATABASE_URL; the restored instance passes the same checks as a restore on its own engine.
 * Needs a PostgreSQL server: runs in the PostgreSQL pass of CI, skipped on SQLite.
 */
const serverUrl = process.env.DATABASE_URL;

let source: TestRuntime;
let world: BackupWorld;
let work: string;
let target: EmptyDatabase;
let acknowledgedBefore: string[];

before(async () => {
	if (!serverUrl) return;
	source = await createTestRuntime({ engine: "sqlite" });
	world = await makeBackupWorld(source);
	assert.equal((await runCli(["audit", "checkpoint"], source)).code, 0);
	work = mkdtempSync(join(tmpdir(), "mamori-move-"));
	const writers = startWriters(source, world, 4);
	while (writers.acknowledged().length < 8) await new Promise((r) => setTimeout(r, 5));
	acknowledgedBefore = writers.acknowledged();
	const result = await runCli(["backup", "--to", join(work, "backup")], source, WITH_PASSPHRASE);
	await writers.stop();
	assert.equal(result.code, 0, result.stderr);
	target = await createEmptyDatabase();
});

after(async () => {
	if (!serverUrl) return;
	await source.cleanup();
	await target.cleanup();
	rmSync(work, { recursive: true, force: true });
});

test("a SQLite backup restores into an empty PostgreSQL database and verifies", {
	skip: !serverUrl,
}, async () => {
	assert.ok(target.databaseUrl);
	const result = await runCli(["restore", "--from", join(work, "backup")], target, WITH_PASSPHRASE);
	assert.equal(result.code, 0, result.stdout + result.stderr);
	assert.match(result.stdout, /restored the backup of .* \(sqlite, schema/);
	assert.match(result.stdout, /restore verified/);
	await assertRestored(target, world, acknowledgedBefore);
	assert.deepEqual(stateFileHashes(target.dataDir), stateFileHashes(source.dataDir));
	// The moved instance keeps working: it takes its own PostgreSQL backup.
	const again = await runCli(["backup", "--to", join(work, "after-move")], target, WITH_PASSPHRASE);
	assert.equal(again.code, 0, again.stderr);
	assert.match(again.stdout, /backed up postgres/);
});
