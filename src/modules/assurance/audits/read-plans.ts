import type { Queryable } from "../../../db/queryable.ts";
import { fiscalYear } from "../../../shared/dates.ts";
import { allowedActions, authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { auditCountsByPlan } from "./audits.repository.ts";
import {
	listMultiYearPlans,
	listYearlyPlans,
	type MultiYearPlanRow,
	type PlannedUnitRow,
	plannedUnits,
	type YearlyPlanRow,
} from "./plans.repository.ts";
import type { MultiYearPlanView, YearlyPlanView } from "./plans.schemas.ts";

export function presentMultiYearPlan(row: MultiYearPlanRow): MultiYearPlanView {
	return {
		id: row.id,
		title: row.title,
		firstYear: Number(row.first_year),
		lastYear: Number(row.last_year),
		aims: row.aims,
		version: Number(row.version),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

function yearlyView(
	row: YearlyPlanRow,
	units: readonly PlannedUnitRow[],
	unitName: ReadonlyMap<string, string>,
	auditCount: number,
): YearlyPlanView {
	return {
		id: row.id,
		fiscalYear: Number(row.fiscal_year),
		planId: row.plan_id,
		aims: row.aims,
		units: units
			.filter((u) => u.yearly_plan_id === row.id)
			.map((u) => ({
				unitId: u.org_unit_id,
				name: unitName.get(u.org_unit_id) ?? "",
				quarter: u.quarter === null ? null : Number(u.quarter),
				month: u.month === null ? null : Number(u.month),
			})),
		auditCount,
		version: Number(row.version),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
	};
}

/** One yearly plan as the API shows it, with its units' names and its audits counted. */
export async function presentYearlyPlan(
	db: Queryable,
	tenantId: string,
	row: YearlyPlanRow,
): Promise<YearlyPlanView> {
	const [units, orgUnits, counts] = await Promise.all([
		plannedUnits(db, tenantId, [row.id]),
		listOrgUnits(db, tenantId),
		auditCountsByPlan(db, tenantId),
	]);
	const names = new Map(orgUnits.map((u) => [u.id, u.name]));
	return yearlyView(row, units, names, counts.get(row.id) ?? 0);
}

/**
 * The tenant's audit plans: every multi-year plan and every yearly plan with its units and
 * timing, the units to choose from, and the current fiscal year.
 */
export async function readAuditPlans(db: Queryable, actor: Actor, now: Date = new Date()) {
	authorize(actor, auditsPolicy, "audit_plan.read");
	const [multiYear, yearly, orgUnits, counts] = await Promise.all([
		listMultiYearPlans(db, actor.tenantId),
		listYearlyPlans(db, actor.tenantId),
		listOrgUnits(db, actor.tenantId),
		auditCountsByPlan(db, actor.tenantId),
	]);
	const units = await plannedUnits(
		db,
		actor.tenantId,
		yearly.map((y) => y.id),
	);
	const names = new Map(orgUnits.map((u) => [u.id, u.name]));
	return {
		multiYear: multiYear.map(presentMultiYearPlan),
		yearly: yearly.map((row) => yearlyView(row, units, names, counts.get(row.id) ?? 0)),
		units: orgUnits.map((u) => ({ id: u.id, name: u.name })),
		currentFiscalYear: fiscalYear(now.toISOString()),
		allowedActions: allowedActions(actor, auditsPolicy, ["audit_plan.manage"]),
	};
}
