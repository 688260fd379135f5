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
 * Take one due job: a queued message whose time has come, or one whose worker's lease ran out (it
 * crashed mid-delivery). On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several workers claim side by
 * side without ever taking the same row; on SQLite the single statement runs inside
 * `BEGIN IMMEDIATE`, which serialises claimers across processes.
 */
export function claimDueMessage(
	tx: Tx,
	engine: Engine,
	owner: string,
	now: string,
	leaseUntil: string,
): Promise<MailMessageRow | undefined> {
	return tx
		.updateTable("mail_messages")
		.set({ status: "delivering", lease_owner: owner, lease_until: leaseUntil, updated_at: now })
		.where("id", "=", (eb) =>
			eb
				.selectFrom("mail_messages")
				.select("id")
				.where((w) =>
					w.or([
						w.and([w("status", "=", "queued"), w("next_attempt_at", "<=", now)]),
						w.and([w("status", "=", "delivering"), w("lease_until", "<", now)]),
					]),
				)
				.orderBy("next_attempt_at")
				.limit(1)
				.$call((q) => (engine === "postgres" ? q.forUpdate().skipLocked() : q)),
		)
		.returningAll()
		.executeTakeFirst();
}

/** Change a claimed message, only while `owner` still holds its lease. Returns whether it did. */
export async function updateLeasedMessage(
	db: Queryable,
	id: string,
	owner: string,
	changes: Partial<Omit<MailMessageRow, "id" | "tenant_id">>,
): Promise<boolean> {
	const result = await db
		.updateTable("mail_messages")
		.set(changes)
		.where("id", "=", id)
		.where("lease_owner", "=", owner)
		.where("status", "=", "delivering")
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
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
