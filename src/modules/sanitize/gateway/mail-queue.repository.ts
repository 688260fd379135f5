import { claimDue, type QueueSpec, updateLeased } from "../../../db/claim.ts";
import type { Engine } from "../../../db/connection.ts";
import type { Queryable } from "../../../db/queryable.ts";
import type {
	MailMessageTable,
	MailQuarantineTable,
	MailSettingsTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";

/** SQL of the gateway queue and quarantine; no rules. */

export type MailMessageRow = MailMessageTable;
export type QueuedStatus = "queued" | "delivering" | "delivered" | "held" | "failed";

export async function insertQueuedMessage(
	tx: Tx,
	message: MailMessageRow,
	quarantine: MailQuarantineTable,
): Promise<void> {
	await tx.insertInto("mail_messages").values(message).execute();
	const addresses = [
		...new Set((JSON.parse(message.envelope_to) as string[]).map((a) => a.toLowerCase())),
	];
	if (addresses.length > 0) {
		await tx
			.insertInto("mail_recipients")
			.values(
				addresses.map((address) => ({
					message_id: message.id,
					tenant_id: message.tenant_id,
					address,
				})),
			)
			.execute();
	}
	await tx.insertInto("mail_quarantine").values(quarantine).execute();
}

/**
 * Free a dedup key held by a message received before `windowStart`, so that a new message with
 * the same key is stored rather than taken for a retry.
 */
export async function releaseDedupKey(
	tx: Tx,
	tenantId: string,
	key: string,
	windowStart: string,
): Promise<void> {
	await tx
		.updateTable("mail_messages")
		.set({ dedup_key: null })
		.where("tenant_id", "=", tenantId)
		.where("dedup_key", "=", key)
		.where("received_at", "<", windowStart)
		.execute();
}

/**
 * The message holding a dedup key, with one more retry counted on it; undefined when no message
 * holds the key.
 */
export async function countDuplicate(
	tx: Tx,
	tenantId: string,
	key: string,
): Promise<string | undefined> {
	const row = await tx
		.updateTable("mail_messages")
		.set((eb) => ({ duplicates: eb("duplicates", "+", 1) }))
		.where("tenant_id", "=", tenantId)
		.where("dedup_key", "=", key)
		.returning("id")
		.executeTakeFirst();
	return row?.id;
}

/** The gateway's queue as the shared claim mechanism sees it (see db/claim.ts). */
export const MAIL_QUEUE: QueueSpec<"mail_messages"> = {
	table: "mail_messages",
	waiting: "queued",
	running: "delivering",
	due: "next_attempt_at",
};

/**
 * Take one due job: a queued message whose time has come, or one whose worker's lease ran out (it
 * crashed mid-delivery), through the shared claim (`FOR UPDATE SKIP LOCKED` on PostgreSQL).
 */
export function claimDueMessage(
	tx: Tx,
	engine: Engine,
	owner: string,
	now: string,
	leaseUntil: string,
): Promise<MailMessageRow | undefined> {
	return claimDue(tx, engine, MAIL_QUEUE, owner, now, leaseUntil);
}

/** Change a claimed message, only while `owner` still holds its lease. Returns whether it did. */
export function updateLeasedMessage(
	db: Queryable,
	id: string,
	owner: string,
	changes: Partial<Omit<MailMessageRow, "id" | "tenant_id">>,
): Promise<boolean> {
	return updateLeased(db, MAIL_QUEUE, id, owner, changes);
}

/** Messages waiting for delivery (queued or being delivered), across tenants. */
export async function countBacklog(db: Queryable): Promise<number> {
	const row = await db
		.selectFrom("mail_messages")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("status", "in", ["queued", "delivering"])
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export function findMailMessage(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("mail_messages")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findQuarantined(db: Queryable, tenantId: string, messageId: string) {
	return db
		.selectFrom("mail_quarantine")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("message_id", "=", messageId)
		.executeTakeFirst();
}

/** Delete originals past their retention; returns the tenants and counts purged. */
export async function deleteExpiredQuarantine(
	tx: Tx,
	now: string,
): Promise<{ tenantId: string; count: number }[]> {
	const rows = await tx
		.deleteFrom("mail_quarantine")
		.where("purge_after", "<=", now)
		.returning(["tenant_id", "message_id"])
		.execute();
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row.tenant_id, (counts.get(row.tenant_id) ?? 0) + 1);
	return [...counts].map(([tenantId, count]) => ({ tenantId, count }));
}

export function findMailSettings(
	db: Queryable,
	tenantId: string,
): Promise<MailSettingsTable | undefined> {
	return db
		.selectFrom("mail_settings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.executeTakeFirst();
}

export async function upsertMailSettings(tx: Tx, row: MailSettingsTable): Promise<void> {
	await tx.deleteFrom("mail_settings").where("tenant_id", "=", row.tenant_id).execute();
	await tx.insertInto("mail_settings").values(row).execute();
}
