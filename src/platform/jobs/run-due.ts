import { randomUUID } from "node:crypto";
import { holdLease } from "../../db/claim.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { ensureRecurring } from "./ensure-recurring.ts";
import type { JobDeclaration, JobRun } from "./job.ts";
import { claimDueJob, JOBS_QUEUE, type JobRow, updateLeasedJob } from "./jobs.repository.ts";
import { jobBackoffSeconds } from "./schedule.ts";

export interface RunOptions {
	/** The handlers known to this process (platform/jobs/registry.ts in production). */
	declarations: readonly JobDeclaration[];
	/** Names this process's leases; unique per process. */
	owner?: string;
	/** How long a claimed job stays with this process before another may take it over. */
	leaseSeconds?: number;
	/** The clock; tests move it. */
	now?: () => Date;
	/** Checked between jobs, so that a stopping process does not start another one. */
	shouldStop?: () => boolean;
	/** Where failures are reported, once each. */
	log?: (message: string) => void;
}

export type JobOutcome = "done" | "retry" | "failed";

export interface PassSummary {
	scheduled: number;
	done: number;
	retried: number;
	failed: number;
}

function errorText(error: unknown): string {
	const text = error instanceof Error ? error.message || error.name : String(error);
	return text.slice(0, 1000);
}

function runOf(job: JobRow): JobRun {
	let payload: unknown;
	try {
		payload = JSON.parse(job.payload);
	} catch {
		payload = null;
	}
	return {
		id: job.id,
		name: job.name,
		tenantId: job.tenant_id,
		payload,
		dueAt: job.due_at,
		attempt: job.attempts,
	};
}

/**
 * Claim one due job and run its handler. A handler that throws puts the job back with a backoff,
 * or keeps it as `failed` with its error after its last attempt. A job whose process crashed
 * (its lease ran out) is claimed again and that lost run counts as an attempt. Returns null when
 * nothing is due.
 */
export async function runNextJob(
	deps: AppDeps,
	options: RunOptions & { owner: string },
): Promise<{ job: JobRow; outcome: JobOutcome } | null> {
	const clock = options.now ?? (() => new Date());
	const leaseMs = (options.leaseSeconds ?? 300) * 1000;
	const now = clock();
	const leaseUntil = new Date(now.getTime() + leaseMs);
	const job = await inTransaction(deps.db, (tx) =>
		claimDueJob(tx, deps.engine, options.owner, now.toISOString(), leaseUntil.toISOString()),
	);
	if (!job) return null;
	const release = { lease_owner: null, lease_until: null };
	if (job.attempts > job.max_attempts) {
		// Its last run never finished: the process running it stopped.
		await updateLeasedJob(deps.db, job.id, options.owner, {
			...release,
			status: "failed",
			last_error: "interrupted: the process running its last attempt stopped",
			updated_at: now.toISOString(),
			finished_at: now.toISOString(),
		});
		options.log?.(`job ${job.name} ${job.id} failed: its last run was interrupted`);
		return { job, outcome: "failed" };
	}
	const declaration = options.declarations.find((d) => d.name === job.name);
	// A long run renews its lease, so that no other process takes it over while it is alive.
	const releaseLease = holdLease(deps.db, JOBS_QUEUE, job.id, options.owner, {
		leaseMs,
		now: clock,
		onError: (error) => options.log?.(`lease of job ${job.id}: ${errorText(error)}`),
	});
	try {
		if (!declaration) throw new Error(`no handler for job "${job.name}" in this version`);
		await declaration.handler(deps, runOf(job));
	} catch (error) {
		const failed = job.attempts >= job.max_attempts;
		const at = clock();
		const message = errorText(error);
		await updateLeasedJob(deps.db, job.id, options.owner, {
			...release,
			status: failed ? "failed" : "pending",
			last_error: message,
			due_at: failed
				? job.due_at
				: new Date(at.getTime() + jobBackoffSeconds(job.attempts) * 1000).toISOString(),
			updated_at: at.toISOString(),
			finished_at: failed ? at.toISOString() : null,
		});
		options.log?.(
			`job ${job.name} ${job.id} attempt ${job.attempts}/${job.max_attempts} failed${failed ? " for good" : ""}: ${message}`,
		);
		return { job, outcome: failed ? "failed" : "retry" };
	} finally {
		releaseLease();
	}
	const at = clock().toISOString();
	await updateLeasedJob(deps.db, job.id, options.owner, {
		...release,
		status: "done",
		last_error: null,
		updated_at: at,
		finished_at: at,
	});
	return { job, outcome: "done" };
}

/**
 * One pass of the scheduler: queue the next occurrence of recurring jobs, then run every job due
 * now, one at a time, until none is left. Used by the loop of `mamori serve` and by
 * `mamori jobs run-due` (cron).
 *
 * @example
 * const summary = await runDueJobs(runtime, { declarations: JOBS });
 */
export async function runDueJobs(deps: AppDeps, options: RunOptions): Promise<PassSummary> {
	const owner = options.owner ?? `jobs-${randomUUID()}`;
	const now = options.now ?? (() => new Date());
	const summary: PassSummary = {
		scheduled: await ensureRecurring(deps.db, options.declarations, now()),
		done: 0,
		retried: 0,
		failed: 0,
	};
	while (!options.shouldStop?.()) {
		const step = await runNextJob(deps, { ...options, owner });
		if (!step) break;
		if (step.outcome === "done") summary.done += 1;
		else if (step.outcome === "retry") summary.retried += 1;
		else summary.failed += 1;
	}
	return summary;
}
