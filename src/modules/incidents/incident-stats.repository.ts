import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Engine } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import type { ReportingRules } from "./assess-obligations.ts";
import { FACT_COLUMNS } from "./case-rules.ts";
import { datedStages, owesDatedReport, owesUnfiledStage } from "./reportable-cases.ts";

/**
 * The statistics' SQL. At 100,000 cases the figures are counted by the database over one covering
 * index (migration 0025: tenant, report time, state, category, triage and close times, the facts
 * the reporting rules read, id), so neither the counts nor the medians bring rows back to the
 * process; only the cases that owe dated reports are read, to be assessed.
 */

/** The instants a fiscal year (年度) runs between in Japan, as ISO strings in UTC: [from, to). */
export interface YearRange {
	from: string;
	to: string;
}

/**
 * `column` holds the tenant's id, written so that no index is chosen for it: for rows fetched by
 * their ids, which SQLite (without statistics) would otherwise read through a tenant index, all
 * of the tenant's rows, instead of by primary key.
 */
export function ofTenant(column: string, tenantId: string): RawBuilder<SqlBool> {
	return sql<SqlBool>`${sql.ref(column)} || '' = ${tenantId}`;
}

/** 1 April 00:00 JST of `year` to the same instant a year later. */
export function fiscalYearRange(year: number): YearRange {
	const start = (y: number) => new Date(`${y}-04-01T00:00:00+09:00`).toISOString();
	return { from: start(year), to: start(year + 1) };
}

function inYear(db: Queryable, tenantId: string, range: YearRange) {
	return db
		.selectFrom("incidents")
		.where("incidents.tenant_id", "=", tenantId)
		.where("incidents.created_at", ">=", range.from)
		.where("incidents.created_at", "<", range.to);
}

/** The year's cases counted by state and category. */
export async function yearCounts(db: Queryable, tenantId: string, range: YearRange) {
	const rows = await inYear(db, tenantId, range)
		.select(["state", "category", (eb) => eb.fn.countAll<number>().as("n")])
		.groupBy(["state", "category"])
		.execute();
	return rows.map((row) => ({ state: row.state, category: row.category, count: Number(row.n) }));
}

/** Hours from the report to `end`, in the engine's own date arithmetic. */
function hoursTo(engine: Engine, end: "triaged_at" | "closed_at"): RawBuilder<number> {
	const to = sql.ref(`incidents.${end}`);
	return engine === "postgres"
		? sql<number>`extract(epoch from (${to} - incidents.created_at)) / 3600.0`
		: sql<number>`(julianday(${to}) - julianday(incidents.created_at)) * 24.0`;
}

/**
 * Median and mean hours from the report to the first triage, or to closing, over the year's cases
 * that got there (closing: closed cases only, not rejected ones). The median is read as the one or
 * two middle values of the sorted durations.
 */
export async function yearDuration(
	db: Queryable,
	engine: Engine,
	tenantId: string,
	range: YearRange,
	to: "triage" | "close",
) {
	const end = to === "triage" ? "triaged_at" : "closed_at";
	const reached = () => {
		const q = inYear(db, tenantId, range).where(`incidents.${end}`, "is not", null);
		return to === "close" ? q.where("incidents.state", "=", "closed") : q;
	};
	const hours = hoursTo(engine, end);
	const summary = await reached()
		.select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.avg(hours).as("mean")])
		.executeTakeFirstOrThrow();
	const cases = Number(summary.n);
	if (cases === 0) return { cases, medianHours: null, meanHours: null };
	const middle = await reached()
		.select(hours.as("hours"))
		.orderBy("hours")
		.limit(cases % 2 === 1 ? 1 : 2)
		.offset(Math.floor((cases - 1) / 2))
		.execute();
	const values = middle.map((row) => Number(row.hours));
	const median = values.reduce((sum, value) => sum + value, 0) / values.length;
	const tenth = (value: number) => Math.round(value * 10) / 10;
	return { cases, medianHours: tenth(median), meanHours: tenth(Number(summary.mean)) };
}

/**
 * How many of the year's cases concern each unit (from the links, which keep their case's report
 * time), and how many of the year's cases concern some unit.
 */
export async function yearUnitCounts(db: Queryable, tenantId: string, range: YearRange) {
	const links = () =>
		db
			.selectFrom("incident_units")
			.where("tenant_id", "=", tenantId)
			.where("reported_at", ">=", range.from)
			.where("reported_at", "<", range.to);
	const [units, cases] = await Promise.all([
		links()
			.select(["org_unit_id", (eb) => eb.fn.countAll<number>().as("n")])
			.groupBy("org_unit_id")
			.execute(),
		links()
			.select((eb) => eb.fn.count<number>("incident_id").distinct().as("n"))
			.executeTakeFirstOrThrow(),
	]);
	return {
		units: units.map((row) => ({ unitId: row.org_unit_id, count: Number(row.n) })),
		withUnit: Number(cases.n),
	};
}

