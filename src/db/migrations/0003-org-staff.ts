import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/** Staff (every member is an account) and the roster imports of personnel transfers. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("staff")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("account_id", "text", (c) => c.notNull().unique().references("accounts.id"))
		.addColumn("staff_number", "text", (c) => c.notNull())
		.addColumn("category", "text", (c) => c.notNull())
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addColumn("title", "text")
		.addColumn("active", flag, (c) => c.notNull())
		.addColumn("left_at", instant)
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addUniqueConstraint("staff_tenant_number", ["tenant_id", "staff_number"])
		.execute();
	await db.schema.createIndex("staff_org_unit").on("staff").column("org_unit_id").execute();

	await db.schema
		.createTable("roster_imports")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("file_name", "text", (c) => c.notNull())
		.addColumn("sha256", "text", (c) => c.notNull())
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("plan", "text", (c) => c.notNull())
		.addColumn("state_hash", "text", (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("applied_at", instant)
		.addColumn("passwords", "text")
		.execute();
}
