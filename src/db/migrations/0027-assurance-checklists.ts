import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Checklists of assurance (自己点検 and 監査): a tenant's checklists, their versions (a version
 * never changes once saved; an edit is a new version) and each version's items.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("assurance_checklists")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// self_inspection | audit: the same for every version.
		.addColumn("kind", "text", (c) => c.notNull())
		// The latest version's title.
		.addColumn("title", "text", (c) => c.notNull())
		// The bundled checklist it was made from (`saga.self_inspection`), or null for a city's own.
		.addColumn("bundled_id", "text")
		.addColumn("latest_version", "integer", (c) => c.notNull())
		.addColumn("created_by", "text")
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	// A bundled checklist is added to a tenant once (NULLs, a city's own, are distinct).
	await db.schema
		.createIndex("assurance_checklists_bundled")
		.on("assurance_checklists")
		.columns(["tenant_id", "bundled_id"])
		.unique()
		.execute();
	await db.schema
		.createIndex("assurance_checklists_tenant_title")
		.on("assurance_checklists")
		.columns(["tenant_id", "title"])
		.execute();

	await db.schema
		.createTable("assurance_checklist_versions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("checklist_id", "text", (c) => c.notNull().references("assurance_checklists.id"))
		// 1, 2, … per checklist.
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("description", "text")
		// bundled | import
		.addColumn("source", "text", (c) => c.notNull())
		// The bundled checklist's id or the imported file's name.
		.addColumn("source_name", "text")
		.addColumn("item_count", "integer", (c) => c.notNull())
		.addColumn("created_by", "text")
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("assurance_checklist_versions_number")
		.on("assurance_checklist_versions")
		.columns(["checklist_id", "version"])
		.unique()
		.execute();
	await db.schema
		.createIndex("assurance_checklist_versions_tenant")
		.on("assurance_checklist_versions")
		.columns(["tenant_id", "checklist_id", "version"])
		.execute();

	await db.schema
		.createTable("assurance_checklist_items")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("version_id", "text", (c) =>
			c.notNull().references("assurance_checklist_versions.id"),
		)
		// Order in the checklist, from 1.
		.addColumn("position", "integer", (c) => c.notNull())
		// The item's number after the policy's sections (`6(2)-1`, `2.1-3`), unique in its version.
		.addColumn("number", "text", (c) => c.notNull())
		// The 基本方針 clause (`6(2)`) and the 対策基準 chapter (`2.1`) it checks; one at least.
		.addColumn("policy_clause", "text")
		.addColumn("standards_chapter", "text")
		.addColumn("question", "text", (c) => c.notNull())
		// all_staff | manager | system_admin
		.addColumn("answerer", "text", (c) => c.notNull())
		// yes_no_na | level
		.addColumn("scale", "text", (c) => c.notNull())
		// JSON array of the level names, lowest first, for the `level` scale.
		.addColumn("levels", "text")
		.addColumn("required", flag, (c) => c.notNull())
		.addColumn("evidence", "text")
		// A rule or provision of the policy pack (`rule:pc_off_when_leaving`, `provision:freeMail`).
		.addColumn("pack_ref", "text")
		.execute();
	await db.schema
		.createIndex("assurance_checklist_items_number")
		.on("assurance_checklist_items")
		.columns(["version_id", "number"])
		.unique()
		.execute();
	await db.schema
		.createIndex("assurance_checklist_items_version")
		.on("assurance_checklist_items")
		.columns(["tenant_id", "version_id", "position"])
		.execute();
}
