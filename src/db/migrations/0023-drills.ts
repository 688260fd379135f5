import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Drills (訓練) of the emergency response plan: scheduled, held with their participants and
 * recorded with their lessons (教訓) and follow-ups; the units each drill involves.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("drills")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("title", "text", (c) => c.notNull())
		// What the drill rehearses: the event assumed and what is practised.
		.addColumn("scenario", "text", (c) => c.notNull())
		// planned | held | recorded | cancelled
		.addColumn("state", "text", (c) => c.notNull())
		// Japan dates, YYYY-MM-DD.
		.addColumn("planned_on", "text", (c) => c.notNull())
		.addColumn("held_on", "text")
		// The fiscal year of the held date, or of the planned date until held: the review's year.
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		// How the drill went, recorded with holding it.
		.addColumn("summary", "text")
		// 教訓: what the drill taught; required to record it.
		.addColumn("lessons", "text")
		.addColumn("cancel_reason", "text")
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addColumn("held_at", instant)
		.addColumn("recorded_at", instant)
		.addColumn("cancelled_at", instant)
		.execute();
	// The list, soonest planned first, by fiscal year (the review's input) or by state.
	for (const [name, columns] of [
		["year", ["fiscal_year", "planned_on"]],
		["state", ["state", "planned_on"]],
		["planned", ["planned_on"]],
	] as const) {
		await db.schema
			.createIndex(`drills_tenant_${name}`)
			.on("drills")
			.columns(["tenant_id", ...columns])
			.execute();
	}

	await db.schema
		.createTable("drill_units")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("drill_id", "text", (c) => c.notNull().references("drills.id"))
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addPrimaryKeyConstraint("drill_units_pk", ["drill_id", "org_unit_id"])
		.execute();

	await db.schema
		.createTable("drill_participants")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("drill_id", "text", (c) => c.notNull().references("drills.id"))
		.addColumn("position", "integer", (c) => c.notNull())
		// An account of the tenant, or null for a group named freely (委託事業者, 県の担当).
		.addColumn("account_id", "text", (c) => c.references("accounts.id"))
		// The account's name when it took part, or the free name.
		.addColumn("name", "text", (c) => c.notNull())
		// 1 for an account; how many people a free name stands for.
		.addColumn("headcount", "integer", (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("drill_participants_drill")
		.on("drill_participants")
		.columns(["tenant_id", "drill_id", "position"])
		.execute();

	await db.schema
		.createTable("drill_follow_ups")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("drill_id", "text", (c) => c.notNull().references("drills.id"))
		.addColumn("position", "integer", (c) => c.notNull())
		// What will be done about a lesson.
		.addColumn("measure", "text", (c) => c.notNull())
		// Who does it, as the record names them (a unit, a role, a person).
		.addColumn("responsible", "text")
		// By when, YYYY-MM-DD.
		.addColumn("target_date", "text")
		.execute();
	await db.schema
		.createIndex("drill_follow_ups_drill")
		.on("drill_follow_ups")
		.columns(["tenant_id", "drill_id", "position"])
		.execute();
}
