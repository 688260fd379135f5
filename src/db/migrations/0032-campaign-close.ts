import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Closing a self-inspection campaign: when and by whom it was closed, the reason given when it
 * was closed before its due date had passed, and how many respondents had not submitted then.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	for (const [column, type] of [
		["closed_at", instant],
		["closed_by", "text"],
		["closed_by_label", "text"],
		["close_reason", "text"],
		["unsubmitted_at_close", "integer"],
	] as const) {
		await db.schema.alterTable("assurance_campaigns").addColumn(column, type).execute();
	}
}
