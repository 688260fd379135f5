import { systemActor } from "../../bootstrap.ts";
import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { deleteSettledDeliveries } from "./webhooks.repository.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The scheduler's daily job that deletes old deliveries; declared in webhooks.jobs.ts. */
export const PURGE_JOB = "webhooks.purge-deliveries";

/**
 * Delete a tenant's delivered and failed deliveries queued more than `retentionDays` ago
 * (`MAMORI_WEBHOOK_DELIVERY_RETENTION_DAYS`), with one audit event naming the count when any
 * went. Pending deliveries are kept. Returns the count.
 *
 * @example
 * await purgeOldDeliveries(db, tenantId, 90); // 12
 */
export function purgeOldDeliveries(
	db: Db,
	tenantId: string,
	retentionDays: number,
	now: Date = new Date(),
): Promise<number> {
	const before = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
	return inTransaction(db, async (tx) => {
		const count = await deleteSettledDeliveries(tx, tenantId, before);
		if (count > 0) {
			await recordAudit(
				tx,
				auditContextOf(systemActor(tenantId, "webhooks")),
				"webhook.deliveries_purged",
				{ count, retentionDays },
			);
		}
		return count;
	});
}
