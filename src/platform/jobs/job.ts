import type { AppDeps } from "../../deps.ts";

/** One run of a job, as its handler sees it. */
export interface JobRun {
	id: string;
	name: string;
	/** Null for an instance-wide job. */
	tenantId: string | null;
	/** The parsed JSON payload; the handler validates it. */
	payload: unknown;
	dueAt: string;
	/** 1 on the first run; a run lost to a crash counts too. */
	attempt: number;
}

/**
 * What a module declares to have work done on a clock: a named handler, and for recurring work
 * when it recurs. Handlers open their own transactions (the change and its audit event together)
 * and may run again after a crash, so they are idempotent. Throwing marks the run failed: it is
 * retried with backoff, then kept as `failed` with its error.
 *
 * @example
 * export const sweep: JobDeclaration = {
 *   name: "policies.acknowledgement-reminders",
 *   recurring: { every: "daily", hourJst: 9, perTenant: true },
 *   handler: (deps, job) => sweepReminders(deps, job.tenantId ?? "", new Date(job.dueAt)),
 * };
 */
export interface JobDeclaration {
	/** `<module>.<what>`, stable: stored in the jobs table. */
	name: string;
	handler(deps: AppDeps, job: JobRun): Promise<void>;
	/** Runs before the job is kept as failed; 5 unless given. */
	maxAttempts?: number;
	/** The scheduler keeps the next occurrence queued, once per tenant when `perTenant`. */
	recurring?: { every: "daily"; hourJst: number; perTenant: boolean };
}
