import { sql } from "kysely";
import type { Db } from "./connection.ts";
import { databaseFaults, type FaultReporter } from "./fault-report.ts";

/** How long a database that answered counts as up, unless a fault is reported meanwhile. */
export const HEALTH_PROBE_MAX_AGE_MS = 1000;

/**
 * The database check behind `GET /api/health`: `select 1`, at most once per `maxAgeMs` while it
 * succeeds. A load balancer polling many times a second then costs one query a second, not one
 * per poll. Any database fault reported anywhere in the process (a request, the scheduler, the
 * gateway) ends the grace at once, and a failed check is never kept: the next poll asks again.
 * Concurrent checks share one query.
 *
 * @example
 * const probe = createHealthProbe(db); await probe(); // throws the database's error when down
 */
export function createHealthProbe(
	db: Db,
	options: { maxAgeMs?: number; now?: () => number; faults?: FaultReporter } = {},
): () => Promise<void> | undefined {
	const maxAgeMs = options.maxAgeMs ?? HEALTH_PROBE_MAX_AGE_MS;
	const now = options.now ?? Date.now;
	const faults = options.faults ?? databaseFaults;
	let upAt = Number.NEGATIVE_INFINITY;
	let faultsAtUp = -1;
	let running: Promise<void> | undefined;
	return () => {
		if (now() - upAt < maxAgeMs && faults.count() === faultsAtUp) return undefined;
		if (!running) {
			const startedAt = now();
			const faultsAtStart = faults.count();
			running = sql`select 1`
				.execute(db)
				.then(() => {
					upAt = startedAt;
					faultsAtUp = faultsAtStart;
				})
				.finally(() => {
					running = undefined;
				});
		}
		return running;
	};
}
