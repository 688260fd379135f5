import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * The ledger's text search counts its matches by reading `search_text` of every asset of the
 * tenant. On SQLite a covering index of (tenant_id, search_text) lets that count read the index
 * instead of the whole rows, about half the work at 100,000 assets. PostgreSQL gains nothing
 * from it (an index-only scan needs a fresh visibility map, which a busy ledger rarely has), so
 * it is not built there.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	if (engine !== "sqlite") return;
	await db.schema
		.createIndex("assets_tenant_search_text")
		.on("assets")
		.columns(["tenant_id", "search_text"])
		.execute();
}
