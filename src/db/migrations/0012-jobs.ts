import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The platform scheduler's jobs: a named handler with its JSON payload, a due time and attempts,
 * claimed under a lease like the mail queue (db/claim.ts). `unique_key` names one occurrence of a
 * recurring job (name, tenant, date), so that two processes never create it twice.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("jobs")
		.addColumn("id", "text", (c) => c.primaryKey())
		// Null for instance-wide jobs.
		.addColumn("tenant_id", "text", (c) => c.references("tenants.id"))
		.addColumn("name", "text", (c) => c.notNull())
		// JSON.
		.addColumn("payload", "text", (c) => c.notNull())
		// pending → running → done | failed (back to pending on a retry).
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("due_at", instant, (c) => c.notNull())
		.addColumn("attempts", "integer", (c) => c.notNull())
		.addColumn("max_attempts", "integer", (c) => c.notNull())
		.addColumn("lease_owner", "text")
		.addColumn("lease_until", instant)
		.addColumn("last_error", "text")
		.addColumn("unique_key", "text", (c) => c.unique())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addColumn("finished_at", instant)
		.execute();
	await db.schema.createIndex("jobs_due").on("jobs").columns(["status", "due_at"]).execute();
}
