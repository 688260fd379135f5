import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Self-inspection campaigns (自己点検): a campaign over units against one checklist version, its
 * units (with the 管理者's sign-off), its respondents resolved from the roster at opening, and
 * the answers given. Answers are stored only when given: a respondent's open items are their
 * assigned items (by answerer) less those answered, so opening a campaign of 3,000 respondents
 * × 120 items writes 3,000 rows, not 360,000. Counting columns are integers (0/1) on both
 * engines so that rates are plain SUMs.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";
	await db.schema
		.createTable("assurance_campaigns")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("checklist_id", "text", (c) => c.notNull().references("assurance_checklists.id"))
		.addColumn("version_id", "text", (c) =>
			c.notNull().references("assurance_checklist_versions.id"),
		)
		// A Japan date, YYYY-MM-DD.
		.addColumn("due_on", "text", (c) => c.notNull())
		// open | closed
		.addColumn("state", "text", (c) => c.notNull())
		.addColumn("include_sub_units", "integer", (c) => c.notNull())
		.addColumn("respondent_count", "integer", (c) => c.notNull())
		.addColumn("assigned_count", "integer", (c) => c.notNull())
		.addColumn("created_by", "text")
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("assurance_campaigns_tenant_year")
		.on("assurance_campaigns")
		.columns(["tenant_id", "fiscal_year", "created_at"])
		.execute();

	await db.schema
		.createTable("assurance_campaign_units")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("campaign_id", "text", (c) => c.notNull().references("assurance_campaigns.id"))
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// The department (部局) its rates roll up to: the unit's parent, or itself at the top.
		.addColumn("department_id", "text", (c) => c.notNull())
		.addColumn("signed_off_at", instant)
		.addColumn("signed_off_by", "text")
		.addColumn("signed_off_by_label", "text")
		// Who had not submitted when the 管理者 signed off anyway, and why.
		.addColumn("sign_off_note", "text")
		.addColumn("unsubmitted_at_sign_off", "integer")
		.addPrimaryKeyConstraint("assurance_campaign_units_pk", ["campaign_id", "org_unit_id"])
		.execute();

	await db.schema
		.createTable("assurance_campaign_respondents")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("campaign_id", "text", (c) => c.notNull().references("assurance_campaigns.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// Which answerer kinds this person answers for in this unit (0/1 each).
		.addColumn("as_staff", "integer", (c) => c.notNull())
		.addColumn("as_manager", "integer", (c) => c.notNull())
		.addColumn("as_system_admin", "integer", (c) => c.notNull())
		.addColumn("assigned_items", "integer", (c) => c.notNull())
		.addColumn("answered_items", "integer", (c) => c.notNull())
		.addColumn("submitted_at", instant)
		.execute();
	await db.schema
		.createIndex("assurance_campaign_respondents_person")
		.on("assurance_campaign_respondents")
		.columns(["campaign_id", "account_id", "org_unit_id"])
		.unique()
		.execute();
	// Home and reminders: a person's campaigns across the tenant.
	await db.schema
		.createIndex("assurance_campaign_respondents_account")
		.on("assurance_campaign_respondents")
		.columns(["tenant_id", "account_id", "submitted_at"])
		.execute();
	await db.schema
		.createIndex("assurance_campaign_respondents_unit")
		.on("assurance_campaign_respondents")
		.columns(["campaign_id", "org_unit_id"])
		.execute();

	await db.schema
		.createTable("assurance_campaign_answers")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("campaign_id", "text", (c) => c.notNull().references("assurance_campaigns.id"))
		.addColumn("respondent_id", "text", (c) =>
			c.notNull().references("assurance_campaign_respondents.id"),
		)
		.addColumn("item_id", "text", (c) => c.notNull().references("assurance_checklist_items.id"))
		// Copied from the respondent and the item so rates group one table.
		.addColumn("org_unit_id", "text", (c) => c.notNull())
		.addColumn("clause", "text", (c) => c.notNull())
		// yes | no | na | level
		.addColumn("answer", "text", (c) => c.notNull())
		.addColumn("level_index", "integer")
		// 1 complies, 0 does not, NULL not applicable; 0/1 whether the respondent submitted.
		.addColumn("compliant", "integer")
		.addColumn("submitted", "integer", (c) => c.notNull())
		.addColumn("comment", "text")
		.addColumn("evidence_name", "text")
		.addColumn("evidence_media_type", "text")
		.addColumn("evidence_size", "integer")
		.addColumn("evidence_sha256", "text")
		.addColumn("evidence", blob)
		.addColumn("answered_at", instant, (c) => c.notNull())
		.addPrimaryKeyConstraint("assurance_campaign_answers_pk", [
			"campaign_id",
			"respondent_id",
			"item_id",
		])
		.execute();
	// Rates: per unit and per (unit, clause), covering so the GROUP BY reads the index alone.
	await db.schema
		.createIndex("assurance_campaign_answers_unit_clause")
		.on("assurance_campaign_answers")
		.columns(["campaign_id", "submitted", "org_unit_id", "clause", "compliant"])
		.execute();
	await db.schema
		.createIndex("assurance_campaign_answers_clause")
		.on("assurance_campaign_answers")
		.columns(["campaign_id", "submitted", "clause", "compliant"])
		.execute();

	// Reminders of the daily job: one per respondent per Japan day, so a rerun tells nobody twice.
	await db.schema
		.createTable("assurance_campaign_reminders")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("campaign_id", "text", (c) => c.notNull().references("assurance_campaigns.id"))
		.addColumn("respondent_id", "text", (c) =>
			c.notNull().references("assurance_campaign_respondents.id"),
		)
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		// The Japan day of the reminder, YYYY-MM-DD, and the days then left to the due date.
		.addColumn("reminded_on", "text", (c) => c.notNull())
		.addColumn("days_left", "integer", (c) => c.notNull())
		.addColumn("open_items", "integer", (c) => c.notNull())
		.addColumn("notified_at", instant, (c) => c.notNull())
		.addColumn("mail_to", "text")
		.addColumn("mailed_at", instant)
		.execute();
	await db.schema
		.createIndex("assurance_campaign_reminders_day")
		.on("assurance_campaign_reminders")
		.columns(["respondent_id", "reminded_on"])
		.unique()
		.execute();
	await db.schema
		.createIndex("assurance_campaign_reminders_account")
		.on("assurance_campaign_reminders")
		.columns(["tenant_id", "account_id", "notified_at"])
		.execute();
}
