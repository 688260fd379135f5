import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Actor } from "../../src/modules/authz/roles.ts";
import {
	type BackupSchedule,
	retainedBackups,
	runRestoreDrill,
	runScheduledBackup,
	scheduledName,
} from "../../src/modules/backup/scheduled-backups.ts";
import { backupStatus } from "../../src/modules/home/backup-status.ts";
import { makeBackupWorld, WITH_PASSPHRASE } from "../helpers/backup-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/** Issue #23 point 4: the daily backup with its retention, the weekly drill, and Home's warning. */

let runtime: TestRuntime;
let dir: string;
let admin: Actor;
let schedule: BackupSchedule;

before(async () => {
	runtime = await createTestRuntime();
	const world = await makeBackupWorld(runtime);
	dir = mkdtempSync(join(tmpdir(), "mamori-scheduled-"));
	schedule = { dir, hourJst: 2, keepDaily: 2, keepMonthly: 2 };
	admin = {
		tenantId: world.tenant.id,
		accountId: "admin",
		label: "admin",
		ip: null,
		roles: [{ role: "tenant_admin", orgUnitId: null }],
	};
});
after(async () => {
	await runtime.cleanup();
	rmSync(dir, { recursive: true, force: true });
});

test("retention keeps the newest of each recent day and of each recent month", () => {
	const names = [
		"2026-10-31T10:00:00Z",
		"2026-11-30T10:00:00Z",
		"2026-12-03T17:00:00Z",
		"2026-12-04T17:00:00Z",
		"2026-12-04T18:00:00Z",
		"2026-12-05T17:00:00Z",
	].map((at) => scheduledName(new Date(at)));
	const kept = retainedBackups(names, 2, 3);
	assert.deepEqual([...kept].sort(), [
		"mamori-20261031T100000Z",
		"mamori-20261130T100000Z",
		"mamori-20261204T180000Z",
		"mamori-20261205T170000Z",
	]);
});

test("no backup and no drill: Home warns of both", async () => {
	const status = await backupStatus(runtime.db, admin, new Date());
	assert.equal(status.lastBackup, null);
	assert.equal(status.backupOverdue, true);
	assert.equal(status.drillOverdue, true);
	await assert.rejects(backupStatus(runtime.db, { ...admin, roles: [] }, new Date()));
});

test("daily backups are kept by the retention, the drill restores the newest, Home is content", async () => {
	for (const at of [
		"2026-10-15T17:00:00Z",
		"2026-12-03T17:00:00Z",
		"2026-12-04T17:00:00Z",
		"2026-12-05T17:00:00Z",
	]) {
		await runScheduledBackup(runtime, schedule, new Date(at), WITH_PASSPHRASE);
	}
	assert.deepEqual(readdirSync(dir).sort(), [
		"mamori-20261015T170000Z",
		"mamori-20261204T170000Z",
		"mamori-20261205T170000Z",
	]);
	const drilled = await runRestoreDrill(runtime, schedule, new Date(), WITH_PASSPHRASE);
	assert.equal(drilled, join(dir, "mamori-20261205T170000Z"));
	// Weekly: the next day's run finds a good drill of this week and does nothing.
	assert.equal(await runRestoreDrill(runtime, schedule, new Date(), WITH_PASSPHRASE), null);
	const status = await backupStatus(runtime.db, admin, new Date());
	assert.equal(status.backupOverdue, false);
	assert.equal(status.drillOverdue, false);
	assert.match(status.lastDrill?.detail ?? "", /1 tenants, \d+ audit events verified/);
	const later = await backupStatus(runtime.db, admin, new Date(Date.now() + 27 * 3600 * 1000));
	assert.equal(later.backupOverdue, true);
	assert.equal(later.drillOverdue, false);
});

test("a failed backup is recorded, thrown for the job to fail, and shown on Home", async () => {
	await assert.rejects(runScheduledBackup(runtime, schedule, new Date(), {}), /no backup key/);
	const status = await backupStatus(runtime.db, admin, new Date());
	assert.match(status.backupFailure?.detail ?? "", /no backup key/);
});
