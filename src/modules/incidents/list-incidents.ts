import type { AliasedSelectQueryBuilder, SelectQueryBuilder } from "kysely";
import type { Queryable } from "../../db/queryable.ts";
import type { Database } from "../../db/schema.ts";
import { authorize } from "../authz/policy.ts";
import { OPEN_STATES, priorityOf } from "./case-rules.ts";
import { type IncidentDesk, severeLevel } from "./incident-desk.ts";
import { ofTenant } from "./incident-stats.repository.ts";
import type { IncidentCase, IncidentSummary } from "./incident-view.schemas.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import { type IncidentRow, listFilingsOf } from "./incidents.repository.ts";
import type { IncidentQuery, IncidentState, MyReportsQuery } from "./incidents.schemas.ts";
import { nextDue } from "./next-due.ts";

type CaseQuery<O> = SelectQueryBuilder<Database, "incidents", O>;

/** Severity as shown: the step, the pack's label for it, and whether it is the severe top. */
export function presentSeverity(desk: IncidentDesk, level: number | null) {
	if (level === null) return null;
	const step = Number(level);
	return {
		level: step,
		label: desk.pack.riskMatrix.impact[step - 1] ?? null,
		severe: step >= severeLevel(desk),
	};
}

/** Whitelist what a list shows of a case. */
export function presentSummary(desk: IncidentDesk, row: IncidentRow): IncidentSummary {
	return {
		id: row.id,
		reference: row.reference,
		state: row.state as IncidentState,
		title: row.title,
		source: row.source as IncidentSummary["source"],
		reporterLabel: row.reporter_label,
		noticedAt: row.noticed_at,
		knownAt: row.known_on,
		personalDataSuspected: Boolean(row.personal_data_suspected),
		category: row.category,
		categoryLabel: desk.pack.threats.find((threat) => threat.code === row.category)?.label ?? null,
		severity: presentSeverity(desk, row.severity),
		priority: priorityOf(row.priority),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		closedAt: row.closed_at,
	};
}

/** Narrow to the cases the caller sees: all, or their units' and their own reports. */
function withinReach<O>(query: CaseQuery<O>, desk: IncidentDesk): CaseQuery<O> {
	const { tenantId, accountId } = desk.actor;
	let q = query.where("incidents.tenant_id", "=", tenantId);
	if (desk.cases.all) return q;
	const units = [...desk.cases.unitIds];
	q = q.where((eb) =>
		units.length === 0
			? eb("incidents.reporter_id", "=", accountId)
			: eb.or([
					eb("incidents.reporter_id", "=", accountId),
					eb(
						"incidents.id",
						"in",
						eb
							.selectFrom("incident_units")
							.select("incident_units.incident_id")
							.where("incident_units.tenant_id", "=", tenantId)
							.where("incident_units.org_unit_id", "in", units),
					),
				]),
	);
	return q;
}

/**
 * Where a list reads its cases from: every case of the tenant, or (for a unit filter, or the
 * reach of a unit's manager) the cases linked to those units, read from the links first, so that
 * a page and its total cost as much as those units' cases rather than the tenant's (100,000 cases:
 * see BENCHMARKS.md). CROSS JOIN keeps the links as the outer loop on SQLite, which has no
 * statistics to choose it; PostgreSQL plans it as any join.
 */
function casesOf(db: Queryable, desk: IncidentDesk, filter: IncidentQuery): CaseQuery<object> {
	const { tenantId, accountId } = desk.actor;
	const links = (units: readonly string[]) =>
		db
			.selectFrom("incident_units")
			.select("incident_units.incident_id as id")
			.where("incident_units.tenant_id", "=", tenantId)
			.where("incident_units.org_unit_id", "in", units);
	let reach: AliasedSelectQueryBuilder<{ id: string }, "reach">;
	if (filter.unitId) {
		reach = links([filter.unitId]).as("reach");
	} else if (!desk.cases.all) {
		const own = db
			.selectFrom("incidents")
			.select("incidents.id")
			.where("incidents.tenant_id", "=", tenantId)
			.where("incidents.reporter_id", "=", accountId);
		const units = [...desk.cases.unitIds];
		reach = (units.length === 0 ? own : links(units).union(own)).as("reach");
	} else {
		return db.selectFrom("incidents");
	}
	// The derived table only bounds the rows; nothing reads it after the join condition.
	return db
		.selectFrom(reach)
		.crossJoin("incidents")
		.whereRef("incidents.id", "=", "reach.id") as unknown as CaseQuery<object>;
}

function filtered<O>(query: CaseQuery<O>, desk: IncidentDesk, filter: IncidentQuery) {
	// Without a unit filter, a manager's reach is already the source (`casesOf`).
	let q = filter.unitId
		? withinReach(query, desk)
		: query.where("incidents.tenant_id", "=", desk.actor.tenantId);
	if (filter.state === "open") q = q.where("incidents.state", "in", [...OPEN_STATES]);
	else if (filter.state) q = q.where("incidents.state", "=", filter.state);
	if (filter.severity !== undefined) q = q.where("incidents.severity", "=", filter.severity);
	return q;
}

async function page<O>(
	rows: CaseQuery<O>,
	count: CaseQuery<{ n: number }>,
	paging: { offset: number; limit: number },
) {
	const found = await rows
		.selectAll("incidents")
		.orderBy("incidents.created_at", "desc")
		.orderBy("incidents.id", "desc")
		.offset(paging.offset)
		.limit(paging.limit)
		.execute();
	const { n } = await count.executeTakeFirstOrThrow();
	return { rows: found as IncidentRow[], total: Number(n) };
}

