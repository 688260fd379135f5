import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The findings register (指摘事項) of assurance: one register for audits, self-inspections,
 * incidents and the network check, each finding with its source and clause, owner unit,
 * severity, corrective action plan, evidence of completion, the auditor's verification, or its
 * acceptance as a risk; a numbered timeline per finding, a reference counter per fiscal year,
 * evidence files kept with their SHA-256, and the overdue notices with their mails.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";
	await db.schema
		.createTable("findings")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// F-<fiscal year>-<number>, from finding_counters.
		.addColumn("reference", "text", (c) => c.notNull())
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		// audit | self_inspection | incident | network_check | manual
		.addColumn("source", "text", (c) => c.notNull())
		// The record it came from in its own module (an answer, a case, a rule and flow).
		.addColumn("source_ref", "text")
		// How that record was named when the finding was raised (INC-2026-0003, a rule's title).
		.addColumn("source_label", "text")
		// The policy section it concerns: 基本方針 6(3), 対策基準 5.2.
		.addColumn("clause", "text", (c) => c.notNull())
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("description", "text", (c) => c.notNull())
		.addColumn("owner_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// major | moderate | minor
		.addColumn("severity", "text", (c) => c.notNull())
		// open | action_planned | done | verified | accepted_as_risk
		.addColumn("state", "text", (c) => c.notNull())
		// The Japan date the corrective action is due (YYYY-MM-DD); past it and not done: overdue.
		.addColumn("due_on", "text")
		.addColumn("plan", "text")
		.addColumn("plan_owner_id", "text", (c) => c.references("accounts.id"))
		.addColumn("plan_owner_label", "text")
		.addColumn("planned_by_label", "text")
		.addColumn("planned_at", instant)
		.addColumn("done_note", "text")
		// Who marked the action done: the verifier must be someone else.
		.addColumn("done_by", "text")
		.addColumn("done_by_label", "text")
		.addColumn("done_at", instant)
		.addColumn("verified_by", "text")
		.addColumn("verified_by_label", "text")
		.addColumn("verified_at", instant)
		.addColumn("verification_comment", "text")
		// The risk of the register it is linked to; accepted there by the CISO (or delegate).
		.addColumn("risk_id", "text", (c) => c.references("risks.id"))
		.addColumn("risk_accepted_by_label", "text")
		.addColumn("risk_accepted_at", instant)
		.addColumn("risk_acceptance_reason", "text")
		.addColumn("raised_by", "text", (c) => c.notNull())
		.addColumn("raised_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("findings_reference")
		.on("findings")
		.columns(["tenant_id", "reference"])
		.unique()
		.execute();
	// The register by state (overdue sweep, Home), by unit (a 管理者's view), by source (a case's
	// or a rule's findings), newest first.
	for (const [name, columns] of [
		["state_due", ["state", "due_on"]],
		["unit_state", ["owner_unit_id", "state"]],
		["source", ["source", "source_ref"]],
		["created", ["created_at"]],
	] as const) {
		await db.schema
			.createIndex(`findings_tenant_${name}`)
			.on("findings")
			.columns(["tenant_id", ...columns])
			.execute();
	}

	await db.schema
		.createTable("finding_counters")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("last_number", "integer", (c) => c.notNull())
		.addPrimaryKeyConstraint("finding_counters_pk", ["tenant_id", "fiscal_year"])
		.execute();

	await db.schema
		.createTable("finding_events")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("finding_id", "text", (c) => c.notNull().references("findings.id"))
		// Numbered under the finding's row lock: the timeline's order.
		.addColumn("seq", "integer", (c) => c.notNull())
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("actor_id", "text")
		.addColumn("actor_label", "text", (c) => c.notNull())
		.addColumn("at", instant, (c) => c.notNull())
		.addColumn("text", "text")
		// JSON
		.addColumn("data", "text", (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("finding_events_seq")
		.on("finding_events")
		.columns(["finding_id", "seq"])
		.unique()
		.execute();

	await db.schema
		.createTable("finding_evidence")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("finding_id", "text", (c) => c.notNull().references("findings.id"))
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
		.createIndex("finding_evidence_finding")
		.on("finding_evidence")
		.columns(["tenant_id", "finding_id", "uploaded_at"])
		.execute();

	await db.schema
		.createTable("finding_notifications")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("finding_id", "text", (c) => c.notNull().references("findings.id"))
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		// Why this person: ciso | section_manager | department_officer
		.addColumn("role", "text", (c) => c.notNull())
		// overdue
		.addColumn("reason", "text", (c) => c.notNull())
		// The due date the notice was about: a new due date is told anew.
		.addColumn("due_on", "text", (c) => c.notNull())
		.addColumn("notified_at", instant, (c) => c.notNull())
		.addColumn("mail_to", "text")
		.addColumn("mailed_at", instant)
		.execute();
	await db.schema
		.createIndex("finding_notifications_finding")
		.on("finding_notifications")
		.columns(["tenant_id", "finding_id", "reason", "notified_at"])
		.execute();
}
