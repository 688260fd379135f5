import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The casework of an incident: the facts the PPC report asks for that the case lacked (原因,
 * 二次被害, 本人への対応, 公表), tasks with an owner and a due date, and evidence files kept in
 * the database with their SHA-256, so a file, its timeline entry and its audit event commit
 * together.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";
	// One column per statement: SQLite adds one column per ALTER TABLE.
	for (const column of ["cause", "secondary_damage", "response_to_people", "public_announcement"]) {
		await db.schema.alterTable("incidents").addColumn(column, "text").execute();
	}

	await db.schema
		.createTable("incident_tasks")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("owner_id", "text", (c) => c.notNull().references("accounts.id"))
		// The Japan date it is due, YYYY-MM-DD.
		.addColumn("due_on", "text", (c) => c.notNull())
		// Set when done, cleared when reopened.
		.addColumn("done_at", instant)
		.addColumn("done_by_label", "text")
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("incident_tasks_case")
		.on("incident_tasks")
		.columns(["incident_id", "due_on"])
		.execute();
	// A person's open tasks (Home's "my work"): by owner, open first, soonest due first.
	await db.schema
		.createIndex("incident_tasks_owner")
		.on("incident_tasks")
		.columns(["tenant_id", "owner_id", "done_at", "due_on"])
		.execute();

	await db.schema
		.createTable("incident_evidence")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		.addColumn("file_name", "text", (c) => c.notNull())
		// Read from the file's first bytes, never from the name the browser sent.
		.addColumn("media_type", "text", (c) => c.notNull())
		.addColumn("size", "integer", (c) => c.notNull())
		.addColumn("sha256", "text", (c) => c.notNull())
		.addColumn("description", "text")
		.addColumn("content", blob, (c) => c.notNull())
		.addColumn("uploaded_by", "text", (c) => c.notNull())
		.addColumn("uploaded_by_label", "text", (c) => c.notNull())
		.addColumn("uploaded_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("incident_evidence_case")
		.on("incident_evidence")
		.columns(["incident_id", "uploaded_at"])
		.execute();
}
