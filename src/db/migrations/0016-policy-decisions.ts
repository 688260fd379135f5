import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * A policy version records who sent it for review (起案者, kept out of the decision when the pack
 * says so) and, on publishing, its 施行日 and the 決裁番号 or 委員会決定日 it was decided by.
 * Calendar dates are `YYYY-MM-DD` text on both engines: they are days in Japan, not instants.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	for (const column of [
		"submitted_by",
		"effective_on",
		"decision_number",
		"committee_decided_on",
	]) {
		await db.schema.alterTable("policy_versions").addColumn(column, "text").execute();
	}
}
