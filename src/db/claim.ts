import type { Kysely, Selectable, Updateable } from "kysely";
import type { Engine } from "./connection.ts";
import type { Queryable } from "./queryable.ts";
import type { Database } from "./schema.ts";
import type { Tx } from "./transaction.ts";

/**
 * The one claim-and-lease mechanism of Mamori's work queues (the mail gateway's queue, the
 * platform's jobs). A row waits in the `waiting` status until its due column has passed; a worker
 * claims it by moving it to `running` with its name and a lease; while the lease holds, only
 * that worker may change the row. A worker that crashes leaves a lease that runs out, and the
 * row is claimed again, never lost.
 */

/** The tables that are queues: each has these columns, named alike. */
export type QueueTable = "mail_messages" | "jobs";

export interface QueueSpec<T extends QueueTable> {
	table: T;
	/** Status of a row waiting for its due time. */
	waiting: string;
	/** Status of a claimed row, held under a lease. */
	running: string;
	/** The column holding the instant a waiting row becomes due. */
	due: "next_attempt_at" | "due_at";
	/** Count every claim as an attempt (so a run lost to a crash still counts). */
	countClaimAsAttempt?: boolean;
}

/** The columns every queue table shares; the helpers below touch only these. */
interface QueueRow {
	id: string;
	status: string;
	attempts: number;
	next_attempt_at: string;
	due_at: string;
	lease_owner: string | null;
	lease_until: string | null;
	updated_at: string;
}

/** The queues seen through their shared columns: the one place their tables are treated alike. */
function asQueues(db: Queryable): Kysely<Record<string, QueueRow>> {
	return db as unknown as Kysely<Record<string, QueueRow>>;
}

/**
 * Take one due row of a queue: a waiting row whose time has come, or a running one whose
 * worker's lease ran out (it crashed). On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several
 * workers (processes) claim side by side without ever taking the same row; on SQLite the single
 * statement runs inside `BEGIN IMMEDIATE`, which serialises claimers across processes.
 *
 * @example
 * const job = await inTransaction(db, (tx) => claimDue(tx, engine, JOBS_QUEUE, owner, now, until));
 */
export async function claimDue<T extends QueueTable>(
	tx: Tx,
	engine: Engine,
	queue: QueueSpec<T>,
	owner: string,
	now: string,
	leaseUntil: string,
): Promise<Selectable<Database[T]> | undefined> {
	const row = await asQueues(tx)
		.updateTable(queue.table as string)
		.set((eb) => ({
			status: queue.running,
			lease_owner: owner,
			lease_until: leaseUntil,
			updated_at: now,
			...(queue.countClaimAsAttempt ? { attempts: eb("attempts", "+", 1) } : {}),
		}))
		.where("id", "=", (eb) =>
			eb
				.selectFrom(queue.table as string)
				.select("id")
				.where((w) =>
					w.or([
						w.and([w("status", "=", queue.waiting), w(queue.due, "<=", now)]),
						w.and([w("status", "=", queue.running), w("lease_until", "<", now)]),
					]),
				)
				.orderBy(queue.due)
				.limit(1)
				.$call((q) => (engine === "postgres" ? q.forUpdate().skipLocked() : q)),
		)
		.returningAll()
		.executeTakeFirst();
	return row as Selectable<Database[T]> | undefined;
}

/**
 * Change a claimed row, only while `owner` still holds its lease (a worker whose lease ran out
 * and was taken over changes nothing). Returns whether it did.
 */
export async function updateLeased<T extends QueueTable>(
	db: Queryable,
	queue: QueueSpec<T>,
	id: string,
	owner: string,
	changes: Updateable<Database[T]>,
): Promise<boolean> {
	return updateLeasedRow(db, queue, id, owner, changes as Updateable<QueueRow>);
}

async function updateLeasedRow(
	db: Queryable,
	queue: QueueSpec<QueueTable>,
	id: string,
	owner: string,
	changes: Updateable<QueueRow>,
): Promise<boolean> {
	const result = await asQueues(db)
		.updateTable(queue.table as string)
		.set(changes)
		.where("id", "=", id)
		.where("lease_owner", "=", owner)
		.where("status", "=", queue.running)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface LeaseHolding {
	/** The lease's length: each renewal moves `lease_until` this far past the clock. */
	leaseMs: number;
	/** The clock the lease is measured on (a test or a caller working at a moved `now` shifts it). */
	now?: () => Date;
	/** A renewal that failed (the database was away); the next one tries again. */
	onError?: (error: unknown) => void;
}

/**
 * Keep a claimed row's lease alive while its worker is: every third of the lease, `lease_until`
 * moves a whole lease past the clock (only while `owner` still holds it). A short lease then
 * means a crashed worker's row is taken over soon, while a long piece of work is never taken
 * from a worker that is alive. Returns the function that stops renewing.
 *
 * @example
 * const release = holdLease(db, JOBS_QUEUE, job.id, owner, { leaseMs: 30_000 });
 * try { await work(); } finally { release(); }
 */
export function holdLease<T extends QueueTable>(
	db: Queryable,
	queue: QueueSpec<T>,
	id: string,
	owner: string,
	holding: LeaseHolding,
): () => void {
	const clock = holding.now ?? (() => new Date());
	const renewal = setInterval(() => {
		const leaseUntil = new Date(clock().getTime() + holding.leaseMs).toISOString();
		updateLeasedRow(db, queue, id, owner, { lease_until: leaseUntil }).catch((error: unknown) =>
			holding.onError?.(error),
		);
	}, holding.leaseMs / 3);
	renewal.unref();
	return () => clearInterval(renewal);
}

/**
 * Delay before the next attempt after `attempts` failed ones: `base`, doubling each time, at most
 * `cap` (all in seconds).
 *
 * @example
 * exponentialBackoff(3, 60, 3600); // 240
 */
export function exponentialBackoff(attempts: number, base: number, cap: number): number {
	return Math.min(base * 2 ** Math.max(0, attempts - 1), cap);
}