/** Every fiscal year in which the tenant's cases were numbered. */
export async function caseFiscalYears(db: Queryable, tenantId: string): Promise<number[]> {
	const rows = await db
		.selectFrom("incident_counters")
		.select("fiscal_year")
		.where("tenant_id", "=", tenantId)
		.execute();
	return rows.map((row) => Number(row.fiscal_year));
}

/** The year's cases that owe some dated report, with the facts the rules read (index only). */
export function yearReportableCases(
	db: Queryable,
	tenantId: string,
	rules: ReportingRules,
	range: YearRange,
) {
	return inYear(db, tenantId, range)
		.select(["incidents.id", ...FACT_COLUMNS.map((column) => `incidents.${column}` as const)])
		.where((eb) => owesDatedReport(eb, rules))
		.execute();
}

/**
 * The filings of those same cases, asked for at the same time (the cases' ids are a subquery, so
 * neither waits for the other).
 */
export function yearReportableFilings(
	db: Queryable,
	tenantId: string,
	rules: ReportingRules,
	range: YearRange,
) {
	return db
		.selectFrom("incident_filings")
		.select(["incident_id", "obligation_code", "stage", "filed_on"])
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "in", (eb) =>
			eb
				.selectFrom("incidents")
				.select("incidents.id")
				.where("incidents.tenant_id", "=", tenantId)
				.where("incidents.created_at", ">=", range.from)
				.where("incidents.created_at", "<", range.to)
				.where((inner) => owesDatedReport(inner, rules)),
		)
		.execute();
}

/**
 * Cases of any year that owe a dated report not filed yet, with their facts and what a list shows
 * of them. The search over every case reads the index alone; the few found are then read whole.
 */
export async function unfiledReportCases(
	db: Queryable,
	engine: Engine,
	tenantId: string,
	rules: ReportingRules,
) {
	const owing = await unfiledReportIds(db, engine, tenantId, rules);
	const found = [];
	for (let start = 0; start < owing.length; start += 1000) {
		found.push(
			...(await db
				.selectFrom("incidents")
				.select(["id", "reference", "title", ...FACT_COLUMNS])
				.where(ofTenant("tenant_id", tenantId))
				.where("id", "in", owing.slice(start, start + 1000))
				.execute()),
		);
	}
	return found;
}

/**
 * The ids of the cases owing a dated report not filed yet. SQLite reads them in one pass over the
 * index (any stage unfiled); PostgreSQL as the union of one anti-join per stage, which it plans
 * well, where it would plan the single pass's OR over subplans at a cost that compiles it (JIT).
 */
export async function unfiledReportIds(
	db: Queryable,
	engine: Engine,
	tenantId: string,
	rules: ReportingRules,
): Promise<string[]> {
	const stages = datedStages(rules);
	const owing = () =>
		db.selectFrom("incidents").select("incidents.id").where("incidents.tenant_id", "=", tenantId);
	if (stages.length === 0) return [];
	if (engine === "sqlite") {
		const rows = await owing()
			.where((eb) =>
				eb.or(
					stages.map(({ obligation, stage }) => owesUnfiledStage(eb, rules, obligation, stage)),
				),
			)
			.execute();
		return rows.map((row) => row.id);
	}
	const [first, ...rest] = stages.map(({ obligation, stage }) =>
		owing().where((eb) => owesUnfiledStage(eb, rules, obligation, stage)),
	);
	if (!first) return [];
	const rows = await rest.reduce((query, next) => query.union(next), first).execute();
	return rows.map((row) => row.id);
}

/** The filings of the given cases (those that owe dated reports, found above). */
export async function filingsOf(db: Queryable, tenantId: string, incidentIds: readonly string[]) {
	const rows = [];
	// Bounded IN lists: both engines cap the parameters of one statement.
	for (let start = 0; start < incidentIds.length; start += 5000) {
		rows.push(
			...(await db
				.selectFrom("incident_filings")
				.select(["incident_id", "obligation_code", "stage", "filed_on"])
				.where("tenant_id", "=", tenantId)
				.where("incident_id", "in", incidentIds.slice(start, start + 5000))
				.execute()),
		);
	}
	return rows;
}
