import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Audit fieldwork (監査の実施): what the auditors found, per audited unit and item of the audit's
 * checklist version, with their note (監査所見) and evidence files kept with their SHA-256. A
 * result answered いいえ may be raised as a finding of the register; the finding's id is kept on
 * the result (an id of the findings module, opaque here).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";

	await db.schema
		.createTable("assurance_audit_results")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("audit_id", "text", (c) => c.notNull().references("assurance_audits.id"))
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// An item of the audit's checklist version (the checklists module's id, kept opaque).
		.addColumn("item_id", "text", (c) => c.notNull())
		.addColumn("clause", "text", (c) => c.notNull())
		// yes | no | na | level
		.addColumn("result", "text", (c) => c.notNull())
		.addColumn("level_index", "integer")
		.addColumn("note", "text")
		.addColumn("finding_id", "text")
		.addColumn("recorded_by", "text", (c) => c.notNull())
		.addColumn("recorded_by_label", "text", (c) => c.notNull())
		.addColumn("recorded_at", instant, (c) => c.notNull())
		.addPrimaryKeyConstraint("assurance_audit_results_pk", ["audit_id", "org_unit_id", "item_id"])
		.execute();
	await db.schema
		.createIndex("assurance_audit_results_tenant")
		.on("assurance_audit_results")
		.columns(["tenant_id", "audit_id"])
		.execute();

	await db.schema
		.createTable("assurance_audit_evidence")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("audit_id", "text", (c) => c.notNull().references("assurance_audits.id"))
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addColumn("item_id", "text", (c) => c.notNull())
		.addColumn("file_name", "text", (c) => c.notNull())
		// Read from the file's first bytes, never from the name the browser sent.
		.addColumn("media_type", "text", (c) => c.notNull())
		.addColumn("size", "integer", (c) => c.notNull())
		.addColumn("sha256", "text", (c) => c.notNull())
		.addColumn("content", blob, (c) => c.notNull())
		.addColumn("uploaded_by", "text", (c) => c.notNull())
		.addColumn("uploaded_by_label", "text", (c) => c.notNull())
		.addColumn("uploaded_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("assurance_audit_evidence_audit")
		.on("assurance_audit_evidence")
		.columns(["tenant_id", "audit_id", "org_unit_id", "item_id"])
		.execute();
}
