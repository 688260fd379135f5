import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { after, test } from "node:test";
import { sql } from "kysely";
import { inTransaction } from "../../src/db/transaction.ts";
import { enqueueJob } from "../../src/platform/jobs/enqueue-job.ts";
import { CLI_SECRET_KEY } from "../helpers/cli.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Several Mamori processes on one PostgreSQL share the jobs: two separate processes running the
 * scheduler's loop take 1,000 due jobs between them, and each job runs exactly once
 * (`FOR UPDATE SKIP LOCKED` in db/claim.ts). SQLite has one process per file by design.
 */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

const WORKER = resolve(import.meta.dirname, "../helpers/job-worker.ts");
const JOB_COUNT = 1000;

function startWorker(name: string): { child: ChildProcess; output: () => string } {
	const child = spawn(process.execPath, [WORKER, name], {
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			DATABASE_URL: runtime.databaseUrl,
			MAMORI_DATA_DIR: runtime.dataDir,
			MAMORI_SECRET_KEY: CLI_SECRET_KEY.toString("base64"),
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	return { child, output: () => output };
}

async function until(what: string, done: () => Promise<boolean> | boolean, seconds: number) {
	const deadline = Date.now() + seconds * 1000;
	while (!(await done())) {
		assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

test("two processes on one PostgreSQL run 1,000 due jobs between them, each exactly once", {
	skip: runtime.engine !== "postgres" && "runs on PostgreSQL (DATABASE_URL)",
	timeout: 300_000,
}, async () => {
	await sql`CREATE TABLE test_job_runs (job_id text NOT NULL, worker text NOT NULL)`.execute(
		runtime.db,
	);
	const workers = [startWorker("worker-a"), startWorker("worker-b")];
	let ids: string[] = [];
	try {
		for (const w of workers) {
			await until(
				"a worker to start",
				() => {
					assert.equal(w.child.exitCode, null, `a worker exited:\n${w.output()}`);
					return /^ready$/m.test(w.output());
				},
				60,
			);
		}
		ids = await inTransaction(runtime.db, async (tx) => {
			const queued: string[] = [];
			for (let i = 0; i < JOB_COUNT; i++) {
				queued.push(
					await enqueueJob(tx, { name: "test.record-run", tenantId: null, payload: { i } }),
				);
			}
			return queued;
		});
		const doneCount = async () => {
			const row = await runtime.db
				.selectFrom("jobs")
				.select((eb) => eb.fn.countAll<number>().as("n"))
				.where("name", "=", "test.record-run")
				.where("status", "=", "done")
				.executeTakeFirstOrThrow();
			return Number(row.n);
		};
		await until("every job to be done", async () => (await doneCount()) === JOB_COUNT, 240);
	} finally {
		for (const w of workers) w.child.kill("SIGTERM");
		await Promise.all(
			workers.map((w) => (w.child.exitCode === null ? once(w.child, "exit") : null)),
		);
	}
	for (const w of workers) assert.equal(w.child.exitCode, 0, `a worker failed:\n${w.output()}`);

	const runs = await sql<{ job_id: string; worker: string }>`
		SELECT job_id, worker FROM test_job_runs`.execute(runtime.db);
	const perJob = new Map<string, number>();
	for (const run of runs.rows) perJob.set(run.job_id, (perJob.get(run.job_id) ?? 0) + 1);
	assert.deepEqual([...perJob.keys()].sort(), [...ids].sort(), "every job ran");
	const twice = [...perJob].filter(([, n]) => n > 1);
	assert.deepEqual(twice, [], "no job ran twice");
	assert.equal(runs.rows.length, JOB_COUNT);
	const byWorker = new Map<string, number>();
	for (const run of runs.rows) byWorker.set(run.worker, (byWorker.get(run.worker) ?? 0) + 1);
	assert.ok((byWorker.get("worker-a") ?? 0) > 0, `worker-a took none: ${[...byWorker]}`);
	assert.ok((byWorker.get("worker-b") ?? 0) > 0, `worker-b took none: ${[...byWorker]}`);
	const jobs = await runtime.db
		.selectFrom("jobs")
		.select(["status", "attempts", "lease_owner"])
		.where("name", "=", "test.record-run")
		.execute();
	assert.ok(
		jobs.every((j) => j.status === "done" && j.attempts === 1 && j.lease_owner === null),
		"each job done on its first attempt, its lease released",
	);
	console.log(`runs per process: ${JSON.stringify(Object.fromEntries(byWorker))}`);
});
