import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Queryable } from "../../db/queryable.ts";
import { fiscalYearInstants } from "../../shared/dates.ts";

/**
 * The statistics' SQL. At 100,000 cases every figure is counted by the database over an index
 * (migration 0026), nothing is brought back to the process to be counted: a year's cases by
 * state, category and whether they concern a unit; the hours to triage and to close, kept on each
 * case, read in order; the links of the year per unit. The legal reports are counted from the
 * kept dues (`report-dues.repository.ts`).
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
	return fiscalYearInstants(year);
}

function ofYear(db: Queryable, tenantId: string, fiscalYear: number) {
	return db
		.selectFrom("incidents")
		.where("incidents.tenant_id", "=", tenantId)
		.where("incidents.fiscal_year", "=", fiscalYear);
}

/**
 * The year's cases counted by state and category, and of each such group how many concern some
 * unit: one range of `incidents_year_counts`, read in its order.
 */
export async function yearCounts(db: Queryable, tenantId: string, fiscalYear: number) {
	const rows = await ofYear(db, tenantId, fiscalYear)
		.select([
			"incidents.state",
			"incidents.category",
			(eb) => eb.fn.countAll<number>().as("n"),
			sql<number>`sum(case when incidents.unit_count > 0 then 1 else 0 end)`.as("with_unit"),
		])
		.groupBy(["incidents.state", "incidents.category"])
		.execute();
	return rows.map((row) => ({
		state: row.state,
		category: row.category,
		count: Number(row.n),
		withUnit: Number(row.with_unit),
	}));
}

/**
 * Median and mean hours from the report to the first triage, or to closing, over the year's cases
 * that got there (closing: closed cases only; rejected ones keep no `close_hours`). The median is
 * the one or two middle entries of `incidents_year_triage` / `incidents_year_close`.
 */
export async function yearDuration(
	db: Queryable,
	tenantId: string,
	fiscalYear: number,
	to: "triage" | "close",
) {
	const column = to === "triage" ? "incidents.triage_hours" : "incidents.close_hours";
	const reached = () => ofYear(db, tenantId, fiscalYear).where(column, "is not", null);
	const summary = await reached()
		.select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.avg(column).as("mean")])
		.executeTakeFirstOrThrow();
	const cases = Number(summary.n);
	if (cases === 0) return { cases, medianHours: null, meanHours: null };
	const middle = await reached()
		.select(sql<number>`${sql.ref(column)}`.as("hours"))
		.orderBy(column)
		.limit(cases % 2 === 1 ? 1 : 2)
		.offset(Math.floor((cases - 1) / 2))
		.execute();
	const values = middle.map((row) => Number(row.hours));
	const median = values.reduce((sum, value) => sum + value, 0) / values.length;
	const tenth = (value: number) => Math.round(value * 10) / 10;
	return { cases, medianHours: tenth(median), meanHours: tenth(Number(summary.mean)) };
}

/** How many of the year's cases concern each unit (the links keep their case's report time). */
export async function yearUnitCounts(db: Queryable, tenantId: string, range: YearRange) {
	const rows = await db
		.selectFrom("incident_units")
		.select(["org_unit_id", (eb) => eb.fn.countAll<number>().as("n")])
		.where("tenant_id", "=", tenantId)
		.where("reported_at", ">=", range.from)
		.where("reported_at", "<", range.to)
		.groupBy("org_unit_id")
		.execute();
	return rows.map((row) => ({ unitId: row.org_unit_id, count: Number(row.n) }));
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
