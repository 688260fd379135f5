import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The reporting chain of incident response: one row per person told of a case (by the chain on
 * triage or a raise of severity, by the escalation to the CISO, or by a reminder of a legal
 * report due), when they were told, whether a mail went out, and when they acknowledged.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("incident_notifications")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		// The role the person was told as (section_manager, ciso, csirt…).
		.addColumn("role", "text", (c) => c.notNull())
		// The unit through which a per-unit role was found; null for tenant-wide roles.
		.addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
		// triage | severity_raised | units_changed | escalation | deadline
		.addColumn("reason", "text", (c) => c.notNull())
		// The case's severity when the person was told.
		.addColumn("severity", "integer")
		// What a deadline reminder is about: `<obligation code>:<preliminary|final>`.
		.addColumn("subject", "text")
		// JSON: the facts the mail names (due date, hours waited).
		.addColumn("detail", "text", (c) => c.notNull())
		.addColumn("notified_at", instant, (c) => c.notNull())
		.addColumn("acknowledged_at", instant)
		// The address the mail went to (null: the account has none), and when it was accepted.
		.addColumn("mail_to", "text")
		.addColumn("mailed_at", instant)
		.execute();
	// What waits for a person: their notifications not yet acknowledged (Home, the list).
	await db.schema
		.createIndex("incident_notifications_account")
		.on("incident_notifications")
		.columns(["tenant_id", "account_id", "acknowledged_at"])
		.execute();
	// A case's chain in order; escalation and the daily reminders ask it per case.
	await db.schema
		.createIndex("incident_notifications_case")
		.on("incident_notifications")
		.columns(["incident_id", "notified_at"])
		.execute();
}
