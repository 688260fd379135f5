import { type Kysely, sql } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * The month's flags of the entry log are read through an index of the flagged entries only
 * (about one stay in a hundred) instead of one over every stay: a card reader's import writes
 * the index for the few flagged rows instead of all of them. The query names the same
 * predicate (`where flagged`), so both engines use it.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	await db.schema.dropIndex("secure_area_entries_flagged").execute();
	await sql`create index secure_area_entries_flagged on secure_area_entries (tenant_id, entry_day) where flagged`.execute(
		db,
	);
}
