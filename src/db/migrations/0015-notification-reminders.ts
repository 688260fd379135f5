import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * The daily reminder sweep asks, for every published version of every tenant, whether anyone was
 * reminded of it today (documents.repository.ts `remindedSince`). Without an index that is a scan
 * of the tenant's notifications, which grow by one per staff member and reminder: 3,000 staff and
 * a reminder a day make a million rows in a year.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	await db.schema
		.createIndex("notifications_kind_link")
		.on("notifications")
		.columns(["tenant_id", "kind", "link", "created_at"])
		.execute();
}
