import { AsyncLocalStorage } from "node:async_hooks";

/** How many audit events the work running inside `tallyAudits` recorded, by actor id. */
export type AuditTally = Map<string, number>;

const current = new AsyncLocalStorage<AuditTally>();

/**
 * Run `work` counting the audit events it records, so that a caller who must audit a call
 * exactly once (a machine client's call, audited as the client) can tell whether the use case
 * did already. Events of a transaction that rolled back are counted too: check the outcome.
 *
 * @example
 * const { tally } = await tallyAudits(() => next());
 * if (!tally.get(actorId)) await recordTheCall();
 */
export async function tallyAudits<T>(
	work: () => Promise<T>,
): Promise<{ result: T; tally: AuditTally }> {
	const tally: AuditTally = new Map();
	const result = await current.run(tally, work);
	return { result, tally };
}

/** Called by recordAudit: count one event of `actorId` in the running tally, if any. */
export function countAudit(actorId: string | null): void {
	const tally = current.getStore();
	if (tally && actorId) tally.set(actorId, (tally.get(actorId) ?? 0) + 1);
}
