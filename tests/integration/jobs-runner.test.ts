import assert from "node:assert/strict";
import { after, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { enqueueJob } from "../../src/platform/jobs/enqueue-job.ts";
import type { JobDeclaration, JobRun } from "../../src/platform/jobs/job.ts";
import { claimDueJob, updateLeasedJob } from "../../src/platform/jobs/jobs.repository.ts";
import { listJobs } from "../../src/platform/jobs/list-jobs.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { makeTenant } from "../helpers/factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** The scheduler's runner on the engine the suite runs on: once, retries, crashes, the loop. */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

const t0 = Date.parse("2026-12-06T01:00:00Z");
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const clock = (seconds: number) => () => at(seconds);

function jobRow(id: string) {
	return runtime.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** Park every job left by an earlier test, so each test sees only its own. */
async function clearJobs() {
	await runtime.db.updateTable("jobs").set({ status: "done" }).execute();
}

function enqueue(
	name: string,
	payload: unknown = {},
	maxAttempts = 5,
	tenantId: string | null = null,
) {
	return inTransaction(runtime.db, (tx) =>
		enqueueJob(tx, { name, tenantId, payload, dueAt: at(0), maxAttempts }),
	);
}

test("a due job runs once, with its payload and tenant, and is then done", async () => {
	await clearJobs();
	const tenant = await makeTenant(runtime);
	const runs: JobRun[] = [];
	const declarations: JobDeclaration[] = [
		{ name: "test.record", handler: async (_deps, job) => void runs.push(job) },
	];
	const id = await enqueue("test.record", { n: 7 }, 5, tenant.id);
	const early = await runDueJobs(runtime, { declarations, now: () => new Date(t0 - 1000) });
	assert.equal(early.done, 0, "not before its due time");
	const first = await runDueJobs(runtime, { declarations, now: clock(1) });
	const second = await runDueJobs(runtime, { declarations, now: clock(2) });
	assert.equal(first.done, 1);
	assert.equal(second.done, 0, "a done job does not run again");
	assert.equal(runs.length, 1);
	assert.deepEqual(runs[0]?.payload, { n: 7 });
	assert.equal(runs[0]?.tenantId, tenant.id);
	assert.equal(runs[0]?.attempt, 1);
	const row = await jobRow(id);
	assert.equal(row.status, "done");
	assert.equal(row.attempts, 1);
	assert.equal(row.lease_owner, null);
	assert.equal(row.finished_at, at(1).toISOString(), "finished by the first pass");
	assert.deepEqual(await listJobs(runtime.db), [], "a done job is not listed by default");
	const withDone = await listJobs(runtime.db, { recentDone: 1 });
	assert.equal(withDone[0]?.id, id);
	assert.equal(withDone[0]?.tenant, tenant.slug);
});

test("a throwing job is retried with growing backoff, then kept as failed with its last error", async () => {
	await clearJobs();
	let calls = 0;
	const logged: string[] = [];
	const declarations: JobDeclaration[] = [
		{
			name: "test.throws",
			handler: async () => {
				calls += 1;
				throw new Error(`boom ${calls}`);
			},
		},
	];
	const id = await enqueue("test.throws", {}, 3);
	const pass = (seconds: number) =>
		runDueJobs(runtime, { declarations, now: clock(seconds), log: (m) => logged.push(m) });

	assert.equal((await pass(0)).retried, 1);
	let row = await jobRow(id);
	assert.equal(row.status, "pending");
	assert.equal(row.attempts, 1);
	assert.equal(row.last_error, "boom 1");
	assert.equal(row.due_at, at(30).toISOString(), "first retry after 30 s");

	assert.equal((await pass(29)).retried, 0, "not before the backoff has passed");
	assert.equal((await pass(30)).retried, 1);
	row = await jobRow(id);
	assert.equal(row.due_at, at(90).toISOString(), "second retry 60 s later");

	const last = await pass(90);
	assert.equal(last.failed, 1);
	row = await jobRow(id);
	assert.equal(row.status, "failed");
	assert.equal(row.attempts, 3);
	assert.equal(row.last_error, "boom 3");
	assert.equal(row.lease_owner, null);
	assert.equal((await pass(100_000)).failed, 0, "a failed job is not run again");
	assert.equal(calls, 3);
	assert.equal(logged.length, 3, "each failure is logged once");
	assert.match(logged[2] ?? "", /test\.throws .*attempt 3\/3 failed for good: boom 3/);

	const listed = await listJobs(runtime.db);
	assert.deepEqual(
		listed.map((j) => [j.id, j.status, j.attempts, j.lastError]),
		[[id, "failed", 3, "boom 3"]],
	);
});

test("a job without a handler in this version fails visibly instead of vanishing", async () => {
	await clearJobs();
	const id = await enqueue("test.unknown", {}, 1);
	const summary = await runDueJobs(runtime, { declarations: [], now: clock(0) });
	assert.equal(summary.failed, 1);
	const row = await jobRow(id);
	assert.equal(row.status, "failed");
	assert.match(row.last_error ?? "", /no handler for job "test\.unknown"/);
});

test("a run whose process crashed is claimed again once its lease ends, and counts as an attempt", async () => {
	await clearJobs();
	const runs: JobRun[] = [];
	const declarations: JobDeclaration[] = [
		{ name: "test.crash", handler: async (_deps, job) => void runs.push(job) },
	];
	const id = await enqueue("test.crash", {}, 3);
	// A process claims it with a 300 s lease and dies before finishing.
	const claimed = await inTransaction(runtime.db, (tx) =>
		claimDueJob(tx, runtime.engine, "crashed", at(0).toISOString(), at(300).toISOString()),
	);
	assert.equal(claimed?.id, id);
	assert.equal(claimed?.status, "running");
	assert.equal(claimed?.attempts, 1);
	assert.deepEqual(
		(await listJobs(runtime.db)).map((j) => [j.id, j.status]),
		[[id, "running"]],
		"a running job is listed",
	);

	assert.equal((await runDueJobs(runtime, { declarations, now: clock(299) })).done, 0);
	assert.equal(runs.length, 0, "the lease still holds");
	assert.equal((await runDueJobs(runtime, { declarations, now: clock(301) })).done, 1);
	assert.equal(runs.length, 1);
	assert.equal(runs[0]?.attempt, 2, "the lost run counted");
	const row = await jobRow(id);
	assert.equal(row.status, "done");
	assert.equal(row.attempts, 2);
	assert.equal(
		await updateLeasedJob(runtime.db, id, "crashed", { status: "failed" }),
		false,
		"the crashed process can no longer change the job",
	);
	assert.equal((await jobRow(id)).status, "done");
});

test("a job whose last attempt crashed is kept as failed, not run again", async () => {
	await clearJobs();
	let calls = 0;
	const declarations: JobDeclaration[] = [
		{
			name: "test.crash-last",
			handler: async () => {
				calls += 1;
			},
		},
	];
	const id = await enqueue("test.crash-last", {}, 1);
	await inTransaction(runtime.db, (tx) =>
		claimDueJob(tx, runtime.engine, "crashed", at(0).toISOString(), at(300).toISOString()),
	);
	const summary = await runDueJobs(runtime, { declarations, now: clock(301) });
	assert.equal(summary.failed, 1);
	assert.equal(calls, 0);
	const row = await jobRow(id);
	assert.equal(row.status, "failed");
	assert.equal(row.attempts, 2);
	assert.match(row.last_error ?? "", /interrupted/);
});

test("a long run keeps its lease alive, so no other process takes it over", async () => {
	await clearJobs();
	let calls = 0;
	const declarations: JobDeclaration[] = [
		{
			name: "test.slow",
			handler: async () => {
				calls += 1;
				await new Promise((resolve) => setTimeout(resolve, 2500));
			},
		},
	];
	const id = await inTransaction(runtime.db, (tx) =>
		enqueueJob(tx, { name: "test.slow", tenantId: null }),
	);
	// A lease of 1 s, renewed every third of a second while the handler runs for 2.5 s.
	const slow = runDueJobs(runtime, { declarations, owner: "slow", leaseSeconds: 1 });
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const other = await runDueJobs(runtime, { declarations, owner: "other", leaseSeconds: 1 });
	assert.equal(other.done, 0, "the running job was not taken over");
	assert.equal((await slow).done, 1);
	assert.equal(calls, 1);
	assert.equal((await jobRow(id)).attempts, 1);
});

test("the in-process loop runs jobs as they come due, survives failing handlers, and stops cleanly", async () => {
	await clearJobs();
	const ran: string[] = [];
	const logged: string[] = [];
	const declarations: JobDeclaration[] = [
		{ name: "test.ok", handler: async (_deps, job) => void ran.push(job.id) },
		{
			name: "test.bad",
			maxAttempts: 1,
			handler: async () => {
				throw new Error("bad handler");
			},
		},
	];
	const scheduler = startScheduler(runtime, {
		declarations,
		intervalMs: 20,
		log: (m) => logged.push(m),
	});
	try {
		const bad = await inTransaction(runtime.db, (tx) =>
			enqueueJob(tx, { name: "test.bad", tenantId: null, maxAttempts: 1 }),
		);
		const ok = await inTransaction(runtime.db, (tx) =>
			enqueueJob(tx, { name: "test.ok", tenantId: null }),
		);
		const deadline = Date.now() + 10_000;
		while (!ran.includes(ok) || (await jobRow(bad)).status !== "failed") {
			assert.ok(Date.now() < deadline, "the loop did not run the jobs");
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const later = await inTransaction(runtime.db, (tx) =>
			enqueueJob(tx, { name: "test.ok", tenantId: null }),
		);
		while (!ran.includes(later)) {
			assert.ok(Date.now() < deadline, "the loop stopped after a failing handler");
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	} finally {
		await scheduler.stop();
	}
	assert.equal(logged.filter((m) => /bad handler/.test(m)).length, 1);
	const afterStop = await inTransaction(runtime.db, (tx) =>
		enqueueJob(tx, { name: "test.ok", tenantId: null }),
	);
	await new Promise((resolve) => setTimeout(resolve, 100));
	assert.ok(!ran.includes(afterStop), "no job runs after stop");
});

test("a pass that cannot reach the database is logged once, and the loop keeps polling", async () => {
	const logged: string[] = [];
	let fail = true;
	const declarations: JobDeclaration[] = [];
	const broken = {
		...runtime,
		get db() {
			if (fail) throw new Error("database unreachable");
			return runtime.db;
		},
	};
	const scheduler = startScheduler(broken, {
		declarations,
		intervalMs: 10,
		log: (m) => logged.push(m),
	});
	await new Promise((resolve) => setTimeout(resolve, 100));
	fail = false;
	await new Promise((resolve) => setTimeout(resolve, 100));
	await scheduler.stop();
	assert.equal(logged.filter((m) => /database unreachable/.test(m)).length, 1, logged.join("\n"));
	assert.ok(logged.includes("running jobs again"), logged.join("\n"));
});
