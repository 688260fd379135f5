import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { insertJob, insertJobsIfAbsent, type JobRow } from "./jobs.repository.ts";

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface NewJob {
	name: string;
	tenantId: string | null;
	payload?: unknown;
	/** When it may run; now unless given. */
	dueAt?: Date;
	maxAttempts?: number;
}

/**
 * Queue a one-off job in the caller's transaction, so it exists exactly when the change that
 * asked for it commits. Returns its id.
 *
 * @example
 * await inTransaction(db, (tx) => enqueueJob(tx, { name: "assets.import", tenantId, payload }));
 */
export async function enqueueJob(tx: Tx, job: NewJob): Promise<string> {
	const row = jobRow(job, null);
	await insertJob(tx, row);
	return row.id;
}

/**
 * Queue a one-off job unless a job with the same `key` was ever queued (pending, running or
 * finished): the key names the work, so that many callers asking for it at once queue it once.
 * Returns whether this call queued it.
 *
 * @example
 * await enqueueJobOnce(tx, { name: "incidents.report-dues", tenantId, key: `…:${stamp}` });
 */
export async function enqueueJobOnce(tx: Tx, job: NewJob & { key: string }): Promise<boolean> {
	return (await insertJobsIfAbsent(tx, [jobRow(job, job.key)])) === 1;
}

function jobRow(job: NewJob, key: string | null): JobRow {
	const now = new Date().toISOString();
	return {
		id: randomUUID(),
		tenant_id: job.tenantId,
		name: job.name,
		payload: JSON.stringify(job.payload ?? {}),
		status: "pending",
		due_at: (job.dueAt ?? new Date()).toISOString(),
		attempts: 0,
		max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
		lease_owner: null,
		lease_until: null,
		last_error: null,
		unique_key: key,
		created_at: now,
		updated_at: now,
		finished_at: null,
	};
}
