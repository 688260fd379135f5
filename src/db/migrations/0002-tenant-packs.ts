import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/** The policy pack each tenant runs on, versioned: a new version is a new row, never an edit. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("tenant_packs")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("pack_id", "text", (c) => c.notNull())
		.addColumn("source", "text", (c) => c.notNull())
		.addColumn("content", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addPrimaryKeyConstraint("tenant_packs_pk", ["tenant_id", "version"])
		.execute();
}
