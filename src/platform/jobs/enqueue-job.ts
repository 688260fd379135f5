import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { insertJob } from "./jobs.repository.ts";

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
	const now = new Date().toISOString();
	const id = randomUUID();
	await insertJob(tx, {
		id,
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
		unique_key: null,
		created_at: now,
		updated_at: now,
		finished_at: null,
	});
	return id;
}
