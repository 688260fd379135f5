import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The register of cloud and external services (SaaS, IaaS, web conferencing, free mail): what
 * each holds at which classification, its ISMAP registration, where the data lives, its SLA,
 * the approval of the pack's approver (with the highest class the approval allows) and its
 * review dates. `flags` keeps what the register finds wrong, so the list can filter on it.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("cloud_services")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The tenant's own number of the service (サービス番号); the key of imports.
		.addColumn("code", "text", (c) => c.notNull())
		.addColumn("name", "text", (c) => c.notNull())
		.addColumn("provider", "text", (c) => c.notNull())
		// saas | iaas | paas | web_conferencing | free_mail | other
		.addColumn("kind", "text", (c) => c.notNull())
		// The unit responsible for the service (and whose 管理者 keep it).
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addColumn("purpose", "text", (c) => c.notNull())
		.addColumn("data_description", "text", (c) => c.notNull())
		// A level code of the pack's default scheme (the confidentiality axis of a CIA scheme).
		.addColumn("data_level", "text", (c) => c.notNull())
		// ismap | ismap_liu | none
		.addColumn("ismap", "text", (c) => c.notNull())
		// japan | overseas | unknown
		.addColumn("data_location", "text", (c) => c.notNull())
		.addColumn("location_detail", "text", (c) => c.notNull())
		// Free text as the contract states it: `99.9%`, `4時間`.
		.addColumn("sla_uptime", "text", (c) => c.notNull())
		.addColumn("sla_recovery", "text", (c) => c.notNull())
		// 1 when the contract includes backups.
		.addColumn("backups", "integer", (c) => c.notNull())
		.addColumn("notes", "text", (c) => c.notNull())
		// YYYY-MM-DD, Japan dates.
		.addColumn("next_review_on", "text", (c) => c.notNull())
		.addColumn("last_reviewed_on", "text")
		// draft | requested | approved | refused | in_use | retired
		.addColumn("state", "text", (c) => c.notNull())
		// The highest class of data the approval allows (a level code), set by the approver.
		.addColumn("approved_max_level", "text")
		.addColumn("decision_reason", "text")
		.addColumn("decided_by", "text")
		.addColumn("decided_by_label", "text")
		.addColumn("decided_as", "text")
		.addColumn("decided_at", instant)
		// Comma-separated codes: over_approval, strict_unmet, review_overdue, free_mail_prohibited.
		.addColumn("flags", "text", (c) => c.notNull())
		.addColumn("flagged", "integer", (c) => c.notNull())
		// The review date the last warning was sent for, so a rerun warns nobody twice.
		.addColumn("review_warned_for", "text")
		.addColumn("created_by_label", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("cloud_services_tenant_code")
		.on("cloud_services")
		.columns(["tenant_id", "code"])
		.unique()
		.execute();
	for (const [name, columns] of [
		["state", ["state", "code"]],
		["flagged", ["flagged", "code"]],
		["review", ["next_review_on"]],
		["unit", ["org_unit_id", "code"]],
	] as const) {
		await db.schema
			.createIndex(`cloud_services_tenant_${name}`)
			.on("cloud_services")
			.columns(["tenant_id", ...columns])
			.execute();
	}
}
