import assert from "node:assert/strict";
import { once } from "node:events";
import { after, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { remindUnacknowledged } from "../../src/modules/policies/documents/remind.ts";
import {
	REMINDER_SWEEP,
	sweepReminders,
} from "../../src/modules/policies/documents/sweep-reminders.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import type { JobListing } from "../../src/platform/jobs/list-jobs.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { runCli, spawnCli } from "../helpers/cli.ts";
import { documentsActor, makeVersion } from "../helpers/documents-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** The daily acknowledgement-reminder sweep, declared by the documents module, on the scheduler. */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

function sweeps(tenantId: string) {
	return runtime.db
		.selectFrom("jobs")
		.selectAll()
		.where("name", "=", REMINDER_SWEEP)
		.where("tenant_id", "=", tenantId)
		.orderBy("due_at")
		.execute();
}

function reminders(versionId: string) {
	return runtime.db
		.selectFrom("notifications")
		.select(["account_id", "created_at"])
		.where("kind", "=", "policy_acknowledgement_reminder")
		.where("link", "=", `/policies/versions/${versionId}`)
		.execute();
}

function reminderEvents(tenantId: string) {
	return runtime.db
		.selectFrom("audit_events")
		.select(["actor_id", "actor_label", "data", "record_id"])
		.where("tenant_id", "=", tenantId)
		.where("type", "=", "policy.reminders_sent")
		.orderBy("seq")
		.execute();
}

test("the sweep's next occurrence is queued once per tenant and day, even by concurrent processes", async () => {
	const [a, b] = [await makeTenant(runtime), await makeTenant(runtime)];
	// 10:00 in Japan: today's 09:00 has passed, so the next sweep is tomorrow's.
	const now = new Date("2026-12-06T01:00:00Z");
	await Promise.all([
		ensureRecurring(runtime.db, JOBS, now),
		ensureRecurring(runtime.db, JOBS, now),
		ensureRecurring(runtime.db, JOBS, new Date("2026-12-06T05:00:00Z")),
	]);
	for (const tenant of [a, b]) {
		const rows = await sweeps(tenant.id);
		assert.deepEqual(
			rows.map((r) => [r.status, r.due_at, r.unique_key]),
			[["pending", "2026-12-07T00:00:00.000Z", `${REMINDER_SWEEP}|${tenant.id}|2026-12-07`]],
		);
	}
	assert.equal(await ensureRecurring(runtime.db, JOBS, now), 0, "nothing more to add today");
	// Once tomorrow's has passed, the day after is queued.
	await ensureRecurring(runtime.db, JOBS, new Date("2026-12-07T00:00:01Z"));
	assert.deepEqual(
		(await sweeps(a.id)).map((r) => r.due_at),
		["2026-12-07T00:00:00.000Z", "2026-12-08T00:00:00.000Z"],
	);
});

test("the sweep reminds the staff who have not acknowledged, as the button does, with the scheduler as actor", async () => {
	const tenant = await makeTenant(runtime);
	const yamada = await makeAccount(runtime, tenant, { username: "yamada" });
	const sato = await makeAccount(runtime, tenant, { username: "sato" });
	const version = await makeVersion(runtime, tenant.id, "published");
	const done = await makeVersion(runtime, tenant.id, "published");
	// Everyone has acknowledged `done`: nothing to remind there.
	await runtime.db
		.insertInto("policy_acknowledgements")
		.values(
			[yamada, sato].map((account) => ({
				tenant_id: tenant.id,
				version_id: done.id,
				account_id: account.id,
				acknowledged_at: new Date().toISOString(),
			})),
		)
		.execute();

	// The scheduler queues the sweep and runs it when it is due.
	const now = new Date();
	await ensureRecurring(runtime.db, JOBS, now);
	const [queued] = await sweeps(tenant.id);
	assert.ok(queued, "the sweep is queued for the tenant");
	const summary = await runDueJobs(runtime, {
		declarations: JOBS,
		now: () => new Date(Date.parse(queued.due_at) + 1000),
	});
	assert.ok(summary.done >= 1);
	assert.equal((await sweeps(tenant.id)).find((r) => r.id === queued.id)?.status, "done");

	const sent = await reminders(version.id);
	assert.deepEqual(
		sent.map((r) => r.account_id).sort(),
		[yamada.id, sato.id].sort(),
		"each pending member gets an in-app reminder",
	);
	assert.deepEqual(await reminders(done.id), []);
	const events = await reminderEvents(tenant.id);
	assert.equal(events.length, 1);
	assert.equal(events[0]?.record_id, version.id);
	assert.equal(events[0]?.actor_id, "system");
	assert.equal(events[0]?.actor_label, `scheduler (${REMINDER_SWEEP})`);
	assert.deepEqual(JSON.parse(events[0]?.data ?? "{}"), { versionId: version.id, recipients: 2 });

	// Run again the same day (a retry after a crash, a second process): nobody is reminded twice.
	assert.deepEqual(await sweepReminders(runtime, tenant.id), []);
	assert.equal((await reminders(version.id)).length, 2);
	assert.equal((await reminderEvents(tenant.id)).length, 1);

	// The next day it reminds again.
	const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
	const swept = await sweepReminders(runtime, tenant.id, tomorrow);
	assert.deepEqual(swept, [{ versionId: version.id, recipients: 2, mailed: 0 }]);
});

test("a version reminded with the button today is left to the button", async () => {
	const tenant = await makeTenant(runtime);
	await makeAccount(runtime, tenant);
	const pressed = await makeVersion(runtime, tenant.id, "published");
	const other = await makeVersion(runtime, tenant.id, "published");
	await inTransaction(runtime.db, (tx) =>
		remindUnacknowledged(tx, documentsActor(tenant.id), pressed.id),
	);
	const swept = await sweepReminders(runtime, tenant.id);
	assert.deepEqual(
		swept.map((s) => s.versionId),
		[other.id],
	);
});

test("mamori jobs list shows the reminder sweep queued by mamori jobs run-due", async () => {
	const tenant = await makeTenant(runtime);
	const ran = await runCli(["jobs", "run-due"], runtime);
	assert.equal(ran.code, 0, ran.stderr);
	assert.match(ran.stdout, /^jobs: \d+ done, 0 to retry, 0 failed, \d+ scheduled$/m);
	const listed = await runCli(["jobs", "list", "--json"], runtime);
	assert.equal(listed.code, 0, listed.stderr);
	const jobs = JSON.parse(listed.stdout) as JobListing[];
	const sweep = jobs.find((j) => j.name === REMINDER_SWEEP && j.tenant === tenant.slug);
	assert.ok(sweep, listed.stdout);
	assert.equal(sweep.status, "pending");
	assert.ok(Date.parse(sweep.dueAt) > Date.now(), "due at the next 09:00 in Japan");
	assert.equal(new Date(sweep.dueAt).getUTCHours(), 0, "09:00 JST is 00:00 UTC");
	assert.equal(sweep.attempts, 0);
	assert.equal(sweep.lastError, null);
	const text = await runCli(["jobs", "list"], runtime);
	assert.match(text.stdout, new RegExp(`pending\\s.*${REMINDER_SWEEP}\\s${tenant.slug}\\s0/5`));
});

test("mamori serve runs the scheduler in-process: it queues the sweep, and stops cleanly", async () => {
	const tenant = await makeTenant(runtime);
	await runtime.db.deleteFrom("jobs").execute();
	const server = spawnCli(["serve", "--port", "0"], runtime, { MAMORI_JOBS_POLL_MS: "100" });
	let output = "";
	server.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	server.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	try {
		const deadline = Date.now() + 60_000;
		while ((await sweeps(tenant.id)).length === 0) {
			assert.ok(Date.now() < deadline, `the server queued no sweep:\n${output}`);
			assert.equal(server.exitCode, null, `the server exited:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	} finally {
		server.kill("SIGTERM");
		if (server.exitCode === null) await once(server, "exit");
	}
	assert.equal(server.exitCode, 0, output);
	assert.match(output, /Mamori: http:\/\/localhost:\d+\//);
	assert.equal((await sweeps(tenant.id)).length, 1);
});
