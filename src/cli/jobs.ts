import { listJobs } from "../platform/jobs/list-jobs.ts";
import { JOBS } from "../platform/jobs/registry.ts";
import { runDueJobs } from "../platform/jobs/run-due.ts";
import { formatJapanTime } from "../shared/dates.ts";
import { type Command, parseFlags, UsageError } from "./command.ts";
import { withRuntime } from "./runtime-helpers.ts";

export const jobsRunDueCommand: Command = {
	name: "jobs run-due",
	summary: "Run the scheduler's due jobs once and exit (for cron instead of mamori serve)",
	usage: "mamori jobs run-due",
	async run(argv) {
		parseFlags(argv, {});
		const summary = await withRuntime((rt) =>
			runDueJobs(rt, {
				declarations: JOBS,
				owner: `cli-${process.pid}`,
				log: (message) => console.error(message),
			}),
		);
		console.log(
			`jobs: ${summary.done} done, ${summary.retried} to retry, ${summary.failed} failed, ` +
				`${summary.scheduled} scheduled`,
		);
		return 0;
	},
};

export const jobsListCommand: Command = {
	name: "jobs list",
	summary: "List the scheduler's pending, running and failed jobs",
	usage: "mamori jobs list [--json] [--done N]   (--done: also the N most recently finished)",
	async run(argv) {
		const { values } = parseFlags(argv, {
			json: { type: "boolean" },
			done: { type: "string" },
		});
		const recentDone = values.done === undefined ? 0 : Number(values.done);
		if (!Number.isInteger(recentDone) || recentDone < 0)
			throw new UsageError("--done must be a non-negative integer");
		const jobs = await withRuntime((rt) => listJobs(rt.db, { recentDone }));
		if (values.json) {
			console.log(JSON.stringify(jobs));
		} else if (jobs.length === 0) {
			console.log("no pending, running or failed jobs");
		} else {
			for (const job of jobs) {
				console.log(
					[
						job.status.padEnd(7),
						formatJapanTime(job.dueAt),
						job.name,
						job.tenant ?? "-",
						`${job.attempts}/${job.maxAttempts}`,
						job.lastError ?? "",
					].join("\t"),
				);
			}
		}
		return 0;
	},
};
