import type { Engine } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { caseFacts } from "./case-rules.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import { incidentFeedsPolicy } from "./incident-feeds.policy.ts";
import {
	caseFiscalYears,
	filingsOf,
	fiscalYearRange,
	unfiledReportCases,
	yearCounts,
	yearDuration,
	yearReportableCases,
	yearReportableFilings,
	yearUnitCounts,
} from "./incident-stats.repository.ts";
import type {
	IncidentStats,
	IncidentStatsQuery,
	OpenObligation,
	OpenObligations,
} from "./incident-stats.schemas.ts";
import { FILING_STAGES, INCIDENT_STATES } from "./incidents.schemas.ts";

/** The most unfiled reports the dashboard lists (the total is given beside them). */
export const OPEN_OBLIGATIONS_SHOWN = 50;

/** The fiscal year (年度) a Japan date belongs to: it starts on 1 April. */
export function fiscalYearOfDay(day: string): number {
	const year = Number(day.slice(0, 4));
	return Number(day.slice(5, 7)) < 4 ? year - 1 : year;
}

type Filing = { incident_id: string; obligation_code: string; stage: string; filed_on: string };
const filingKey = (incidentId: string, code: string, stage: string) =>
	`${incidentId}|${code}|${stage}`;

function filedOn(filings: readonly Filing[]): Map<string, string> {
	return new Map(
		filings.map((f) => [filingKey(f.incident_id, f.obligation_code, f.stage), f.filed_on]),
	);
}

type ReportableCase = Awaited<ReturnType<typeof yearReportableCases>>[number];
type UnfiledCase = Awaited<ReturnType<typeof unfiledReportCases>>[number];

/** Each dated stage of each obligation the case owes under the rules, with its due date. */
function owedStages(desk: IncidentDesk, row: ReportableCase) {
	return desk.rules.assess(caseFacts(row)).flatMap((obligation) =>
		obligation.required
			? FILING_STAGES.flatMap((stage) => {
					const deadline = obligation[stage];
					return deadline ? [{ obligation, stage, deadline }] : [];
				})
			: [],
	);
}

/** The year's dated reports by stage: filed on time or late, overdue or pending. */
function reportingOf(
	desk: IncidentDesk,
	cases: readonly ReportableCase[],
	filings: readonly Filing[],
) {
	const filed = filedOn(filings);
	const tally = Object.fromEntries(
		FILING_STAGES.map((stage) => [stage, { stage, onTime: 0, late: 0, overdue: 0, pending: 0 }]),
	) as Record<(typeof FILING_STAGES)[number], IncidentStats["reporting"][number]>;
	for (const row of cases) {
		for (const { obligation, stage, deadline } of owedStages(desk, row)) {
			const on = filed.get(filingKey(row.id, obligation.code, stage));
			const entry = tally[stage];
			if (on !== undefined) entry[on <= deadline.due ? "onTime" : "late"]++;
			else entry[deadline.due < desk.today ? "overdue" : "pending"]++;
		}
	}
	return FILING_STAGES.map((stage) => tally[stage]);
}

/** Every report owed and not filed, soonest due first. */
function openObligationsOf(
	desk: IncidentDesk,
	cases: readonly UnfiledCase[],
	filings: readonly Filing[],
): OpenObligation[] {
	const filed = filedOn(filings);
	const open: OpenObligation[] = [];
	for (const row of cases) {
		for (const { obligation, stage, deadline } of owedStages(desk, row)) {
			if (filed.has(filingKey(row.id, obligation.code, stage))) continue;
			open.push({
				incidentId: row.id,
				reference: row.reference,
				title: row.title,
				obligation: obligation.code,
				authority: obligation.authority,
				stage,
				label: deadline.label,
				due: deadline.due,
				aim: deadline.aim,
				overdue: deadline.due < desk.today,
			});
		}
	}
	return open.sort(
		(a, b) =>
			a.due.localeCompare(b.due) ||
			a.reference.localeCompare(b.reference) ||
			FILING_STAGES.indexOf(a.stage) - FILING_STAGES.indexOf(b.stage),
	);
}

type Deps = { db: Queryable; engine: Engine };

/**
 * The reports owed and not filed, of every year, soonest due first: what the CISO's Home shows
 * until each is filed. Only for those who see every case (the CSIRT, the CISO, 統括).
 *
 * @example
 * const open = await openObligations(deps, await openIncidentDesk(deps.db, actor));
 */
export async function openObligations(deps: Deps, desk: IncidentDesk): Promise<OpenObligations> {
	authorize(desk.actor, incidentFeedsPolicy, "incident.stats");
	const { db, engine } = deps;
	const tenantId = desk.actor.tenantId;
	const unfiled = await unfiledReportCases(db, engine, tenantId, desk.rules);
	const filings = await filingsOf(
		db,
		tenantId,
		unfiled.map((row) => row.id),
	);
	const open = openObligationsOf(desk, unfiled, filings);
	return { total: open.length, items: open.slice(0, OPEN_OBLIGATIONS_SHOWN) };
}

/**
 * The incident figures of one fiscal year for the dashboard and its export: cases by state,
 * category (the pack's threats) and unit, the median and mean time to triage and to close, and
 * the dated legal reports of the year's cases filed on time or late. Only for those who see
 * every case (the CSIRT, the CISO, 統括).
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
	const { db, engine } = deps;
	const tenantId = actor.tenantId;
	const current = fiscalYearOfDay(desk.today);
	const fiscalYear = query.fiscalYear ?? current;
	const range = fiscalYearRange(fiscalYear);
	const [counts, triage, close, unitCounts, years, dated, datedFilings, units] = await Promise.all([
		yearCounts(db, tenantId, range),
		yearDuration(db, engine, tenantId, range, "triage"),
		yearDuration(db, engine, tenantId, range, "close"),
		yearUnitCounts(db, tenantId, range),
		caseFiscalYears(db, tenantId),
		yearReportableCases(db, tenantId, desk.rules, range),
		yearReportableFilings(db, tenantId, desk.rules, range),
		listOrgUnits(db, tenantId),
	]);

	const byState = new Map<string, number>();
	const byCategory = new Map<string | null, number>();
	let total = 0;
	for (const { state, category, count } of counts) {
		total += count;
		byState.set(state, (byState.get(state) ?? 0) + count);
		byCategory.set(category, (byCategory.get(category) ?? 0) + count);
	}
	const threats = desk.pack.threats;
	const threatOrder = (code: string | null) => {
		const index = threats.findIndex((threat) => threat.code === code);
		return code === null ? Number.MAX_SAFE_INTEGER : index < 0 ? threats.length : index;
	};
	const unitById = new Map(units.map((unit) => [unit.id, unit]));
	const byUnit = unitCounts.units.map(({ unitId, count }) => {
		const unit = unitById.get(unitId);
		return { unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null, count };
	});
	if (total > unitCounts.withUnit) byUnit.push({ unit: null, count: total - unitCounts.withUnit });

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
		reporting: reportingOf(desk, dated, datedFilings),
		allowedActions: allowedActions(actor, incidentFeedsPolicy, ["incident.stats"]),
	};
}
