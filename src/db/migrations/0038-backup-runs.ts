import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Scheduled backups and restore drills of the instance (not of a tenant): when each ran, whether
 * it succeeded, where the backup is and how large, or why it failed. Home reads the last good one.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("backup_runs")
		.addColumn("id", "text", (c) => c.primaryKey())
		// backup | drill
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("started_at", instant, (c) => c.notNull())
		.addColumn("finished_at", instant, (c) => c.notNull())
		.addColumn("ok", flag, (c) => c.notNull())
		// The backup directory written (backup) or restored and checked (drill).
		.addColumn("location", "text", (c) => c.notNull())
		.addColumn("bytes", "bigint")
		// Why it failed, or what the drill found; null when there is nothing to say.
		.addColumn("detail", "text")
		.execute();
	await db.schema
		.createIndex("backup_runs_kind_ok")
		.on("backup_runs")
		.columns(["kind", "ok", "finished_at"])
		.execute();
}
