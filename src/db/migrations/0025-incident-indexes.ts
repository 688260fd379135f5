import { type Kysely, sql } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Incident figures and lists at 100,000 cases (BENCHMARKS.md, section `incidents`):
 * - one index per tenant ordered by report time that also holds state, category, triage and
 *   close times, the facts the reporting rules read and the id: a fiscal year's counts and
 *   medians, and the search for reports owed and not filed, read the index alone;
 * - a case's unit links carry the case's report time (`reported_at`, written with the links), so
 *   a year's count per unit is one range of an index instead of a lookup per case;
 * - a case by id with its state and severity: the list by unit counts its cases from the index;
 * - the cases closed in a period, for a policy review.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createIndex("incidents_tenant_figures")
		.on("incidents")
		.columns([
			"tenant_id",
			"created_at",
			"state",
			"category",
			"triaged_at",
			"closed_at",
			"people",
			"personal_data_suspected",
			"wrongful_intent",
			"financial_damage_risk",
			"encrypted",
			"published_online",
			"network_system",
			"data_kinds",
			"id",
		])
		.execute();
	await db.schema
		.createIndex("incidents_id_state")
		.on("incidents")
		.columns(["id", "tenant_id", "state", "severity"])
		.execute();
	await db.schema
		.createIndex("incidents_tenant_closed")
		.on("incidents")
		.columns(["tenant_id", "state", "closed_at"])
		.execute();

	await db.schema.alterTable("incident_units").addColumn("reported_at", instant).execute();
	await sql`update incident_units set reported_at = (
		select incidents.created_at from incidents where incidents.id = incident_units.incident_id
	)`.execute(db);
	if (engine === "postgres") {
		await sql`alter table incident_units alter column reported_at set not null`.execute(db);
	}
	await db.schema
		.createIndex("incident_units_reported")
		.on("incident_units")
		.columns(["tenant_id", "reported_at", "org_unit_id", "incident_id"])
		.execute();
}
