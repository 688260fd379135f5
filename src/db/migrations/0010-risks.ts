import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The risk register (リスク管理台帳): one row per risk, scored on the tenant's matrix before and
 * after controls, with its treatment and acceptance; and the risk ↔ asset links.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("risks")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("description", "text", (c) => c.notNull())
		.addColumn("system_name", "text")
		// A threat code of the tenant's pack at the time of writing.
		.addColumn("threat_code", "text", (c) => c.notNull())
		.addColumn("owner_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addColumn("inherent_likelihood", "integer", (c) => c.notNull())
		.addColumn("inherent_impact", "integer", (c) => c.notNull())
		.addColumn("inherent_score", "integer", (c) => c.notNull())
		.addColumn("residual_likelihood", "integer", (c) => c.notNull())
		.addColumn("residual_impact", "integer", (c) => c.notNull())
		.addColumn("residual_score", "integer", (c) => c.notNull())
		.addColumn("existing_controls", "text")
		.addColumn("treatment", "text")
		.addColumn("treatment_plan", "text")
		.addColumn("treatment_owner_id", "text", (c) => c.references("accounts.id"))
		// A Japan calendar date (YYYY-MM-DD), compared as text.
		.addColumn("treatment_due", "text")
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("accepted_by", "text")
		.addColumn("accepted_by_label", "text")
		.addColumn("accepted_at", instant)
		.addColumn("acceptance_reason", "text")
		.addColumn("closed_at", instant)
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_by", "text", (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	// The register's usual views: by unit, by status and due date (the overdue list), by score.
	for (const columns of [
		["owner_unit_id", "updated_at"],
		["status", "treatment_due"],
		["residual_score", "updated_at"],
		["inherent_score", "updated_at"],
	]) {
		await db.schema
			.createIndex(`risks_tenant_${columns[0]}`)
			.on("risks")
			.columns(["tenant_id", ...columns])
			.execute();
	}

	await db.schema
		.createTable("risk_assets")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("risk_id", "text", (c) => c.notNull().references("risks.id"))
		.addColumn("asset_id", "text", (c) => c.notNull().references("assets.id"))
		.addPrimaryKeyConstraint("risk_assets_pk", ["risk_id", "asset_id"])
		.execute();
	await db.schema
		.createIndex("risk_assets_asset")
		.on("risk_assets")
		.columns(["asset_id"])
		.execute();
}
