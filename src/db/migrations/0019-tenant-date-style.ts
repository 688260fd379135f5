import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * How the tenant writes dates on screen, in exports and PDFs: `wareki` (令和8年12月8日), as the
 * policy documents of Japanese municipalities do, or `seireki` (2026年12月8日). A tenant setting,
 * changed by its administrator; existing tenants start with 和暦.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	await db.schema
		.alterTable("tenants")
		.addColumn("date_style", "text", (c) => c.notNull().defaultTo("wareki"))
		.execute();
}