/**
 * The cases of some units (a unit filter of those who see every case, or a manager's reach) as
 * their unit links, which keep each case's report time (`reported_at`), and the manager's own
 * reports: the page is ordered and counted from these, looking up in the cases only the state and
 * severity a filter asks for (`incidents_id_state`, index only), and only the page's cases are
 * read whole. Joining the links to whole cases instead, PostgreSQL hashes every case of the
 * tenant that passes the filter (a scan of up to 100,000 rows) rather than looking up a unit's
 * few thousand. Null for the other lists (every case; a manager's unit filter).
 */
function linkedReach(db: Queryable, desk: IncidentDesk, filter: IncidentQuery) {
	const { tenantId, accountId } = desk.actor;
	const links = (units: readonly string[]) =>
		db
			.selectFrom("incident_units")
			.select(["incident_units.incident_id as id", "incident_units.reported_at as at"])
			.where("incident_units.tenant_id", "=", tenantId)
			.where("incident_units.org_unit_id", "in", units);
	if (filter.unitId) return desk.cases.all ? links([filter.unitId]) : null;
	if (desk.cases.all) return null;
	const own = db
		.selectFrom("incidents")
		.select(["incidents.id", "incidents.created_at as at"])
		.where("incidents.tenant_id", "=", tenantId)
		.where("incidents.reporter_id", "=", accountId);
	const units = [...desk.cases.unitIds];
	// UNION: a case linked to two of the units, or also the manager's own report, counts once.
	return units.length === 0 ? own : links(units).union(own);
}

async function pageOfLinked(
	db: Queryable,
	desk: IncidentDesk,
	reach: NonNullable<ReturnType<typeof linkedReach>>,
	filter: IncidentQuery,
) {
	const tenantId = desk.actor.tenantId;
	const matching = () => {
		const from = db.selectFrom(reach.as("reach"));
		if (filter.state === undefined && filter.severity === undefined) return from;
		// CROSS JOIN keeps the links the outer loop on SQLite (see `casesOf`).
		let q = from
			.crossJoin("incidents")
			.whereRef("incidents.id", "=", "reach.id")
			.where("incidents.tenant_id", "=", tenantId);
		if (filter.state === "open") q = q.where("incidents.state", "in", [...OPEN_STATES]);
		else if (filter.state) q = q.where("incidents.state", "=", filter.state);
		if (filter.severity !== undefined) q = q.where("incidents.severity", "=", filter.severity);
		return q as unknown as typeof from;
	};
	const page = () =>
		matching()
			.select("reach.id")
			.orderBy("reach.at", "desc")
			.orderBy("reach.id", "desc")
			.offset(filter.offset)
			.limit(filter.limit);
	const count = async () =>
		Number(
			(
				await matching()
					.select((eb) => eb.fn.countAll<number>().as("n"))
					.executeTakeFirstOrThrow()
			).n,
		);
	let ids: { id: string }[];
	let total: number;
	if (filter.state === undefined && filter.severity === undefined) {
		// The links alone: a page that stops after its rows, and a count over the index.
		[ids, total] = await Promise.all([page().execute(), count()]);
	} else {
		// Each link looked up in the cases once: the page carries the total on its rows, and only
		// a page past the end asks for it again.
		const found = await page()
			.select((eb) => eb.fn.countAll<number>().over().as("total"))
			.execute();
		ids = found;
		total =
			found[0] !== undefined ? Number(found[0].total) : filter.offset === 0 ? 0 : await count();
	}
	const order = new Map(ids.map((row, index) => [row.id, index]));
	const rows =
		ids.length === 0
			? []
			: await db
					.selectFrom("incidents")
					.selectAll()
					.where(ofTenant("tenant_id", tenantId))
					.where(
						"id",
						"in",
						ids.map((row) => row.id),
					)
					.execute();
	rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
	return { rows, total };
}

/**
 * A page of the cases the caller oversees, newest first, filtered by state (`open`: not closed
 * or rejected), severity and unit: every case for the CSIRT, the CISO and 統括; the cases of
 * their units (and their own reports) for a unit's 管理者.
 */
export async function listIncidents(
	db: Queryable,
	desk: IncidentDesk,
	query: IncidentQuery,
): Promise<{ items: IncidentCase[]; total: number }> {
	authorize(desk.actor, incidentsPolicy, "incident.list");
	const base = () => casesOf(db, desk, query);
	const linked = linkedReach(db, desk, query);
	const { rows, total } = linked
		? await pageOfLinked(db, desk, linked, query)
		: await page(
				filtered(base(), desk, query),
				filtered(
					base().select((eb) => eb.fn.countAll<number>().as("n")),
					desk,
					query,
				),
				query,
			);
	const filings = await listFilingsOf(
		db,
		desk.actor.tenantId,
		rows.map((row) => row.id),
	);
	const items = rows.map((row) => ({
		...presentSummary(desk, row),
		nextDue: nextDue(
			desk.rules,
			row,
			filings.filter((filing) => filing.incident_id === row.id),
			desk.today,
		),
	}));
	return { items, total };
}

/** The caller's own reports with their state, newest first. */
export async function listMyReports(db: Queryable, desk: IncidentDesk, query: MyReportsQuery) {
	authorize(desk.actor, incidentsPolicy, "incident.report");
	const mine = <O>(q: CaseQuery<O>) =>
		q
			.where("incidents.tenant_id", "=", desk.actor.tenantId)
			.where("incidents.reporter_id", "=", desk.actor.accountId);
	const { rows, total } = await page(
		mine(db.selectFrom("incidents")),
		mine(db.selectFrom("incidents").select((eb) => eb.fn.countAll<number>().as("n"))),
		query,
	);
	return { items: rows.map((row) => presentSummary(desk, row)), total };
}
