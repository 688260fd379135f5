import type { Queryable } from "../../../db/queryable.ts";
import type { MailReleaseRequestTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";

export type ReleaseRequestRow = MailReleaseRequestTable;

export async function insertReleaseRequest(tx: Tx, row: ReleaseRequestRow): Promise<void> {
	await tx.insertInto("mail_release_requests").values(row).execute();
}

export function findReleaseRequest(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("mail_release_requests")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function releaseRequestsOfMessage(db: Queryable, tenantId: string, messageId: string) {
	return db
		.selectFrom("mail_release_requests")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("message_id", "=", messageId)
		.orderBy("created_at")
		.execute();
}

/** Requests of the tenant, newest first, optionally by status. */
export function listReleaseRequests(db: Queryable, tenantId: string, status?: string) {
	let query = db
		.selectFrom("mail_release_requests")
		.innerJoin("mail_messages", "mail_messages.id", "mail_release_requests.message_id")
		.selectAll("mail_release_requests")
		.select(["mail_messages.subject", "mail_messages.envelope_from"])
		.where("mail_release_requests.tenant_id", "=", tenantId);
	if (status) query = query.where("mail_release_requests.status", "=", status);
	return query.orderBy("mail_release_requests.created_at", "desc").limit(500).execute();
}

/** Decide a pending request; false when it was no longer pending. */
export async function decideReleaseRow(
	tx: Tx,
	tenantId: string,
	id: string,
	changes: Pick<
		ReleaseRequestRow,
		"status" | "decided_by" | "decision_reason" | "decided_at" | "delivery_mode"
	>,
): Promise<boolean> {
	const result = await tx
		.updateTable("mail_release_requests")
		.set(changes)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("status", "=", "pending")
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function markReleaseDelivered(tx: Tx, tenantId: string, id: string, at: string) {
	await tx
		.updateTable("mail_release_requests")
		.set({ delivered_at: at, next_delivery_at: null })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/**
 * Take one delivery attempt of an approved, undelivered request: count it and set when the next
 * is due (null: none), only if no one else took this attempt first. Returns whether it did.
 */
export async function claimDeliveryAttempt(
	db: Queryable,
	tenantId: string,
	id: string,
	seenAttempts: number,
	nextDeliveryAt: string | null,
): Promise<boolean> {
	const result = await db
		.updateTable("mail_release_requests")
		.set({ delivery_attempts: seenAttempts + 1, next_delivery_at: nextDeliveryAt })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("status", "=", "approved")
		.where("delivered_at", "is", null)
		.where("delivery_attempts", "=", seenAttempts)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Approved requests not yet delivered whose next attempt is due, across tenants, oldest first. */
export function dueReleaseDeliveries(db: Queryable, now: string, maxAttempts: number, limit = 20) {
	return db
		.selectFrom("mail_release_requests")
		.selectAll()
		.where("status", "=", "approved")
		.where("delivered_at", "is", null)
		.where("delivery_attempts", "<", maxAttempts)
		.where((w) => w.or([w("next_delivery_at", "is", null), w("next_delivery_at", "<=", now)]))
		.orderBy("decided_at")
		.limit(limit)
		.execute();
}
