import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * 例外措置: a unit's request to deviate from a clause or rule of the policy for a period, the
 * decision of the pack's approver, and the reminders sent before its end. References are
 * numbered per tenant and fiscal year from a counter row.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("exceptions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// 例外-R8-0001: per tenant and fiscal year of the request.
		.addColumn("reference", "text", (c) => c.notNull())
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		// The unit that asks (and whose 管理者 follow it).
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// The clause or rule deviated from: a policy document's clause (`対策基準 3.2`) or a pack rule.
		.addColumn("clause", "text", (c) => c.notNull())
		// A network rule id when the deviation is from a rule of the three-tier check, else null.
		.addColumn("network_rule", "text")
		.addColumn("deviation", "text", (c) => c.notNull())
		.addColumn("reason", "text", (c) => c.notNull())
		.addColumn("compensating_measures", "text", (c) => c.notNull())
		// JSON arrays: asset ids of the ledger, flow ids and node ids of the network model.
		.addColumn("asset_ids", "text", (c) => c.notNull())
		.addColumn("network_flows", "text", (c) => c.notNull())
		.addColumn("network_nodes", "text", (c) => c.notNull())
		// Japan dates, YYYY-MM-DD, both days included.
		.addColumn("starts_on", "text", (c) => c.notNull())
		.addColumn("ends_on", "text", (c) => c.notNull())
		// requested | approved | refused | withdrawn | lapsed
		.addColumn("state", "text", (c) => c.notNull())
		// The exception this one renews, decided anew.
		.addColumn("renewal_of", "text", (c) => c.references("exceptions.id"))
		.addColumn("decision_reason", "text")
		.addColumn("decided_by", "text")
		.addColumn("decided_by_label", "text")
		// The role the decider acted under (the pack's approver or delegate).
		.addColumn("decided_as", "text")
		.addColumn("decided_at", instant)
		.addColumn("lapsed_at", instant)
		// The end date the last reminder was sent for, so a rerun tells nobody twice.
		.addColumn("reminded_for", "text")
		.addColumn("requested_by", "text", (c) => c.notNull())
		.addColumn("requested_by_label", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("exceptions_tenant_reference")
		.on("exceptions")
		.columns(["tenant_id", "reference"])
		.unique()
		.execute();
	for (const [name, columns] of [
		["state", ["state", "ends_on"]],
		["year", ["fiscal_year", "created_at"]],
		["unit", ["org_unit_id", "created_at"]],
	] as const) {
		await db.schema
			.createIndex(`exceptions_tenant_${name}`)
			.on("exceptions")
			.columns(["tenant_id", ...columns])
			.execute();
	}

	await db.schema
		.createTable("exception_counters")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("last_number", "integer", (c) => c.notNull())
		.addPrimaryKeyConstraint("exception_counters_pk", ["tenant_id", "fiscal_year"])
		.execute();

	// Reminders before the end: one row per person told, shown in the app and mailed by a job.
	await db.schema
		.createTable("exception_notices")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("exception_id", "text", (c) => c.notNull().references("exceptions.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		// expiring | lapsed
		.addColumn("reason", "text", (c) => c.notNull())
		.addColumn("ends_on", "text", (c) => c.notNull())
		.addColumn("notified_at", instant, (c) => c.notNull())
		.addColumn("mail_to", "text")
		.addColumn("mailed_at", instant)
		.execute();
	await db.schema
		.createIndex("exception_notices_account")
		.on("exception_notices")
		.columns(["tenant_id", "account_id", "notified_at"])
		.execute();
	await db.schema
		.createIndex("exception_notices_exception")
		.on("exception_notices")
		.columns(["tenant_id", "exception_id"])
		.execute();
}
