import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import {
	BACKUP_MAIL_JOB,
	backupFailureMail,
	mailBackupFailure,
} from "../../src/modules/backup/notify-backup-failure.ts";
import {
	type BackupSchedule,
	runRestoreDrill,
	runScheduledBackup,
} from "../../src/modules/backup/scheduled-backups.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/** Issue #23: a failed scheduled backup or drill is told to every tenant's administrators. */

let runtime: TestRuntime;
let dir: string;
let schedule: BackupSchedule;
let cityA: TenantRow;
let cityB: TenantRow;
let adminA: MadeAccount;
let quietAdminA: MadeAccount;
let cisoA: MadeAccount;
let adminB: MadeAccount;

async function withEmail(account: MadeAccount, email: string): Promise<MadeAccount> {
	await inTransaction(runtime.db, (tx) =>
		updateAccount(tx, account.tenantId, account.id, { email }),
	);
	return account;
}

function notices(kind: string) {
	return runtime.db
		.selectFrom("notifications")
		.select(["tenant_id", "account_id", "link", "created_at"])
		.where("kind", "=", kind)
		.orderBy("created_at")
		.execute();
}

function mailJobs() {
	return runtime.db
		.selectFrom("jobs")
		.select(["tenant_id", "payload"])
		.where("name", "=", BACKUP_MAIL_JOB)
		.execute();
}

before(async () => {
	runtime = await createTestRuntime();
	dir = mkdtempSync(join(tmpdir(), "mamori-failing-"));
	schedule = { dir, hourJst: 2, keepDaily: 2, keepMonthly: 2 };
	cityA = await makeTenant(runtime);
	cityB = await makeTenant(runtime);
	adminA = await withEmail(
		await makeAccount(runtime, cityA, { roles: ["tenant_admin"] }),
		"admin-a@city.example.jp",
	);
	quietAdminA = await makeAccount(runtime, cityA, { roles: ["tenant_admin"] });
	cisoA = await withEmail(
		await makeAccount(runtime, cityA, { roles: ["ciso"] }),
		"ciso-a@city.example.jp",
	);
	adminB = await withEmail(
		await makeAccount(runtime, cityB, { roles: ["tenant_admin"] }),
		"admin-b@city.example.jp",
	);
});
after(async () => {
	await runtime.cleanup();
	rmSync(dir, { recursive: true, force: true });
});

test("a failed backup tells each tenant's administrators once that day, in the app and by mail", async () => {
	const day = new Date(Date.now() + 1000); // after the administrators' roles began
	// No backup key in the environment: the backup fails, is recorded and thrown.
	await assert.rejects(runScheduledBackup(runtime, schedule, day, {}), /no backup key/);

	const told = await notices("backup_failed");
	const pairs = told.map((n) => `${n.tenant_id}:${n.account_id}`).sort();
	assert.deepEqual(
		pairs,
		[
			`${cityA.id}:${adminA.id}`,
			`${cityA.id}:${quietAdminA.id}`,
			`${cityB.id}:${adminB.id}`,
		].sort(),
	);
	assert.ok(!pairs.includes(`${cityA.id}:${cisoA.id}`));
	assert.ok(told.every((n) => n.link === "/"));

	// Mail is queued for those with an address only.
	const jobs = await mailJobs();
	assert.deepEqual(jobs.map((j) => j.tenant_id).sort(), [cityA.id, cityB.id].sort());
	assert.ok(jobs.every((j) => String(j.payload).includes("no backup key")));

	const events = (await auditEvents(runtime.db, cityA.id)).filter(
		(e) => e.type === "backup.failure_notified",
	);
	assert.equal(events.length, 1);
	assert.equal(events[0]?.payload.kind, "backup");
	assert.equal(events[0]?.payload.day, japanDate(day));
	assert.deepEqual(
		[...((events[0]?.payload.accountIds ?? []) as string[])].sort(),
		[adminA.id, quietAdminA.id].sort(),
	);

	// The job's retry, and a second run the same Japan day, fail alike but tell nobody again.
	const retry = new Date(day.getTime() + 1);
	await assert.rejects(runScheduledBackup(runtime, schedule, retry, {}), /no backup key/);
	assert.equal((await notices("backup_failed")).length, 3);
	assert.equal((await mailJobs()).length, 2);
	const failedRuns = await runtime.db
		.selectFrom("backup_runs")
		.select("id")
		.where("ok", "=", false)
		.execute();
	assert.equal(failedRuns.length, 2);

	// The next day's failure is told again.
	const nextDay = new Date(day.getTime() + 86_400_000);
	await assert.rejects(runScheduledBackup(runtime, schedule, nextDay, {}), /no backup key/);
	assert.equal((await notices("backup_failed")).length, 6);
	assert.equal((await mailJobs()).length, 4);
});

test("a failed restore drill is told as its own kind", async () => {
	const day = new Date(Date.now() + 1000);
	await assert.rejects(runRestoreDrill(runtime, schedule, day, {}), /no finished backup/);
	const told = await notices("backup_drill_failed");
	assert.equal(told.length, 3);
	await assert.rejects(runRestoreDrill(runtime, schedule, day, {}), /no finished backup/);
	assert.equal((await notices("backup_drill_failed")).length, 3);
});

test("the mail names what failed and why; without SMTP it is not sent", async () => {
	const mail = backupFailureMail(
		"backup",
		"令和8年12月6日",
		"no backup key",
		"山田 太郎",
		"a@x.jp",
	);
	assert.match(mail.subject, /定期バックアップの失敗/);
	assert.match(mail.text, /山田 太郎 様/);
	assert.match(mail.text, /理由: no backup key/);
	const [notice] = await runtime.db
		.selectFrom("notifications")
		.select("id")
		.where("account_id", "=", adminA.id)
		.execute();
	assert.ok(notice);
	assert.equal(
		await mailBackupFailure(
			{ ...runtime, config: { ...runtime.config, smtpUrl: undefined } },
			cityA.id,
			notice.id,
			"no backup key",
		),
		"no_smtp",
	);
});
