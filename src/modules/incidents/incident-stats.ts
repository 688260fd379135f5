import type { Db, Engine } from "../../db/connection.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import { incidentFeedsPolicy } from "./incident-feeds.policy.ts";
import {
	caseFiscalYears,
	fiscalYearRange,
	yearCounts,
	yearDuration,
	yearUnitCounts,
} from "./incident-stats.repository.ts";
import type {
	IncidentStats,
	IncidentStatsQuery,
	OpenObligation,
	OpenObligations,
} from "./incident-stats.schemas.ts";
import { FILING_STAGES, INCIDENT_STATES } from "./incidents.schemas.ts";
import {
	casesForDues,
	filingsForDues,
	unfiledReportDues,
	yearReportDues,
} from "./report-dues.repository.ts";
import { duesAreCurrent, reportDuesOf } from "./report-dues.ts";

/** The most unfiled reports the dashboard lists (the total is given beside them). */
export const OPEN_OBLIGATIONS_SHOWN = 50;

/** The fiscal year (年度) a Japan date belongs to: it starts on 1 April. */
export function fiscalYearOfDay(day: string): number {
	const year = Number(day.slice(0, 4));
	return Number(day.slice(5, 7)) < 4 ? year - 1 : year;
}

/** Each stage's figures, in the stages' order, zero where the year has none of a stage. */
function reportingOf(rows: Awaited<ReturnType<typeof yearReportDues>>): IncidentStats["reporting"] {
	return FILING_STAGES.map((stage) => {
		const row = rows.find((found) => found.stage === stage);
		return {
			stage,
			onTime: row?.onTime ?? 0,
			late: row?.late ?? 0,
			overdue: row?.overdue ?? 0,
			pending: row?.pending ?? 0,
		};
	});
}

type UnfiledDue = Awaited<ReturnType<typeof unfiledReportDues>>["rows"][number];

/** A kept due as the dashboard lists it, with its obligation's authority and stage label. */
function presentOpen(desk: IncidentDesk, row: UnfiledDue): OpenObligation[] {
	const obligation = desk.rules.reporting.obligations.find((o) => o.code === row.obligation_code);
	const stage = FILING_STAGES.find((s) => s === row.stage);
	const deadline = stage && obligation?.[stage];
	// Listed dues are those of these rules (kept under them, or derived for the list while the
	// kept ones are being derived again): nothing is left unmatched.
	if (!obligation || !stage || !deadline) return [];
	return [
		{
			incidentId: row.incident_id,
			reference: row.reference,
			title: row.title,
			obligation: obligation.code,
			authority: obligation.authority,
			stage,
			label: deadline.label,
			due: row.due_on,
			aim: deadline.aim,
			overdue: row.due_on < desk.today,
		},
	];
}

type Deps = { db: Db; engine: Engine };

/**
 * The reports owed and not filed, of every year, soonest due first: what the CISO's Home shows
 * until each is filed. Only for those who see every case (the CSIRT, the CISO, 統括).
 *
 * @example
 * const open = await openObligations(deps, await openIncidentDesk(deps.db, actor));
 */
export async function openObligations(deps: Deps, desk: IncidentDesk): Promise<OpenObligations> {
	authorize(desk.actor, incidentFeedsPolicy, "incident.stats");
	const tenantId = desk.actor.tenantId;
	const current = await duesAreCurrent(deps, desk.rules, tenantId);
	const { rows, total } = await unfiledReportDues(deps.db, tenantId, OPEN_OBLIGATIONS_SHOWN);
	const listed = current ? rows : await listedUnderCurrentRules(deps.db, desk, rows);
	return {
		total,
		recalculating: !current,
		items: listed.flatMap((row) => presentOpen(desk, row)),
	};
}

const stageOrder = (stage: string) => (stage === "preliminary" ? 0 : 1);

/**
 * While the kept dues are being derived again: the unfiled dues of the listed cases as the rules
 * say now, so that no date shown is a stale one. Bounded by the list's cases; which cases are
 * listed, and the total, are the kept rows' until the job is done (the list says so).
 */
