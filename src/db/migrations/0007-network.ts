import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The tenant's three-tier network model (三層分離): `network_models` holds the current document
 * (one row per tenant, its revision bumped on every save); `network_model_revisions` keeps every
 * saved revision, so each change can be traced to who saved what, when, and how.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("network_models")
		.addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id"))
		.addColumn("revision", "integer", (c) => c.notNull())
		.addColumn("content", "text", (c) => c.notNull())
		.addColumn("updated_by", "text", (c) => c.notNull())
		.addColumn("updated_by_label", "text", (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createTable("network_model_revisions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("revision", "integer", (c) => c.notNull())
		// `edit`, `import` (a model file) or `firewall_import` (flows from a firewall export).
		.addColumn("source", "text", (c) => c.notNull())
		.addColumn("content", "text", (c) => c.notNull())
		.addColumn("saved_by", "text", (c) => c.notNull())
		.addColumn("saved_by_label", "text", (c) => c.notNull())
		.addColumn("saved_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("network_model_revisions_tenant_revision")
		.on("network_model_revisions")
		.columns(["tenant_id", "revision"])
		.unique()
		.execute();
}
