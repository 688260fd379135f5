import type { Queryable } from "../../db/queryable.ts";
import { listTenants } from "../../modules/tenants/tenants.repository.ts";
import { type JobStatus, listJobsIn, listRecentlyDone } from "./jobs.repository.ts";

export interface JobListing {
	id: string;
	name: string;
	/** The tenant's slug; null for an instance-wide job. */
	tenant: string | null;
	status: JobStatus;
	dueAt: string;
	attempts: number;
	maxAttempts: number;
	lastError: string | null;
	finishedAt: string | null;
}

/**
 * The jobs an operator looks at: pending, running and failed, soonest due first, and with
 * `recentDone` the latest finished ones. For `mamori jobs list`.
 */
export async function listJobs(
	db: Queryable,
	options: { limit?: number; recentDone?: number } = {},
): Promise<JobListing[]> {
	const limit = options.limit ?? 1000;
	const [open, done, tenants] = await Promise.all([
		listJobsIn(db, ["running", "pending", "failed"], limit),
		options.recentDone ? listRecentlyDone(db, options.recentDone) : Promise.resolve([]),
		listTenants(db),
	]);
	const slug = new Map(tenants.map((t) => [t.id, t.slug]));
	return [...open, ...done].map((job) => ({
		id: job.id,
		name: job.name,
		tenant: job.tenant_id ? (slug.get(job.tenant_id) ?? job.tenant_id) : null,
		status: job.status as JobStatus,
		dueAt: job.due_at,
		attempts: job.attempts,
		maxAttempts: job.max_attempts,
		lastError: job.last_error,
		finishedAt: job.finished_at,
	}));
}
