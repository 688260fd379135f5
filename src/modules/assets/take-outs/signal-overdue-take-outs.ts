import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { japanDate } from "../../../shared/dates.ts";
import { emitWebhookEvent } from "../../webhooks/emit-webhook-event.ts";
import { overdueTakeOuts } from "./take-outs.repository.ts";

/** The daily sweep of overdue take-outs; declared in take-outs.jobs.ts. */
export const OVERDUE_TAKE_OUTS_JOB = "assets.take-outs-overdue";

/**
 * The daily sweep of one tenant: each approved take-out past its return date is told to the
 * webhook subscribers once per return date (the list in the app shows it overdue already).
 * Returns how many were newly signalled.
 *
 * @example
 * await signalOverdueTakeOuts(runtime, tenant.id, new Date());
 */
export async function signalOverdueTakeOuts(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<number> {
	const rows = await overdueTakeOuts(deps.db, tenantId, japanDate(now));
	let signalled = 0;
	for (const row of rows) {
		const data = { takeOutId: row.id, assetId: row.asset_id, untilDate: row.until_date };
		const dedupeKey = `take_out.overdue:${row.id}:${row.until_date}`;
		const queued = await inTransaction(deps.db, (tx) =>
			emitWebhookEvent(tx, tenantId, "take_out.overdue", data, { dedupeKey, at: now }),
		);
		if (queued > 0) signalled += 1;
	}
	return signalled;
}
