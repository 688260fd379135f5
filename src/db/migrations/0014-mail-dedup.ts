import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * Each mail accepted once: a sender that retries a message the gateway already stored (it never
 * saw the 250) gets 250 again and nothing new is queued. `body_hash` is the SHA-256 of the body
 * after the header block; `dedup_key` combines it with the normalised Message-ID (or the Date)
 * and the envelope (gateway/dedup-key.ts). The unique index on (tenant, key) makes two
 * concurrent deliveries of one message store one row; a key is held for 24 hours, then released
 * (set to null) by the next message that has it. `duplicates` counts the retries answered so.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	await db.schema.alterTable("mail_messages").addColumn("body_hash", "text").execute();
	await db.schema.alterTable("mail_messages").addColumn("dedup_key", "text").execute();
	await db.schema
		.alterTable("mail_messages")
		.addColumn("duplicates", "integer", (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex("mail_messages_dedup")
		.on("mail_messages")
		.columns(["tenant_id", "dedup_key"])
		.unique()
		.execute();
}
