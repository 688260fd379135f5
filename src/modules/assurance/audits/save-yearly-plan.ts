import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { invalid, stale } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { checkPlannedUnits } from "./check-input.ts";
import {
	findMultiYearPlan,
	findYearlyPlan,
	findYearlyPlanOfYear,
	insertYearlyPlan,
	plannedUnits,
	replacePlannedUnits,
	updateYearlyPlan,
	type YearlyPlanRow,
} from "./plans.repository.ts";
import type { YearlyPlanInput, YearlyPlanPatch } from "./plans.schemas.ts";

/** The multi-year plan a yearly plan belongs to: the tenant's, and its span holds the year. */
async function checkParent(
	db: Queryable,
	tenantId: string,
	planId: string | null,
	fiscalYear: number,
): Promise<void> {
	if (planId === null) return;
	const plan = await findMultiYearPlan(db, tenantId, planId);
	if (!plan) {
		throw invalid([{ path: "planId", code: "audit_plan_unknown", message: "no such plan" }]);
	}
	if (fiscalYear < Number(plan.first_year) || fiscalYear > Number(plan.last_year)) {
		throw invalid([
			{
				path: "planId",
				code: "audit_yearly_plan_outside_span",
				params: {
					fiscalYear,
					firstYear: Number(plan.first_year),
					lastYear: Number(plan.last_year),
				},
				message: "the plan's span does not hold the year",
			},
		]);
	}
}

/**
 * Make the yearly audit plan (年度監査計画) of a fiscal year: its aims, the units it audits and
 * when (a quarter or a month), within a multi-year plan if given. One per fiscal year.
 *
 * @throws Problem `conflict` (`audit_yearly_plan_exists`) when the year has a plan already
 * @throws Problem `validation_failed` for an unknown unit or plan, a unit twice, a month
 *   outside its quarter, or a multi-year plan whose span does not hold the year
 */
export async function createYearlyPlan(
	tx: Tx,
	actor: Actor,
	input: YearlyPlanInput,
	now: Date = new Date(),
): Promise<YearlyPlanRow> {
	authorize(actor, auditsPolicy, "audit_plan.manage");
	if (await findYearlyPlanOfYear(tx, actor.tenantId, input.fiscalYear)) {
		throw refusal(
			"conflict",
			"audit_yearly_plan_exists",
			`fiscal year ${input.fiscalYear} has a yearly audit plan already`,
			{ fiscalYear: input.fiscalYear },
		);
	}
	await checkParent(tx, actor.tenantId, input.planId, input.fiscalYear);
	const units = await checkPlannedUnits(tx, actor.tenantId, input.units);
	const at = now.toISOString();
	const row: YearlyPlanRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		plan_id: input.planId,
		fiscal_year: input.fiscalYear,
		aims: input.aims,
		version: 1,
		created_by: actor.accountId,
		created_at: at,
		updated_at: at,
	};
	await insertYearlyPlan(tx, row);
	await replacePlannedUnits(tx, actor.tenantId, row.id, units);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"yearly_audit_plan.created",
		{
			fiscalYear: row.fiscal_year,
			planId: row.plan_id,
			unitIds: units.map((u) => u.org_unit_id),
		},
		{ recordType: "yearly_audit_plan", recordId: row.id },
	);
	return row;
}

/** Change a yearly plan as last read: its multi-year plan, aims, or units and their timing. */
export async function updateYearlyPlanDetails(
	tx: Tx,
	actor: Actor,
	id: string,
	patch: YearlyPlanPatch,
	now: Date = new Date(),
): Promise<YearlyPlanRow> {
	authorize(actor, auditsPolicy, "audit_plan.manage");
	const row = await findYearlyPlan(tx, actor.tenantId, id);
	if (!row) throw new Problem("not_found", `yearly audit plan ${id} does not exist`);
	if (Number(row.version) !== patch.version) throw stale();
	const fiscalYear = Number(row.fiscal_year);
	const planId = patch.planId === undefined ? row.plan_id : patch.planId;
	if (planId !== row.plan_id) await checkParent(tx, actor.tenantId, planId, fiscalYear);
	const aims = patch.aims ?? row.aims;
	const changed = [
		...(planId !== row.plan_id ? ["planId"] : []),
		...(aims !== row.aims ? ["aims"] : []),
	];
	let unitsAdded: string[] = [];
	let unitsRemoved: string[] = [];
	if (patch.units !== undefined) {
		const units = await checkPlannedUnits(tx, actor.tenantId, patch.units);
		const before = await plannedUnits(tx, actor.tenantId, [id]);
		const was = new Set(before.map((u) => u.org_unit_id));
		const is = new Set(units.map((u) => u.org_unit_id));
		unitsAdded = [...is].filter((u) => !was.has(u));
		unitsRemoved = [...was].filter((u) => !is.has(u));
		const timing = (u: { org_unit_id: string; quarter: unknown; month: unknown }) =>
			`${u.org_unit_id}:${u.quarter ?? ""}:${u.month ?? ""}`;
		if (before.map(timing).join() !== units.map(timing).join()) changed.push("units");
		await replacePlannedUnits(tx, actor.tenantId, id, units);
	}
	const updated_at = now.toISOString();
	if (
		!(await updateYearlyPlan(tx, actor.tenantId, id, patch.version, {
			plan_id: planId,
			aims,
			updated_at,
		}))
	) {
		throw stale();
	}
	await recordAudit(
		tx,
		auditContextOf(actor),
		"yearly_audit_plan.updated",
		{ fiscalYear, changed, unitsAdded, unitsRemoved },
		{ recordType: "yearly_audit_plan", recordId: id },
	);
	return { ...row, plan_id: planId, aims, updated_at, version: patch.version + 1 };
}
