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
	reportableCases,
	yearCases,
	yearFilings,
	yearUnitCounts,
} from "./incident-stats.repository.ts";
import type {
	IncidentStats,
	IncidentStatsQuery,
	OpenObligation,
} from "./incident-stats.schemas.ts";
import { FILING_STAGES, INCIDENT_STATES } from "./incidents.schemas.ts";

/** The most unfiled reports the dashboard lists (the total is given beside them). */
export const OPEN_OBLIGATIONS_SHOWN = 50;

const HOUR_MS = 3_600_000;

/** The fiscal year (年度) a Japan date belongs to: it starts on 1 April. */
export function fiscalYearOfDay(day: string): number {
	const year = Number(day.slice(0, 4));
	return Number(day.slice(5, 7)) < 4 ? year - 1 : year;
}

/** Median and mean of durations in hours, to one decimal; null for none. */
export function durationSummary(hours: number[]) {
	if (hours.length === 0) return { cases: 0, medianHours: null, meanHours: null };
	const sorted = [...hours].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median =
		sorted.length % 2 === 1
			? (sorted[mid] ?? 0)
			: ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
	const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
	const tenth = (value: number) => Math.round(value * 10) / 10;
	return { cases: sorted.length, medianHours: tenth(median), meanHours: tenth(mean) };
}

const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR_MS;

type Filing = { incident_id: string; obligation_code: string; stage: string; filed_on: string };
const filingKey = (incidentId: string, code: string, stage: string) =>
	`${incidentId}|${code}|${stage}`;

function filedOn(filings: readonly Filing[]): Map<string, string> {
	return new Map(
		filings.map((f) => [filingKey(f.incident_id, f.obligation_code, f.stage), f.filed_on]),
	);
}

type ReportableCase = Awaited<ReturnType<typeof reportableCases>>[number];

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
	cases: readonly ReportableCase[],
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

/**
 * The incident figures of one fiscal year for the dashboard and its export: cases by state,
 * category (the pack's threats) and unit, the median and mean time to triage and to close, the
 * dated legal reports filed on time or late; and, of any year, the reports owed and not filed.
 * Only for those who see every case (the CSIRT, the CISO, 統括).
 *
 * @example
 * const stats = await incidentStats(db, await openIncidentDesk(db, actor), { fiscalYear: 2026 });
 */
export async function incidentStats(
	db: Queryable,
	desk: IncidentDesk,
	query: IncidentStatsQuery,
): Promise<IncidentStats> {
	const { actor } = desk;
	authorize(actor, incidentFeedsPolicy, "incident.stats");
	const tenantId = actor.tenantId;
	const current = fiscalYearOfDay(desk.today);
	const fiscalYear = query.fiscalYear ?? current;
	const range = fiscalYearRange(fiscalYear);
	const [cases, unitCounts, years, dated, datedFilings, unfiled, units] = await Promise.all([
		yearCases(db, tenantId, range),
		yearUnitCounts(db, tenantId, range),
		caseFiscalYears(db, tenantId),
		reportableCases(db, tenantId, desk.rules, { kind: "dated", range }),
		yearFilings(db, tenantId, range),
		reportableCases(db, tenantId, desk.rules, { kind: "unfiled" }),
		listOrgUnits(db, tenantId),
	]);
	const unfiledFilings = await filingsOf(
		db,
		tenantId,
		unfiled.map((row) => row.id),
	);

	const byState = new Map<string, number>();
	const byCategory = new Map<string | null, number>();
	const triage: number[] = [];
	const close: number[] = [];
	for (const row of cases) {
		byState.set(row.state, (byState.get(row.state) ?? 0) + 1);
		byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + 1);
		if (row.triaged_at) triage.push(hoursBetween(row.created_at, row.triaged_at));
		if (row.state === "closed" && row.closed_at) {
			close.push(hoursBetween(row.created_at, row.closed_at));
		}
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
	const withoutUnit = cases.length - unitCounts.withUnit;
	if (withoutUnit > 0) byUnit.push({ unit: null, count: withoutUnit });
	const open = openObligationsOf(desk, unfiled, unfiledFilings);

	return {
		fiscalYear,
		fiscalYears: [...new Set([...years, current])].sort((a, b) => b - a),
		total: cases.length,
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
		timeToTriage: durationSummary(triage),
		timeToClose: durationSummary(close),
		reporting: reportingOf(desk, dated, datedFilings),
		openObligations: { total: open.length, items: open.slice(0, OPEN_OBLIGATIONS_SHOWN) },
		allowedActions: allowedActions(actor, incidentFeedsPolicy, ["incident.stats"]),
	};
}
