import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Policy reviews (見直し): one row per review, scheduled by the pack's cadence on the fiscal-year
 * calendar or opened ad hoc; inputs and risk analysis as JSON; the decision once taken.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("policy_reviews")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("trigger", "text", (c) => c.notNull())
		// `FY2026` for the cadence's yearly review, so it is made once; null for ad-hoc reviews.
		.addColumn("schedule_key", "text")
		.addColumn("due_on", "text", (c) => c.notNull())
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("inputs", "text", (c) => c.notNull())
		.addColumn("decision", "text")
		.addColumn("decision_reason", "text")
		.addColumn("decided_by", "text")
		.addColumn("decided_at", instant)
		.addColumn("draft_version_id", "text")
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("policy_reviews_schedule")
		.on("policy_reviews")
		.columns(["tenant_id", "schedule_key"])
		.unique()
		.execute();
	await db.schema
		.createIndex("policy_reviews_tenant_year")
		.on("policy_reviews")
		.columns(["tenant_id", "fiscal_year"])
		.execute();
}
