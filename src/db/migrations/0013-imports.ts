import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The platform's import pipeline: one row per file a user asked to apply, run as a job of the
 * scheduler. It holds the uploaded file until the run ends, the rows checked and written so far,
 * and the module's report (JSON) or the failure's problem code. A roster applied as a job shows
 * its one-time passwords once when it ends: `passwords_shown_at` records that (the CSV download
 * stays once too).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";
	await db.schema
		.createTable("imports")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The module's import, e.g. `assets.ledger`.
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("job_id", "text", (c) => c.notNull())
		// queued → running → done | refused | failed
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("file_name", "text", (c) => c.notNull())
		// Cleared when the run ends.
		.addColumn("file", blob)
		// JSON: the module's options and the requesting actor.
		.addColumn("options", "text", (c) => c.notNull())
		.addColumn("actor", "text", (c) => c.notNull())
		.addColumn("rows_checked", "integer", (c) => c.notNull())
		.addColumn("rows_written", "integer", (c) => c.notNull())
		// JSON report of the module; null until the run ends (and for a failure).
		.addColumn("result", "text")
		.addColumn("error_code", "text")
		.addColumn("error_detail", "text")
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("started_at", instant)
		.addColumn("finished_at", instant)
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("imports_tenant")
		.on("imports")
		.columns(["tenant_id", "created_at"])
		.execute();
	await db.schema.alterTable("roster_imports").addColumn("passwords_shown_at", instant).execute();
}
