import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Incident cases (インシデント対応): the case with its facts and state, its units and ledger
 * assets, a timeline of every action and note, the legal reports filed, and the counter that
 * numbers cases per tenant and fiscal year (INC-2026-0001).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema
		.createTable("incidents")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// INC-<fiscal year>-<number>, unique per tenant.
		.addColumn("reference", "text", (c) => c.notNull())
		// staff | system
		.addColumn("source", "text", (c) => c.notNull())
		// The reporting account (null for a system), and the name it reported under.
		.addColumn("reporter_id", "text", (c) => c.references("accounts.id"))
		.addColumn("reporter_label", "text", (c) => c.notNull())
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("what_happened", "text", (c) => c.notNull())
		.addColumn("noticed_at", instant, (c) => c.notNull())
		// The Japan date the organisation knew (day 1 of every legal deadline), YYYY-MM-DD.
		.addColumn("known_on", "text", (c) => c.notNull())
		.addColumn("personal_data_suspected", flag, (c) => c.notNull())
		// reported | triaged | contained | recovered | closed | rejected
		.addColumn("state", "text", (c) => c.notNull())
		// A threat code of the tenant's pack, set on triage.
		.addColumn("category", "text")
		// A step of the pack's risk-matrix impact scale (1 = lowest); its top step is severe.
		.addColumn("severity", "integer")
		// 1 low, 2 medium, 3 high: a fixed scale for ordering the CSIRT's work.
		.addColumn("priority", "integer")
		.addColumn("people", "integer", (c) => c.notNull())
		// JSON array of personal | sensitive | ordinance_sensitive | my_number.
		.addColumn("data_kinds", "text", (c) => c.notNull())
		.addColumn("wrongful_intent", flag, (c) => c.notNull())
		.addColumn("financial_damage_risk", flag, (c) => c.notNull())
		.addColumn("encrypted", flag, (c) => c.notNull())
		.addColumn("published_online", flag, (c) => c.notNull())
		.addColumn("network_system", flag, (c) => c.notNull())
		// 再発防止: what will stop it happening again; required to close a severe case.
		.addColumn("prevention", "text")
		.addColumn("reject_reason", "text")
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.addColumn("triaged_at", instant)
		.addColumn("closed_at", instant)
		.execute();
	await db.schema
		.createIndex("incidents_tenant_reference")
		.unique()
		.on("incidents")
		.columns(["tenant_id", "reference"])
		.execute();
	// The case list, newest first: unfiltered, by state, by state and severity, by severity; and
	// a person's own reports. Each ends in created_at so a filtered page needs no sort.
	for (const [name, columns] of [
		["created", ["created_at"]],
		["state", ["state", "created_at"]],
		["state_severity", ["state", "severity", "created_at"]],
		["severity", ["severity", "created_at"]],
		["reporter", ["reporter_id", "created_at"]],
	] as const) {
		await db.schema
			.createIndex(`incidents_tenant_${name}`)
			.on("incidents")
			.columns(["tenant_id", ...columns])
			.execute();
	}

	await db.schema
		.createTable("incident_units")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		.addPrimaryKeyConstraint("incident_units_pk", ["incident_id", "org_unit_id"])
		.execute();
	// The list filtered by unit, and a manager's scope: the cases of some units.
	await db.schema
		.createIndex("incident_units_unit")
		.on("incident_units")
		.columns(["tenant_id", "org_unit_id", "incident_id"])
		.execute();

	await db.schema
		.createTable("incident_assets")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		.addColumn("asset_id", "text", (c) => c.notNull().references("assets.id"))
		.addPrimaryKeyConstraint("incident_assets_pk", ["incident_id", "asset_id"])
		.execute();
	await db.schema
		.createIndex("incident_assets_asset")
		.on("incident_assets")
		.columns(["asset_id"])
		.execute();

	await db.schema
		.createTable("incident_events")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		// 1, 2, 3… per case; written while the case row is locked, so never twice.
		.addColumn("seq", "integer", (c) => c.notNull())
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("actor_id", "text")
		.addColumn("actor_label", "text", (c) => c.notNull())
		.addColumn("at", instant, (c) => c.notNull())
		.addColumn("text", "text")
		// JSON: what the action changed (from/to state, fields, filing).
		.addColumn("data", "text", (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("incident_events_case_seq")
		.unique()
		.on("incident_events")
		.columns(["incident_id", "seq"])
		.execute();

	await db.schema
		.createTable("incident_filings")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		// The obligation's code in the pack's reporting rules (ppc_personal_information…).
		.addColumn("obligation_code", "text", (c) => c.notNull())
		// preliminary | final
		.addColumn("stage", "text", (c) => c.notNull())
		// The Japan date it was filed, YYYY-MM-DD.
		.addColumn("filed_on", "text", (c) => c.notNull())
		.addColumn("reference", "text")
		.addColumn("recorded_by", "text", (c) => c.notNull())
		.addColumn("recorded_by_label", "text", (c) => c.notNull())
		.addColumn("recorded_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("incident_filings_once")
		.unique()
		.on("incident_filings")
		.columns(["incident_id", "obligation_code", "stage"])
		.execute();

	await db.schema
		.createTable("incident_counters")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("last_number", "integer", (c) => c.notNull())
		.addPrimaryKeyConstraint("incident_counters_pk", ["tenant_id", "fiscal_year"])
		.execute();
}
