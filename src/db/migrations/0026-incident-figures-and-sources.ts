import { type Kysely, sql } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The dashboard's incident figures as indexed aggregates (BENCHMARKS.md, section `incidents`):
 * each case keeps the derived facts the figures count, so the database counts them over an index
 * instead of the process reading and assessing every case.
 *
 * - On the case: its fiscal year (年度 of the report time in Japan), how many units it concerns,
 *   and the hours to its first triage and to its closing. Each is fixed by the use case that
 *   changes it (report, triage, close) and filled here for existing cases with the same
 *   arithmetic in SQL.
 * - `incident_report_dues`: one row per dated stage (速報 / 確報) of each legal report a case owes,
 *   with its due date and filing date. Which reports a case owes and when they fall due depend on
 *   the tenant's pack, its preliminary days and the holiday calendar, none of which a migration
 *   should load: the rows are derived by `report-dues.ts`, the one code that applies the rules,
 *   whenever a case's facts or filings change, and for a whole tenant whenever the stamp of its
 *   rules differs from the one kept in `incident_report_due_stamps` (no stamp yet: the first read
 *   of the figures after this migration derives them, as after a new pack version).
 * - The covering index of 0025 over report time and facts gives way to three narrower ones; the
 *   index of a unit's links also holds their report time.
 *
 * And where a system's report comes from: `incidents.source_ref`, the system's own name for what
 * it reported (the 無害化 gateway: `mail:<message id>`), unique per tenant, so a system that
 * reports the same thing again (a job run again after a crash) opens no second case; and the
 * gateway's setting that a message held for malware opens a case (on unless the tenant turns it
 * off).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	await db.schema.alterTable("incidents").addColumn("fiscal_year", "integer").execute();
	await db.schema
		.alterTable("incidents")
		.addColumn("unit_count", "integer", (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable("incidents").addColumn("triage_hours", "double precision").execute();
	await db.schema.alterTable("incidents").addColumn("close_hours", "double precision").execute();

	const postgres = engine === "postgres";
	const fiscalYear = postgres
		? sql`extract(year from (created_at at time zone 'Asia/Tokyo') - interval '3 months')::integer`
		: sql`cast(strftime('%Y', created_at, '+9 hours', '-3 months') as integer)`;
	const hoursTo = (end: string) =>
		postgres
			? sql`extract(epoch from (${sql.ref(end)} - created_at)) / 3600.0`
			: sql`(julianday(${sql.ref(end)}) - julianday(created_at)) * 24.0`;
	await sql`update incidents set
		fiscal_year = ${fiscalYear},
		unit_count = (select count(*) from incident_units where incident_units.incident_id = incidents.id),
		triage_hours = case when triaged_at is null then null else ${hoursTo("triaged_at")} end,
		close_hours = case when state = 'closed' and closed_at is not null then ${hoursTo("closed_at")} end
	`.execute(db);
	if (postgres) {
		await sql`alter table incidents alter column fiscal_year set not null`.execute(db);
	}

	await db.schema.dropIndex("incidents_tenant_figures").execute();
	// A unit's links newest first: a unit's (or a manager's) case list is ordered, paged and
	// counted from this index alone (list-incidents.ts, `linkedReach`). Without the report time in
	// it, PostgreSQL orders a unit's page by walking every link of the tenant by report time.
	await db.schema.dropIndex("incident_units_unit").execute();
	await db.schema
		.createIndex("incident_units_unit")
		.on("incident_units")
		.columns(["tenant_id", "org_unit_id", "reported_at", "incident_id"])
		.execute();
	for (const [name, columns] of [
		["incidents_year_counts", ["tenant_id", "fiscal_year", "state", "category", "unit_count"]],
		["incidents_year_triage", ["tenant_id", "fiscal_year", "triage_hours"]],
		["incidents_year_close", ["tenant_id", "fiscal_year", "close_hours"]],
	] as const) {
		await db.schema
			.createIndex(name)
			.on("incidents")
			.columns([...columns])
			.execute();
	}

	await db.schema
		.createTable("incident_report_dues")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
		.addColumn("obligation_code", "text", (c) => c.notNull())
		// preliminary | final
		.addColumn("stage", "text", (c) => c.notNull())
		.addColumn("fiscal_year", "integer", (c) => c.notNull())
		.addColumn("due_on", "text", (c) => c.notNull())
		.addColumn("filed_on", "text")
		.addPrimaryKeyConstraint("incident_report_dues_pk", ["incident_id", "obligation_code", "stage"])
		.execute();
	// A year's reports by stage, on time or late, overdue or pending: one range of this index.
	await db.schema
		.createIndex("incident_report_dues_year")
		.on("incident_report_dues")
		.columns(["tenant_id", "fiscal_year", "stage", "due_on", "filed_on"])
		.execute();
	// The reports owed and not filed, soonest first: few rows, kept apart from the filed many.
	await db.schema
		.createIndex("incident_report_dues_unfiled")
		.on("incident_report_dues")
		.columns(["tenant_id", "due_on", "incident_id"])
		.where(sql.ref("filed_on"), "is", null)
		.execute();

	await db.schema.alterTable("incidents").addColumn("source_ref", "text").execute();
	await db.schema
		.createIndex("incidents_tenant_source_ref")
		.unique()
		.on("incidents")
		.columns(["tenant_id", "source_ref"])
		.execute();
	await db.schema
		.alterTable("mail_settings")
		.addColumn("malware_incidents", flag, (c) => c.notNull().defaultTo(postgres ? true : 1))
		.execute();

	await db.schema
		.createTable("incident_report_due_stamps")
		.addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id"))
		.addColumn("stamp", "text", (c) => c.notNull())
		.addColumn("derived_at", instant, (c) => c.notNull())
		.execute();
}
