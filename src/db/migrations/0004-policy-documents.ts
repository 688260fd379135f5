import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Policy documents (基本方針, 対策基準, 実施手順, …), their versions moving through the approval
 * workflow, the 改定履歴, publications to staff, acknowledgements and in-app notifications.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("policy_documents")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("position", "integer", (c) => c.notNull())
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("publication", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("policy_documents_tenant")
		.unique()
		.on("policy_documents")
		.columns(["tenant_id", "position"])
		.execute();
	await db.schema
		.createTable("policy_versions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("document_id", "text", (c) => c.notNull().references("policy_documents.id"))
		.addColumn("number", "integer", (c) => c.notNull())
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("content", "text", (c) => c.notNull())
		.addColumn("change_summary", "text", (c) => c.notNull())
		.addColumn("created_by", "text")
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("submitted_at", instant)
		.addColumn("approved_by", "text")
		.addColumn("approved_role", "text")
		.addColumn("approved_at", instant)
		.addColumn("published_at", instant)
		.addColumn("superseded_at", instant)
		.addUniqueConstraint("policy_versions_number", ["document_id", "number"])
		.execute();
	await db.schema
		.createTable("policy_revisions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("document_id", "text", (c) => c.notNull().references("policy_documents.id"))
		.addColumn("version_id", "text", (c) => c.references("policy_versions.id"))
		.addColumn("date", "text", (c) => c.notNull())
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("summary", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createTable("policy_publications")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("version_id", "text", (c) => c.notNull().references("policy_versions.id"))
		.addColumn("audience", "text", (c) => c.notNull())
		.addColumn("unit_ids", "text", (c) => c.notNull())
		.addColumn("published_by", "text")
		.addColumn("published_at", instant, (c) => c.notNull())
		.addUniqueConstraint("policy_publications_version", ["version_id"])
		.execute();
	await db.schema
		.createTable("policy_acknowledgements")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("version_id", "text", (c) => c.notNull().references("policy_versions.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("acknowledged_at", instant, (c) => c.notNull())
		.addPrimaryKeyConstraint("policy_acknowledgements_pk", ["version_id", "account_id"])
		.execute();
	await db.schema
		.createTable("notifications")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("link", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("read_at", instant)
		.execute();
	await db.schema
		.createIndex("notifications_account")
		.on("notifications")
		.columns(["tenant_id", "account_id", "created_at"])
		.execute();
}
