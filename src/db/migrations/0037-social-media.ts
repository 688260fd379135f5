import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Official social-media accounts (公式SNSアカウント), where the tenant's pack has the provision:
 * each account with its responsible person, operating procedure, posting rules, who holds the
 * credentials (never the credentials), MFA, the approval of the pack's approver, and its reviews.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("social_media_accounts")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The section that runs the account (and whose 管理者 follow it).
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// The service's name as people say it (X, Facebook, LINE, YouTube…) and the account's handle.
		.addColumn("service", "text", (c) => c.notNull())
		.addColumn("handle", "text", (c) => c.notNull())
		.addColumn("purpose", "text", (c) => c.notNull())
		// The responsible person (a 課長): a member of the staff roster.
		.addColumn("responsible_staff_id", "text", (c) => c.notNull().references("staff.id"))
		// The operating procedure: a policy document of the tenant.
		.addColumn("procedure_document_id", "text", (c) =>
			c.notNull().references("policy_documents.id"),
		)
		.addColumn("posting_rules", "text", (c) => c.notNull())
		// JSON array of staff ids: who holds the login. The credentials themselves are never kept.
		.addColumn("credential_holder_ids", "text", (c) => c.notNull())
		.addColumn("mfa_enabled", flag, (c) => c.notNull())
		// registered | requested | approved | refused | suspended | closed
		.addColumn("state", "text", (c) => c.notNull())
		.addColumn("decision_reason", "text")
		.addColumn("decided_by", "text")
		.addColumn("decided_by_label", "text")
		// The role the decider acted under (the pack's approver or delegate).
		.addColumn("decided_as", "text")
		.addColumn("decided_at", instant)
		// Japan date of the last review (見直し); null until the first.
		.addColumn("last_reviewed_on", "text")
		// Set by the daily job when no review for the dormancy period: 休眠, to be suspended.
		.addColumn("dormant_since", instant)
		// Why it was suspended or closed, and when.
		.addColumn("end_reason", "text")
		.addColumn("suspended_at", instant)
		.addColumn("closed_at", instant)
		.addColumn("registered_by", "text", (c) => c.notNull())
		.addColumn("registered_by_label", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("social_media_accounts_tenant_state")
		.on("social_media_accounts")
		.columns(["tenant_id", "state", "created_at"])
		.execute();
	await db.schema
		.createIndex("social_media_accounts_tenant_unit")
		.on("social_media_accounts")
		.columns(["tenant_id", "org_unit_id"])
		.execute();

	await db.schema
		.createTable("social_media_reviews")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("social_media_accounts.id"))
		// Japan date of the review.
		.addColumn("reviewed_on", "text", (c) => c.notNull())
		.addColumn("reviewed_by", "text", (c) => c.notNull())
		.addColumn("reviewed_by_label", "text", (c) => c.notNull())
		.addColumn("note", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("social_media_reviews_account")
		.on("social_media_reviews")
		.columns(["tenant_id", "account_id", "reviewed_on"])
		.execute();
}
