import { systemActor } from "../../../bootstrap.ts";
import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { deleteExpiredQuarantine } from "./mail-queue.repository.ts";

/**
 * Delete quarantined originals whose retention has ended, in every tenant, and record one audit
 * event per tenant with the count. Message rows and reports stay for the statistics. Run by the
 * gateway periodically and by `mamori gateway purge`.
 *
 * @example
 * const purged = await purgeQuarantine(db); // [{ tenantId, count }]
 */
export function purgeQuarantine(
	db: Db,
	now: Date = new Date(),
): Promise<{ tenantId: string; count: number }[]> {
	return inTransaction(db, async (tx) => {
		const purged = await deleteExpiredQuarantine(tx, now.toISOString());
		for (const { tenantId, count } of purged) {
			await recordAudit(
				tx,
				auditContextOf(systemActor(tenantId, "mail gateway")),
				"mail.quarantine_purged",
				{ count },
			);
		}
		return purged;
	});
}
