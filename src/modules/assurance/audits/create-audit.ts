import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { fiscalYear } from "../../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertIndependent } from "./affiliations.ts";
import { type AuditIssue, invalid } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { type AuditRow, insertAudit, replaceAuditUnits, replaceTeam } from "./audits.repository.ts";
import type { CreateAuditInput } from "./audits.schemas.ts";
import { checkTeam, checkUnitIds } from "./check-input.ts";
import { checkChecklistVersion } from "./choose-checklist.ts";
import { findYearlyPlan } from "./plans.repository.ts";

/** The fiscal year (年度) of a Japan date. */
export function fiscalYearOf(day: string): number {
	return fiscalYear(`${day}T12:00:00+09:00`);
}

/**
 * An audit's period: it ends on or after its first day, and a planned audit starts in its
 * yearly plan's fiscal year.
 */
export function checkPeriod(start: string, end: string, planYear: number | null): void {
	const issues: AuditIssue[] = [];
	if (end < start) {
		issues.push({
			path: "periodEnd",
			code: "period_ends_before_start",
			params: { field: "periodEnd" },
			message: "ends before it starts",
		});
	}
	if (planYear !== null && fiscalYearOf(start) !== planYear) {
		issues.push({
			path: "periodStart",
			code: "audit_period_outside_year",
			params: { fiscalYear: planYear },
			message: "starts outside the plan's fiscal year",
		});
	}
	if (issues.length > 0) throw invalid(issues);
}

/**
 * Create an audit with its implementation plan (個別監査実施計画: scope, period, criteria), its
 * lead auditor and auditors, and the units it audits. A planned audit carries out a yearly plan
 * (and takes its fiscal year); an ad-hoc audit (臨時監査) is ordered by the CISO alone, with the
 * reason, in the fiscal year of its first day. The team must be independent of the units.
 *
 * @throws Problem `forbidden` for an ad-hoc audit ordered by anyone but the CISO
 * @throws Problem `validation_failed` for a missing plan or reason, an unknown unit or account,
 *   or a period that ends before it starts or lies outside the plan's year
 * @throws Problem `conflict` (`audit_auditor_member_of_unit`, `audit_auditor_holds_role_in_unit`)
 */
export async function createAudit(
	tx: Tx,
	actor: Actor,
	input: CreateAuditInput,
	now: Date = new Date(),
): Promise<AuditRow> {
	const adHoc = input.kind === "ad_hoc";
	authorize(actor, auditsPolicy, adHoc ? "assurance_audit.order_ad_hoc" : "assurance_audit.manage");
	let year: number;
	let yearlyPlanId: string | null = null;
	const reason = adHoc ? (input.reason ?? "") : "";
	if (adHoc) {
		if (reason === "") {
			throw invalid([{ path: "reason", code: "audit_ad_hoc_reason_required", message: "say why" }]);
		}
		year = fiscalYearOf(input.periodStart);
		checkPeriod(input.periodStart, input.periodEnd, null);
	} else {
		if (input.yearlyPlanId === null) {
			throw invalid([
				{ path: "yearlyPlanId", code: "audit_yearly_plan_required", message: "which plan" },
			]);
		}
		const plan = await findYearlyPlan(tx, actor.tenantId, input.yearlyPlanId);
		if (!plan) {
			throw invalid([
				{ path: "yearlyPlanId", code: "audit_yearly_plan_unknown", message: "no such plan" },
			]);
		}
		yearlyPlanId = plan.id;
		year = Number(plan.fiscal_year);
		checkPeriod(input.periodStart, input.periodEnd, year);
	}
	const unitIds = await checkUnitIds(tx, actor.tenantId, input.unitIds);
	if (input.checklistVersionId !== null) {
		await checkChecklistVersion(tx, actor.tenantId, input.checklistVersionId);
	}
	const team = await checkTeam(tx, actor.tenantId, input.leadAuditorId, input.auditorIds);
	await assertIndependent(
		tx,
		actor.tenantId,
		[team.lead, ...team.members],
		unitIds,
		input.periodEnd,
		now,
	);
	const at = now.toISOString();
	const row: AuditRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		title: input.title,
		kind: input.kind,
		yearly_plan_id: yearlyPlanId,
		fiscal_year: year,
		ad_hoc_reason: adHoc ? reason : null,
		ordered_by: adHoc ? actor.accountId : null,
		scope: input.scope,
		criteria: input.criteria,
		period_start: input.periodStart,
		period_end: input.periodEnd,
		checklist_version_id: input.checklistVersionId,
		state: "planned",
		version: 1,
		created_by: actor.accountId,
		created_at: at,
		updated_at: at,
		fieldwork_at: null,
		reporting_at: null,
		closed_at: null,
	};
	await insertAudit(tx, row);
	await replaceTeam(tx, actor.tenantId, row.id, team.lead, team.members);
	await replaceAuditUnits(tx, actor.tenantId, row.id, unitIds);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_audit.created",
		{
			title: row.title,
			kind: input.kind,
			fiscalYear: year,
			yearlyPlanId,
			reason: row.ad_hoc_reason,
			team,
			unitIds,
		},
		{ recordType: "assurance_audit", recordId: row.id },
	);
	return row;
}
