import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Secure areas (管理区域): the areas with their level and manager, the staff allowed to enter
 * (until a date), the entry/exit log (recorded in the app or imported from a card reader), and
 * which ledger assets sit in which area.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("secure_areas")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The code the card reader's export names the area by (e.g. SR-1).
		.addColumn("code", "text", (c) => c.notNull())
		.addColumn("name", "text", (c) => c.notNull())
		// A `secureAreaLevel` code of the shared vocabulary.
		.addColumn("level", "text", (c) => c.notNull())
		.addColumn("location", "text", (c) => c.notNull())
		// The area's manager (管理区域の管理者): a member of the staff roster.
		.addColumn("manager_staff_id", "text", (c) => c.notNull().references("staff.id"))
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addUniqueConstraint("secure_areas_tenant_code", ["tenant_id", "code"])
		.execute();

	await db.schema
		.createTable("secure_area_permits")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("area_id", "text", (c) => c.notNull().references("secure_areas.id"))
		.addColumn("staff_id", "text", (c) => c.notNull().references("staff.id"))
		// Japan date, inclusive: the last day the person may enter.
		.addColumn("until_on", "text", (c) => c.notNull())
		.addColumn("granted_by", "text", (c) => c.notNull())
		.addColumn("granted_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addUniqueConstraint("secure_area_permits_person", ["area_id", "staff_id"])
		.execute();

	await db.schema
		.createTable("secure_area_entries")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("area_id", "text", (c) => c.notNull().references("secure_areas.id"))
		// Staff entering on their own card; null for a visitor.
		.addColumn("staff_id", "text")
		.addColumn("visitor_name", "text")
		.addColumn("visitor_organisation", "text")
		// The allowed member of staff accompanying a visitor.
		.addColumn("escort_staff_id", "text")
		// Who it is, for the natural key: `staff:<id>` or `visitor:<name>`.
		.addColumn("person_key", "text", (c) => c.notNull())
		.addColumn("entered_at", instant, (c) => c.notNull())
		.addColumn("exited_at", instant)
		// The Japan date of the entry: a day's log and a month's flags are read by it.
		.addColumn("entry_day", "text", (c) => c.notNull())
		// not_permitted | permit_expired | escort_not_permitted, judged against the permits in
		// force when the entry was recorded; null when allowed.
		.addColumn("refusal", "text")
		// Whether the entry needs a look: a refusal, or no exit yet. Kept on every write so the
		// month's flags are read through one index.
		.addColumn("flagged", flag, (c) => c.notNull())
		// app | card_reader
		.addColumn("source", "text", (c) => c.notNull())
		.addColumn("recorded_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	// A day's log in order of entry, and the stays an import finds already logged (by day, then
	// entry time): with `entered_at` last, SQLite neither sorts nor picks another index. The
	// natural key (area, entry time, person) is kept by the import, not by a unique index: one
	// index fewer to write for every stay.
	await db.schema
		.createIndex("secure_area_entries_day")
		.on("secure_area_entries")
		.columns(["tenant_id", "area_id", "entry_day", "entered_at"])
		.execute();
	await db.schema
		.createIndex("secure_area_entries_flagged")
		.on("secure_area_entries")
		.columns(["tenant_id", "flagged", "entry_day"])
		.execute();

	await db.schema
		.createTable("secure_area_assets")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// A ledger asset sits in one area at a time.
		.addColumn("asset_id", "text", (c) => c.notNull().references("assets.id"))
		.addColumn("area_id", "text", (c) => c.notNull().references("secure_areas.id"))
		.addColumn("located_by", "text", (c) => c.notNull())
		.addColumn("located_at", instant, (c) => c.notNull())
		.addPrimaryKeyConstraint("secure_area_assets_pk", ["tenant_id", "asset_id"])
		.execute();
	await db.schema
		.createIndex("secure_area_assets_area")
		.on("secure_area_assets")
		.columns(["tenant_id", "area_id"])
		.execute();
}