async function listedUnderCurrentRules(
	db: Db,
	desk: IncidentDesk,
	rows: readonly UnfiledDue[],
): Promise<UnfiledDue[]> {
	const tenantId = desk.actor.tenantId;
	const ids = [...new Set(rows.map((row) => row.incident_id))];
	const [cases, filings] = await Promise.all([
		casesForDues(db, tenantId, ids),
		filingsForDues(db, tenantId, ids),
	]);
	return cases
		.flatMap((row) =>
			reportDuesOf(desk.rules, row, filings.get(row.id) ?? [])
				.filter((due) => due.filedOn === null)
				.map((due) => ({
					incident_id: row.id,
					obligation_code: due.obligation,
					stage: due.stage,
					due_on: due.due,
					reference: row.reference,
					title: row.title,
				})),
		)
		.sort(
			(a, b) =>
				a.due_on.localeCompare(b.due_on) ||
				a.reference.localeCompare(b.reference) ||
				stageOrder(a.stage) - stageOrder(b.stage),
		);
}

/**
 * The incident figures of one fiscal year for the dashboard and its export: cases by state,
 * category (the pack's threats) and unit, the median and mean time to triage and to close, and
 * the dated legal reports of the year's cases filed on time or late (the kept ones, marked
 * `recalculating` while a change of the tenant's rules is being applied to them by the job). Only
 * for those who see every case (the CSIRT, the CISO, 統括).
 *
 * @example
 * const stats = await incidentStats(deps, await openIncidentDesk(deps.db, actor), { fiscalYear: 2026 });
 */
export async function incidentStats(
	deps: Deps,
	desk: IncidentDesk,
	query: IncidentStatsQuery,
): Promise<IncidentStats> {
	const { actor } = desk;
	authorize(actor, incidentFeedsPolicy, "incident.stats");
	const { db } = deps;
	const tenantId = actor.tenantId;
	const current = fiscalYearOfDay(desk.today);
	const fiscalYear = query.fiscalYear ?? current;
	const duesCurrent = await duesAreCurrent(deps, desk.rules, tenantId);
	const [counts, triage, close, unitCounts, years, reporting, units] = await Promise.all([
		yearCounts(db, tenantId, fiscalYear),
		yearDuration(db, tenantId, fiscalYear, "triage"),
		yearDuration(db, tenantId, fiscalYear, "close"),
		yearUnitCounts(db, tenantId, fiscalYearRange(fiscalYear)),
		caseFiscalYears(db, tenantId),
		yearReportDues(db, tenantId, fiscalYear, desk.today),
		listOrgUnits(db, tenantId),
	]);

	const byState = new Map<string, number>();
	const byCategory = new Map<string | null, number>();
	let total = 0;
	let withUnit = 0;
	for (const { state, category, count, withUnit: concerningUnits } of counts) {
		total += count;
		withUnit += concerningUnits;
		byState.set(state, (byState.get(state) ?? 0) + count);
		byCategory.set(category, (byCategory.get(category) ?? 0) + count);
	}
	const threats = desk.pack.threats;
	const threatOrder = (code: string | null) => {
		const index = threats.findIndex((threat) => threat.code === code);
		return code === null ? Number.MAX_SAFE_INTEGER : index < 0 ? threats.length : index;
	};
	const unitById = new Map(units.map((unit) => [unit.id, unit]));
	const byUnit = unitCounts.map(({ unitId, count }) => {
		const unit = unitById.get(unitId);
		return { unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null, count };
	});
	if (total > withUnit) byUnit.push({ unit: null, count: total - withUnit });

	return {
		fiscalYear,
		fiscalYears: [...new Set([...years, current])].sort((a, b) => b - a),
		total,
		byState: INCIDENT_STATES.map((state) => ({ state, count: byState.get(state) ?? 0 })),
		byCategory: [...byCategory]
			.map(([code, count]) => ({
				code,
				label: threats.find((threat) => threat.code === code)?.label ?? null,
				count,
			}))
			.sort((a, b) => b.count - a.count || threatOrder(a.code) - threatOrder(b.code)),
		byUnit: byUnit.sort(
			(a, b) =>
				b.count - a.count ||
				(a.unit?.code ?? "\uffff").localeCompare(b.unit?.code ?? "\uffff", "ja"),
		),
		timeToTriage: triage,
		timeToClose: close,
		reporting: reportingOf(reporting),
		recalculating: !duesCurrent,
		allowedActions: allowedActions(actor, incidentFeedsPolicy, ["incident.stats"]),
	};
}
