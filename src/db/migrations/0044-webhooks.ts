import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Webhooks: the tenant administrator's subscriptions of URLs to events, the outbox of events
 * that the emitting modules write in the transaction of their change, and one delivery per event
 * and subscription with its outcome (sent by the scheduler's job `webhooks.deliver`).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("webhook_subscriptions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("url", "text", (c) => c.notNull())
		.addColumn("description", "text", (c) => c.notNull())
		// JSON array of event types (incident.opened, …).
		.addColumn("event_types", "text", (c) => c.notNull())
		// The signing secret (whsec_…), sealed with the instance's secret key; shown once.
		.addColumn("secret_sealed", "text", (c) => c.notNull())
		.addColumn("enabled", flag, (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_by_label", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		// Removed subscriptions are kept (their deliveries refer to them), never sent to again.
		.addColumn("deleted_at", instant)
		.execute();
	await db.schema
		.createIndex("webhook_subscriptions_tenant")
		.on("webhook_subscriptions")
		.columns(["tenant_id", "created_at"])
		.execute();

	await db.schema
		.createTable("webhook_events")
		// The webhook-id header: the same on every attempt and every subscription.
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("type", "text", (c) => c.notNull())
		// The JSON body as sent (payload format version 1, docs/webhooks.md).
		.addColumn("body", "text", (c) => c.notNull())
		// Names the occurrence when a sweep may see it again (take-out overdue): emitted once.
		.addColumn("dedupe_key", "text")
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("webhook_events_dedupe")
		.on("webhook_events")
		.columns(["tenant_id", "dedupe_key"])
		.unique()
		.execute();

	await db.schema
		.createTable("webhook_deliveries")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("subscription_id", "text", (c) => c.notNull().references("webhook_subscriptions.id"))
		.addColumn("event_id", "text", (c) => c.notNull().references("webhook_events.id"))
		.addColumn("event_type", "text", (c) => c.notNull())
		// pending | delivered | failed
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("attempts", "integer", (c) => c.notNull())
		.addColumn("max_attempts", "integer", (c) => c.notNull())
		// The receiver's last HTTP status, null when none answered.
		.addColumn("last_status", "integer")
		.addColumn("last_error", "text")
		.addColumn("next_attempt_at", instant)
		.addColumn("delivered_at", instant)
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("webhook_deliveries_tenant")
		.on("webhook_deliveries")
		.columns(["tenant_id", "created_at"])
		.execute();
	await db.schema
		.createIndex("webhook_deliveries_subscription")
		.on("webhook_deliveries")
		.columns(["tenant_id", "subscription_id", "created_at"])
		.execute();
}
