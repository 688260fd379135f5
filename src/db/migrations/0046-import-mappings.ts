import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Saved column mappings (docs/column-mapping.md): per tenant, import and source (the city's
 * name for where its files come from), the mapping document that reads that source's layout.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("import_mappings")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The import it reads for: `assets.ledger`, `contracts.contracts`, …
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("source", "text", (c) => c.notNull())
		// The mapping document (version 1), as JSON.
		.addColumn("mapping", "text", (c) => c.notNull())
		.addColumn("updated_by", "text", (c) => c.notNull())
		.addColumn("updated_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("import_mappings_source")
		.on("import_mappings")
		.columns(["tenant_id", "kind", "source"])
		.unique()
		.execute();
}
