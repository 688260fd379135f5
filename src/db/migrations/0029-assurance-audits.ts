import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Information-security audits (情報セキュリティ監査) of the assurance module: the multi-year plan
 * (中期監査計画), the yearly plans (年度監査計画) with the units they audit and when, and each
 * audit with its implementation plan (個別監査実施計画), its team and its audited units.
 *
 * Fieldwork and the report come later and hang off these rows: answers and evidence are keyed by
 * (audit, audited unit, checklist item) — hence the audited unit's primary key and the audit's
 * `checklist_version_id` — and the report's findings go to the findings register with the audit
 * as their source.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);

	await db.schema
		.createTable("assurance_audit_plans")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("title", "text", (c) => c.notNull())
		// The span of fiscal years (年度) the plan covers, both included.
		.addColumn("first_year", "integer", (c) => c.notNull())
		.addColumn("last_year", "integer", (c) => c.notNull())
		// 監査の目的・重点: what the plan aims at over its span.
		.addColumn("aims", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("assurance_audit_plans_tenant_years")
		.on("assurance_audit_plans")
		.columns(["tenant_id", "first_year"])
		.execute();

	await db.schema
		.createTable("assurance_audit_yearly_plans")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The multi-year plan whose span holds the year, if the city keeps one.
		.addColumn("plan_id", "text", (c) => c.references("assurance_audit_plans.id"))
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("aims", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	// One yearly plan per fiscal year.
	await db.schema
		.createIndex("assurance_audit_yearly_plans_year")
		.on("assurance_audit_yearly_plans")
		.columns(["tenant_id", "fiscal_year"])
		.unique()
		.execute();

	await db.schema
		.createTable("assurance_audit_yearly_plan_units")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("yearly_plan_id", "text", (c) =>
			c.notNull().references("assurance_audit_yearly_plans.id"),
		)
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addColumn("position", "integer", (c) => c.notNull())
		// When in the year: a fiscal quarter (1 = April–June), or a month (1–12) within it.
		.addColumn("quarter", "integer")
		.addColumn("month", "integer")
		.addPrimaryKeyConstraint("assurance_audit_yearly_plan_units_pk", [
			"yearly_plan_id",
			"org_unit_id",
		])
		.execute();

	await db.schema
		.createTable("assurance_audits")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("title", "text", (c) => c.notNull())
		// planned (from a yearly plan) | ad_hoc (ordered by the CISO)
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("yearly_plan_id", "text", (c) => c.references("assurance_audit_yearly_plans.id"))
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		// Why the CISO ordered an ad-hoc audit, and who did.
		.addColumn("ad_hoc_reason", "text")
		.addColumn("ordered_by", "text")
		// 個別監査実施計画: what is audited, over which days, against which criteria.
		.addColumn("scope", "text", (c) => c.notNull())
		.addColumn("criteria", "text", (c) => c.notNull())
		.addColumn("period_start", "text", (c) => c.notNull())
		.addColumn("period_end", "text", (c) => c.notNull())
		// The audit checklist version fieldwork answers: an id of the checklists module, kept
		// opaque here (no foreign key across modules).
		.addColumn("checklist_version_id", "text")
		// planned | fieldwork | reporting | closed
		.addColumn("state", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_by", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addColumn("fieldwork_at", instant)
		.addColumn("reporting_at", instant)
		.addColumn("closed_at", instant)
		.execute();
	for (const [name, columns] of [
		["year", ["fiscal_year", "period_start"]],
		["state", ["state", "period_start"]],
		["plan", ["yearly_plan_id"]],
	] as const) {
		await db.schema
			.createIndex(`assurance_audits_tenant_${name}`)
			.on("assurance_audits")
			.columns(["tenant_id", ...columns])
			.execute();
	}

	await db.schema
		.createTable("assurance_audit_team")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("audit_id", "text", (c) => c.notNull().references("assurance_audits.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		// lead (監査責任者, one per audit) | member (監査人)
		.addColumn("role", "text", (c) => c.notNull())
		.addColumn("position", "integer", (c) => c.notNull())
		.addPrimaryKeyConstraint("assurance_audit_team_pk", ["audit_id", "account_id"])
		.execute();
	// The audits an auditor is on.
	await db.schema
		.createIndex("assurance_audit_team_account")
		.on("assurance_audit_team")
		.columns(["tenant_id", "account_id"])
		.execute();

	await db.schema
		.createTable("assurance_audit_units")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("audit_id", "text", (c) => c.notNull().references("assurance_audits.id"))
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addPrimaryKeyConstraint("assurance_audit_units_pk", ["audit_id", "org_unit_id"])
		.execute();
	// The audits of a unit, for its managers.
	await db.schema
		.createIndex("assurance_audit_units_unit")
		.on("assurance_audit_units")
		.columns(["tenant_id", "org_unit_id"])
		.execute();
}
