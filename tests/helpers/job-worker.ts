/**
 * A second Mamori process for the scheduler tests: the runner of `mamori serve` (the same poll
 * loop, on the database of DATABASE_URL / MAMORI_DATA_DIR) with the production jobs plus
 * `test.record-run`, whose handler records each run in the table `test_job_runs` that the test
 * created. Prints "ready" once polling, and stops cleanly on SIGTERM.
 *
 * usage: node tests/helpers/job-worker.ts WORKER-NAME
 */
import { sql } from "kysely";
import type { JobDeclaration } from "../../src/platform/jobs/job.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { openRuntime } from "../../src/runtime.ts";

const worker = process.argv[2] ?? `worker-${process.pid}`;
const recordRun: JobDeclaration = {
	name: "test.record-run",
	async handler(deps, job) {
		await sql`INSERT INTO test_job_runs (job_id, worker) VALUES (${job.id}, ${worker})`.execute(
			deps.db,
		);
		// A job takes a moment, as real ones do, so that the two processes interleave.
		await new Promise((resolve) => setTimeout(resolve, 2));
	},
};

const runtime = await openRuntime();
const scheduler = startScheduler(runtime, {
	declarations: [...JOBS, recordRun],
	intervalMs: 50,
	owner: worker,
});
console.log("ready");
await new Promise<void>((resolve) => process.once("SIGTERM", () => resolve()));
await scheduler.stop();
await runtime.close();
