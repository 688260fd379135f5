import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * The days a tenant gives itself for the preliminary report (速報) of a personal-data leak. The
 * law says "promptly" and practice aims for 3–5 days; the pack states its aim, and a tenant may
 * set its own. Null: the pack's aim. Changed by the tenant's administrator, like the date style.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	await db.schema.alterTable("tenants").addColumn("incident_preliminary_days", "integer").execute();
}
