import { sql } from "kysely";
import type { Engine } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { FACT_COLUMNS } from "./case-rules.ts";
import type { ReportDue } from "./report-dues.ts";

/** The SQL of the kept report dues (`report-dues.ts` decides what they are). */

type DueFiling = { obligation_code: string; stage: string; filed_on: string };

/** What one case's dues are derived from: its facts, state and year, and its filings. */
export async function caseDueInputs(tx: Tx, tenantId: string, incidentId: string) {
	const row = await tx
		.selectFrom("incidents")
		.select(["id", "state", "fiscal_year", "reference", ...FACT_COLUMNS])
		.where("tenant_id", "=", tenantId)
		.where("id", "=", incidentId)
		.executeTakeFirstOrThrow();
	const filings = await tx
		.selectFrom("incident_filings")
		.select(["obligation_code", "stage", "filed_on"])
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.execute();
	return { row, filings };
}

/**
 * A page of the tenant's cases in reference order after `after`, with what their dues are
 * derived from; on PostgreSQL the page's rows are locked for the rest of the transaction.
 */
export function casePageForDues(
	tx: Tx,
	engine: Engine,
	tenantId: string,
	after: string | null,
	limit: number,
) {
	let query = tx
		.selectFrom("incidents")
		.select(["id", "state", "fiscal_year", "reference", ...FACT_COLUMNS])
		.where("tenant_id", "=", tenantId);
	if (after !== null) query = query.where("reference", ">", after);
	query = query.orderBy("reference").limit(limit);
	return (engine === "postgres" ? query.forUpdate() : query).execute();
}

/** Some cases by id, with what their dues are derived from and their title. */
export function casesForDues(db: Queryable, tenantId: string, incidentIds: readonly string[]) {
	if (incidentIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("incidents")
		.select(["id", "state", "fiscal_year", "reference", "title", ...FACT_COLUMNS])
		.where("tenant_id", "=", tenantId)
		.where("id", "in", [...incidentIds])
		.execute();
}

/** The filings of some cases, by case. */
export async function filingsForDues(
	tx: Queryable,
	tenantId: string,
	incidentIds: readonly string[],
): Promise<Map<string, DueFiling[]>> {
	const byCase = new Map<string, DueFiling[]>();
	if (incidentIds.length === 0) return byCase;
	const rows = await tx
		.selectFrom("incident_filings")
		.select(["incident_id", "obligation_code", "stage", "filed_on"])
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "in", [...incidentIds])
		.execute();
	for (const row of rows) {
		const list = byCase.get(row.incident_id) ?? [];
		list.push(row);
		byCase.set(row.incident_id, list);
	}
	return byCase;
}

/** Rows per INSERT: seven parameters each, well under either engine's limit per statement. */
const INSERT_ROWS = 1000;

/** Replace the kept dues of each case given with exactly `dues`. */
export async function replaceReportDues(
	tx: Tx,
	tenantId: string,
	cases: readonly { id: string; fiscalYear: number; dues: readonly ReportDue[] }[],
): Promise<void> {
	if (cases.length === 0) return;
	await tx
		.deleteFrom("incident_report_dues")
		.where("tenant_id", "=", tenantId)
		.where(
			"incident_id",
			"in",
			cases.map((c) => c.id),
		)
		.execute();
	const rows = cases.flatMap((c) =>
		c.dues.map((due) => ({
			tenant_id: tenantId,
			incident_id: c.id,
			obligation_code: due.obligation,
			stage: due.stage,
			fiscal_year: c.fiscalYear,
			due_on: due.due,
			filed_on: due.filedOn,
		})),
	);
	for (let start = 0; start < rows.length; start += INSERT_ROWS) {
		await tx
			.insertInto("incident_report_dues")
			.values(rows.slice(start, start + INSERT_ROWS))
			.execute();
	}
}

/**
 * The stamp of the rules the tenant's dues were derived under and when; undefined before the
 * first derivation.
 */
export function dueStampOf(db: Queryable, tenantId: string) {
	return db
		.selectFrom("incident_report_due_stamps")
		.select(["stamp", "derived_at"])
		.where("tenant_id", "=", tenantId)
		.executeTakeFirst();
}

/** How many cases the tenant has, counted up to `atMost`. */
export async function tenantCaseCount(
	db: Queryable,
	tenantId: string,
	atMost: number,
): Promise<number> {
	const rows = await db
		.selectFrom("incidents")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.limit(atMost)
		.execute();
	return rows.length;
}

