import { Problem } from "../shared/problem.ts";
import { classifyDatabaseFault, type DatabaseFault, type DatabaseFaultKind } from "./errors.ts";

/** What an operator reads, per kind of fault: one line a minute, not one stack per request. */
const OPERATOR_TEXT: Record<DatabaseFaultKind, string> = {
	database_unavailable: "the database is unreachable; requests get 503 until it is back",
	database_busy: "the database stayed locked past its wait time; requests get 503",
	storage_full: "the database's storage is full; writes get 507 until space is freed",
};

export interface FaultReporter {
	/** Log `fault` unless the same kind was logged within the interval; counts what it held back. */
	report(fault: DatabaseFault, where: string): void;
	/** How many faults were reported so far, logged or held back: moves on every fault. */
	count(): number;
}

/**
 * A rate-limited log of database faults: the first of each kind is logged with its real cause,
 * later ones within `intervalMs` are only counted and the count goes with the next line.
 *
 * @example
 * const reporter = createFaultReporter({ intervalMs: 60_000 });
 * reporter.report(fault, "POST /api/org/units");
 */
export function createFaultReporter(
	options: { intervalMs?: number; log?: (line: string) => void; now?: () => number } = {},
): FaultReporter {
	const intervalMs = options.intervalMs ?? 60_000;
	const now = options.now ?? Date.now;
	const last = new Map<DatabaseFaultKind, { at: number; held: number }>();
	let reported = 0;
	return {
		count: () => reported,
		report(fault, where) {
			reported++;
			const log = options.log ?? console.error;
			const seen = last.get(fault.kind);
			const at = now();
			if (seen && at - seen.at < intervalMs) {
				seen.held++;
				return;
			}
			const held = seen?.held ? ` (${seen.held} more since the last report)` : "";
			log(
				`Mamori database fault ${fault.kind}: ${OPERATOR_TEXT[fault.kind]}. Cause: ${fault.cause} [${where}]${held}. ` +
					`Further reports of ${fault.kind} are held back for ${Math.round(intervalMs / 1000)} s.`,
			);
			last.set(fault.kind, { at, held: 0 });
		},
	};
}

/** The process's reporter: every part of Mamori logs database faults through this one. */
export const databaseFaults: FaultReporter = createFaultReporter();

/**
 * The `Problem` for an error that is a database fault (logged, rate-limited), or `undefined` for
 * any other error, which the caller handles as it did.
 *
 * @example
 * const problem = databaseFaultProblem(error, "POST /api/assets"); if (problem) return problem;
 */
export function databaseFaultProblem(
	error: unknown,
	where: string,
	reporter: FaultReporter = databaseFaults,
): Problem | undefined {
	const fault = classifyDatabaseFault(error);
	if (!fault) return undefined;
	reporter.report(fault, where);
	return new Problem(fault.kind, USER_TEXT[fault.kind], {
		retryAfterSeconds: fault.retryAfterSeconds,
	});
}

const USER_TEXT: Record<DatabaseFaultKind, string> = {
	database_unavailable: "the database is unavailable; nothing was saved; try again shortly",
	database_busy: "the database is busy with other work; nothing was saved; try again shortly",
	storage_full: "the server's storage is full; nothing was saved; tell the administrator",
};

/**
 * Log `error` once a minute through `reporter` when it is a database fault, else in full with
 * `fallback`; for background work (the gateway's beats, timers) that has no caller to answer.
 *
 * @example
 * purge().catch((error) => logBackgroundError(error, "mail gateway purge"));
 */
export function logBackgroundError(
	error: unknown,
	where: string,
	fallback: (line: string) => void = console.error,
	reporter: FaultReporter = databaseFaults,
): void {
	const fault = classifyDatabaseFault(error);
	if (fault) reporter.report(fault, where);
	else fallback(`${where}: ${String(error)}`);
}
