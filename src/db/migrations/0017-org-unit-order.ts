import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * Org units carry the city's display order (行政組織規則 order), so lists follow the city's own
 * order rather than its codes; units of earlier versions start at 0 and sort by code among equals.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	await db.schema
		.alterTable("org_units")
		.addColumn("display_order", "integer", (c) => c.notNull().defaultTo(0))
		.execute();
}
