import type { Queryable } from "../../db/queryable.ts";
import type { ReportingRules } from "./assess-obligations.ts";
import { FACT_COLUMNS } from "./case-rules.ts";
import { owesDatedReport, owesUnfiledReport } from "./reportable-cases.ts";

/** The instants a fiscal year (年度) runs between in Japan, as ISO strings in UTC: [from, to). */
export interface YearRange {
	from: string;
	to: string;
}

/** 1 April 00:00 JST of `year` to the same instant a year later. */
export function fiscalYearRange(year: number): YearRange {
	const start = (y: number) => new Date(`${y}-04-01T00:00:00+09:00`).toISOString();
	return { from: start(year), to: start(year + 1) };
}

/**
 * The facts every count needs of the cases reported in the year: one narrow scan of the year's
 * slice of the (tenant, created_at) index, which covers these columns (migration 0023).
 */
export function yearCases(db: Queryable, tenantId: string, range: YearRange) {
	return db
		.selectFrom("incidents")
		.select(["state", "category", "created_at", "triaged_at", "closed_at"])
		.where("tenant_id", "=", tenantId)
		.where("created_at", ">=", range.from)
		.where("created_at", "<", range.to)
		.execute();
}

/** How many of the year's cases concern each unit, and how many concern some unit at all. */
export async function yearUnitCounts(db: Queryable, tenantId: string, range: YearRange) {
	const inYear = db
		.selectFrom("incidents")
		.select("incidents.id")
		.where("incidents.tenant_id", "=", tenantId)
		.where("incidents.created_at", ">=", range.from)
		.where("incidents.created_at", "<", range.to);
	const units = await db
		.selectFrom("incident_units")
		.select(["org_unit_id", (eb) => eb.fn.countAll<number>().as("n")])
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "in", inYear)
		.groupBy("org_unit_id")
		.execute();
	const withUnit = await db
		.selectFrom("incident_units")
		.select((eb) => eb.fn.count<number>("incident_id").distinct().as("n"))
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "in", inYear)
		.executeTakeFirstOrThrow();
	return {
		units: units.map((row) => ({ unitId: row.org_unit_id, count: Number(row.n) })),
		withUnit: Number(withUnit.n),
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

/**
 * The cases whose facts the reporting rules need to say what they owe: `dated` (of the year, owing
 * some dated report) or `unfiled` (of any year, owing a report not filed yet). Pre-selected in SQL
 * from the rules themselves (`reportable-cases.ts`); the rules then decide.
 */
export function reportableCases(
	db: Queryable,
	tenantId: string,
	rules: ReportingRules,
	which: { kind: "dated"; range: YearRange } | { kind: "unfiled" },
) {
	let query = db
		.selectFrom("incidents")
		.select(["id", "reference", "title", "state", ...FACT_COLUMNS])
		.where("tenant_id", "=", tenantId)
		.where((eb) =>
			which.kind === "dated" ? owesDatedReport(eb, rules) : owesUnfiledReport(eb, rules),
		);
	if (which.kind === "dated") {
		query = query
			.where("created_at", ">=", which.range.from)
			.where("created_at", "<", which.range.to);
	}
	return query.execute();
}

/** The filings of the cases reported in the year. */
export function yearFilings(db: Queryable, tenantId: string, range: YearRange) {
	return db
		.selectFrom("incident_filings")
		.innerJoin("incidents", "incidents.id", "incident_filings.incident_id")
		.select([
			"incident_filings.incident_id",
			"incident_filings.obligation_code",
			"incident_filings.stage",
			"incident_filings.filed_on",
		])
		.where("incident_filings.tenant_id", "=", tenantId)
		.where("incidents.tenant_id", "=", tenantId)
		.where("incidents.created_at", ">=", range.from)
		.where("incidents.created_at", "<", range.to)
		.execute();
}

/** The filings of the given cases (few: cases that owe a report not filed yet). */
export async function filingsOf(db: Queryable, tenantId: string, incidentIds: readonly string[]) {
	const rows = [];
	// Bounded IN lists: PostgreSQL and SQLite both cap the parameters of one statement.
	for (let start = 0; start < incidentIds.length; start += 500) {
		rows.push(
			...(await db
				.selectFrom("incident_filings")
				.select(["incident_id", "obligation_code", "stage", "filed_on"])
				.where("tenant_id", "=", tenantId)
				.where("incident_id", "in", incidentIds.slice(start, start + 500))
				.execute()),
		);
	}
	return rows;
}
