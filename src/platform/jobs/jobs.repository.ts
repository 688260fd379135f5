import { claimDue, type QueueSpec, updateLeased } from "../../db/claim.ts";
import type { Engine } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import type { JobTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

/** SQL of the scheduler's jobs; no rules. */

export type JobRow = JobTable;
export type JobStatus = "pending" | "running" | "done" | "failed";

/** The jobs table as the shared claim mechanism sees it; every claim counts as an attempt. */
export const JOBS_QUEUE: QueueSpec<"jobs"> = {
	table: "jobs",
	waiting: "pending",
	running: "running",
	due: "due_at",
	countClaimAsAttempt: true,
};

export async function insertJob(tx: Tx, row: JobRow): Promise<void> {
	await tx.insertInto("jobs").values(row).execute();
}

/** Insert occurrences of recurring jobs; one already there (same `unique_key`) is left alone. */
export async function insertJobsIfAbsent(tx: Tx, rows: JobRow[]): Promise<number> {
	if (rows.length === 0) return 0;
	const inserted = await tx
		.insertInto("jobs")
		.values(rows)
		.onConflict((oc) => oc.column("unique_key").doNothing())
		.returning("id")
		.execute();
	return inserted.length;
}

/** Which of these occurrence keys exist already. */
export async function existingKeys(db: Queryable, keys: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < keys.length; i += 1000) {
		const rows = await db
			.selectFrom("jobs")
			.select("unique_key")
			.where("unique_key", "in", keys.slice(i, i + 1000))
			.execute();
		for (const row of rows) if (row.unique_key) found.add(row.unique_key);
	}
	return found;
}

export function claimDueJob(
	tx: Tx,
	engine: Engine,
	owner: string,
	now: string,
	leaseUntil: string,
): Promise<JobRow | undefined> {
	return claimDue(tx, engine, JOBS_QUEUE, owner, now, leaseUntil);
}

/** Record a run's end, only while `owner` still holds the lease. Returns whether it did. */
export function updateLeasedJob(
	db: Queryable,
	id: string,
	owner: string,
	changes: Partial<Omit<JobRow, "id">>,
): Promise<boolean> {
	return updateLeased(db, JOBS_QUEUE, id, owner, changes);
}

/** Jobs in the given states, soonest due first. */
export function listJobsIn(db: Queryable, statuses: readonly JobStatus[], limit: number) {
	return db
		.selectFrom("jobs")
		.selectAll()
		.where("status", "in", [...statuses])
		.orderBy("due_at")
		.orderBy("id")
		.limit(limit)
		.execute();
}

/** The most recently finished jobs. */
export function listRecentlyDone(db: Queryable, limit: number) {
	return db
		.selectFrom("jobs")
		.selectAll()
		.where("status", "=", "done")
		.orderBy("finished_at", "desc")
		.limit(limit)
		.execute();
}

/** A job's status, or undefined when there is no such job. */
export async function jobStatus(db: Queryable, id: string): Promise<JobStatus | undefined> {
	const row = await db.selectFrom("jobs").select("status").where("id", "=", id).executeTakeFirst();
	return row?.status as JobStatus | undefined;
}
