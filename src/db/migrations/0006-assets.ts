import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The information-asset ledger (情報資産管理台帳): one row per asset, classified in one scheme of
 * the tenant's pack, and the history of every classification change with its reason.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("assets")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The municipality's own asset ID (資産番号), unique within the tenant.
		.addColumn("code", "text", (c) => c.notNull())
		.addColumn("name", "text", (c) => c.notNull())
		.addColumn("search_text", "text", (c) => c.notNull())
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("owner_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addColumn("manager_name", "text")
		.addColumn("location", "text")
		.addColumn("zone", "text", (c) => c.notNull())
		.addColumn("scheme", "text", (c) => c.notNull())
		// Level codes in axis order, e.g. `II` or `C3/I2/A2`; `class_rank` sorts strictest first.
		.addColumn("class_key", "text", (c) => c.notNull())
		.addColumn("class_rank", "integer", (c) => c.notNull())
		.addColumn("personal_data", "text", (c) => c.notNull())
		.addColumn("retention", "text")
		.addColumn("lifecycle", "text", (c) => c.notNull())
		.addColumn("related_system", "text")
		.addColumn("notes", "text")
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_by", "text", (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("assets_tenant_code")
		.on("assets")
		.columns(["tenant_id", "code"])
		.unique()
		.execute();
	// The ledger's usual views: by unit, by name, by class, by last change, and each filter in
	// code order (the default sort), so a filtered page and its count read one index range.
	const columns = ["owner_unit_id", "name", "class_rank", "updated_at", "zone", "kind"];
	for (const column of [...columns, "class_key", "personal_data", "lifecycle"]) {
		await db.schema
			.createIndex(`assets_tenant_${column}`)
			.on("assets")
			.columns(["tenant_id", column, "code"])
			.execute();
	}
	// The tier's assets by name: what a network review asks for.
	await db.schema
		.createIndex("assets_tenant_zone_name")
		.on("assets")
		.columns(["tenant_id", "zone", "name", "code"])
		.execute();

	await db.schema
		.createTable("asset_classification_changes")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("asset_id", "text", (c) => c.notNull().references("assets.id"))
		.addColumn("scheme", "text", (c) => c.notNull())
		.addColumn("from_key", "text")
		.addColumn("to_key", "text", (c) => c.notNull())
		.addColumn("reason", "text", (c) => c.notNull())
		.addColumn("changed_by", "text", (c) => c.notNull())
		.addColumn("changed_by_label", "text", (c) => c.notNull())
		.addColumn("changed_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("asset_classification_changes_asset")
		.on("asset_classification_changes")
		.columns(["asset_id", "changed_at"])
		.execute();
}
