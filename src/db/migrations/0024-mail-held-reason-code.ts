import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * Why a message was held, as a stable code with its parameters (JSON) beside the English
 * `held_reason`, so the mail screens show catalogue text. Rows held before stay null and keep
 * showing their stored words.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
	await db.schema.alterTable("mail_messages").addColumn("held_reason_code", "text").execute();
	await db.schema.alterTable("mail_messages").addColumn("held_reason_params", "text").execute();
}
