import { type Kysely, sql } from "kysely";
import type { Engine } from "../connection.ts";

/**
 * A course's reminder days become its own choice: null means the policy pack's default days
 * (`training.reminderDays`). Courses planned before keep the days they were given. SQLite cannot
 * drop a NOT NULL, so the column is copied into a nullable one of the same name.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	if (engine === "postgres") {
		await sql`alter table training_courses alter column remind_days drop not null`.execute(db);
		return;
	}
	await db.schema.alterTable("training_courses").addColumn("remind_days_own", "integer").execute();
	await sql`update training_courses set remind_days_own = remind_days`.execute(db);
	await db.schema.alterTable("training_courses").dropColumn("remind_days").execute();
	await db.schema
		.alterTable("training_courses")
		.renameColumn("remind_days_own", "remind_days")
		.execute();
}
