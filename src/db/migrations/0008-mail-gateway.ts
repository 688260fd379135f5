import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The 無害化 mail gateway: the delivery queue (`mail_messages`), the sealed originals kept for the
 * retention period (`mail_quarantine`), who each message is for (`mail_recipients`), recipients' requests for an original attachment
 * (`mail_release_requests`) and per-tenant gateway settings (`mail_settings`). Blobs live in the
 * database (bytea / blob) so that a message and its original commit together.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";
	await db.schema
		.createTable("mail_messages")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("envelope_from", "text", (c) => c.notNull())
		// JSON array of addresses.
		.addColumn("envelope_to", "text", (c) => c.notNull())
		.addColumn("message_id", "text")
		.addColumn("subject", "text")
		.addColumn("size", "integer", (c) => c.notNull())
		.addColumn("received_at", instant, (c) => c.notNull())
		// queued → delivering → delivered | held | failed (back to queued on a retry).
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("attempts", "integer", (c) => c.notNull())
		.addColumn("next_attempt_at", instant, (c) => c.notNull())
		.addColumn("lease_owner", "text")
		.addColumn("lease_until", instant)
		.addColumn("last_error", "text")
		// SanitizeReport JSON, once the engine has run.
		.addColumn("report", "text")
		.addColumn("held_reason", "text")
		// The harmless message, kept between the engine's run and a successful relay.
		.addColumn("sanitized", blob)
		.addColumn("delivered_at", instant)
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("mail_messages_due")
		.on("mail_messages")
		.columns(["status", "next_attempt_at"])
		.execute();
	await db.schema
		.createIndex("mail_messages_tenant_received")
		.on("mail_messages")
		.columns(["tenant_id", "received_at"])
		.execute();
	// One row per envelope recipient (lower-cased), to find a recipient's and a unit's messages.
	await db.schema
		.createTable("mail_recipients")
		.addColumn("message_id", "text", (c) => c.notNull().references("mail_messages.id"))
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("address", "text", (c) => c.notNull())
		.addPrimaryKeyConstraint("mail_recipients_pk", ["message_id", "address"])
		.execute();
	await db.schema
		.createIndex("mail_recipients_address")
		.on("mail_recipients")
		.columns(["tenant_id", "address"])
		.execute();
	await db.schema
		.createTable("mail_quarantine")
		.addColumn("message_id", "text", (c) => c.primaryKey().references("mail_messages.id"))
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// AES-256-GCM under the instance key (see gateway/sealed-bytes.ts).
		.addColumn("sealed", blob, (c) => c.notNull())
		.addColumn("sha256", "text", (c) => c.notNull())
		.addColumn("stored_at", instant, (c) => c.notNull())
		.addColumn("purge_after", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("mail_quarantine_purge")
		.on("mail_quarantine")
		.columns(["purge_after"])
		.execute();
	await db.schema
		.createTable("mail_release_requests")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("message_id", "text", (c) => c.notNull().references("mail_messages.id"))
		.addColumn("attachment_index", "integer", (c) => c.notNull())
		.addColumn("filename", "text", (c) => c.notNull())
		.addColumn("sha256", "text", (c) => c.notNull())
		.addColumn("category", "text", (c) => c.notNull())
		.addColumn("requested_by", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("recipient", "text", (c) => c.notNull())
		.addColumn("reason", "text", (c) => c.notNull())
		// pending → approved | refused
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("decided_by", "text")
		.addColumn("decision_reason", "text")
		.addColumn("decided_at", instant)
		// as_is | sanitized, once approved; null until then.
		.addColumn("delivery_mode", "text")
		.addColumn("delivered_at", instant)
		// Failed deliveries of an approved file: how many, and when the next try is due.
		.addColumn("delivery_attempts", "integer", (c) => c.notNull().defaultTo(0))
		.addColumn("next_delivery_at", instant)
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("mail_release_requests_tenant_status")
		.on("mail_release_requests")
		.columns(["tenant_id", "status"])
		.execute();
	await db.schema
		.createTable("mail_settings")
		.addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id"))
		.addColumn("retention_days", "integer", (c) => c.notNull())
		// JSON array of TypeCategory released as is on approval.
		.addColumn("release_as_is", "text", (c) => c.notNull())
		// JSON object TypeCategory → AttachmentRule: the tenant's departures from the default
		// policy; null keeps the defaults.
		.addColumn("attachment_rules", "text")
		// JSON object of SanitizeLimits fields that differ from the defaults; null keeps them all.
		.addColumn("limits", "text")
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
}