/**
 * Take the tenant's stamp row for this transaction (created empty if missing; on PostgreSQL the
 * update holds its lock until commit) and return the stamp as it is now.
 */
export async function lockDueStamp(tx: Tx, tenantId: string, at: string): Promise<string> {
	await tx
		.insertInto("incident_report_due_stamps")
		.values({ tenant_id: tenantId, stamp: "", derived_at: at })
		.onConflict((oc) => oc.column("tenant_id").doNothing())
		.execute();
	const row = await tx
		.updateTable("incident_report_due_stamps")
		.set((eb) => ({ stamp: eb.ref("stamp") }))
		.where("tenant_id", "=", tenantId)
		.returning("stamp")
		.executeTakeFirstOrThrow();
	return row.stamp;
}

export async function setDueStamp(tx: Tx, tenantId: string, stamp: string, at: string) {
	await tx
		.updateTable("incident_report_due_stamps")
		.set({ stamp, derived_at: at })
		.where("tenant_id", "=", tenantId)
		.execute();
}

/**
 * The year's dated reports by stage: filed on or before the due date, filed after it, not filed
 * and past due, not filed and not yet due. One range of `incident_report_dues_year`.
 */
export async function yearReportDues(
	db: Queryable,
	tenantId: string,
	fiscalYear: number,
	today: string,
) {
	const rows = await db
		.selectFrom("incident_report_dues")
		.select([
			"stage",
			sql<number>`sum(case when filed_on <= due_on then 1 else 0 end)`.as("on_time"),
			sql<number>`sum(case when filed_on > due_on then 1 else 0 end)`.as("late"),
			sql<number>`sum(case when filed_on is null and due_on < ${today} then 1 else 0 end)`.as(
				"overdue",
			),
			sql<number>`sum(case when filed_on is null and due_on >= ${today} then 1 else 0 end)`.as(
				"pending",
			),
		])
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.groupBy("stage")
		.execute();
	return rows.map((row) => ({
		stage: row.stage,
		onTime: Number(row.on_time),
		late: Number(row.late),
		overdue: Number(row.overdue),
		pending: Number(row.pending),
	}));
}

/**
 * The reports owed and not filed, of every year: the first `limit` by due date (then reference,
 * the preliminary stage before the final), with the case's reference and title, and how many
 * there are in all.
 */
export async function unfiledReportDues(db: Queryable, tenantId: string, limit: number) {
	const unfiled = () =>
		db
			.selectFrom("incident_report_dues")
			.where("incident_report_dues.tenant_id", "=", tenantId)
			.where("incident_report_dues.filed_on", "is", null);
	const [rows, count] = await Promise.all([
		unfiled()
			.innerJoin("incidents", "incidents.id", "incident_report_dues.incident_id")
			.select([
				"incident_report_dues.incident_id",
				"incident_report_dues.obligation_code",
				"incident_report_dues.stage",
				"incident_report_dues.due_on",
				"incidents.reference",
				"incidents.title",
			])
			.orderBy("incident_report_dues.due_on")
			.orderBy("incidents.reference")
			.orderBy(sql`case when incident_report_dues.stage = 'preliminary' then 0 else 1 end`)
			.limit(limit)
			.execute(),
		unfiled()
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(count.n) };
}

/**
 * The next `limit` cases (by id, after `after`) that owe a report stage not filed and due on or
 * before `horizon`: a range of `incident_report_dues_unfiled`.
 */
export async function caseIdsOwingBy(
	db: Queryable,
	tenantId: string,
	horizon: string,
	after: string | null,
	limit: number,
): Promise<string[]> {
	let query = db
		.selectFrom("incident_report_dues")
		.select("incident_id")
		.distinct()
		.where("tenant_id", "=", tenantId)
		.where("filed_on", "is", null)
		.where("due_on", "<=", horizon);
	if (after !== null) query = query.where("incident_id", ">", after);
	const rows = await query.orderBy("incident_id").limit(limit).execute();
	return rows.map((row) => row.incident_id);
}

/** The report stages of some cases not filed and due on or before `horizon`. */
export function unfiledDuesBy(
	db: Queryable,
	tenantId: string,
	incidentIds: readonly string[],
	horizon: string,
) {
	if (incidentIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("incident_report_dues")
		.select(["incident_id", "obligation_code", "stage", "due_on"])
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "in", [...incidentIds])
		.where("filed_on", "is", null)
		.where("due_on", "<=", horizon)
		.execute();
}
