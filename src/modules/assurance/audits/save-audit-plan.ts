import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { type AuditIssue, invalid, stale } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import {
	findMultiYearPlan,
	insertMultiYearPlan,
	type MultiYearPlanRow,
	updateMultiYearPlan,
} from "./plans.repository.ts";
import { type MultiYearPlanInput, type MultiYearPlanPatch, PLAN_LIMITS } from "./plans.schemas.ts";

/** A span of fiscal years that runs forward and is at most PLAN_LIMITS.span years long. */
function checkSpan(firstYear: number, lastYear: number): void {
	const issues: AuditIssue[] = [];
	if (lastYear < firstYear) {
		issues.push({
			path: "lastYear",
			code: "audit_plan_years_reversed",
			params: { firstYear, lastYear },
			message: "the span ends before it starts",
		});
	} else if (lastYear - firstYear + 1 > PLAN_LIMITS.span) {
		issues.push({
			path: "lastYear",
			code: "audit_plan_span_too_long",
			params: { max: PLAN_LIMITS.span },
			message: "the span is too long",
		});
	}
	if (issues.length > 0) throw invalid(issues);
}

/**
 * Make a multi-year audit plan (中期監査計画): its title, the span of fiscal years it covers and
 * what it aims at.
 *
 * @throws Problem `validation_failed` (`audit_plan_years_reversed`, `audit_plan_span_too_long`)
 */
export async function createMultiYearPlan(
	tx: Tx,
	actor: Actor,
	input: MultiYearPlanInput,
	now: Date = new Date(),
): Promise<MultiYearPlanRow> {
	authorize(actor, auditsPolicy, "audit_plan.manage");
	checkSpan(input.firstYear, input.lastYear);
	const at = now.toISOString();
	const row: MultiYearPlanRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		title: input.title,
		first_year: input.firstYear,
		last_year: input.lastYear,
		aims: input.aims,
		version: 1,
		created_by: actor.accountId,
		created_at: at,
		updated_at: at,
	};
	await insertMultiYearPlan(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"audit_plan.created",
		{ title: row.title, firstYear: row.first_year, lastYear: row.last_year },
		{ recordType: "audit_plan", recordId: row.id },
	);
	return row;
}

/** Change a multi-year plan as last read (its version); only the fields given change. */
export async function updateMultiYearPlanDetails(
	tx: Tx,
	actor: Actor,
	id: string,
	patch: MultiYearPlanPatch,
	now: Date = new Date(),
): Promise<MultiYearPlanRow> {
	authorize(actor, auditsPolicy, "audit_plan.manage");
	const row = await findMultiYearPlan(tx, actor.tenantId, id);
	if (!row) throw new Problem("not_found", `audit plan ${id} does not exist`);
	if (Number(row.version) !== patch.version) throw stale();
	const next: MultiYearPlanRow = {
		...row,
		title: patch.title ?? row.title,
		first_year: patch.firstYear ?? Number(row.first_year),
		last_year: patch.lastYear ?? Number(row.last_year),
		aims: patch.aims ?? row.aims,
		updated_at: now.toISOString(),
	};
	checkSpan(next.first_year, next.last_year);
	const changed = (
		[
			["title", row.title, next.title],
			["firstYear", Number(row.first_year), next.first_year],
			["lastYear", Number(row.last_year), next.last_year],
			["aims", row.aims, next.aims],
		] as const
	)
		.filter(([, before, after]) => before !== after)
		.map(([field]) => field);
	const { title, first_year, last_year, aims, updated_at } = next;
	const patched = { title, first_year, last_year, aims, updated_at };
	if (!(await updateMultiYearPlan(tx, actor.tenantId, id, patch.version, patched))) throw stale();
	await recordAudit(
		tx,
		auditContextOf(actor),
		"audit_plan.updated",
		{ title, firstYear: first_year, lastYear: last_year, changed },
		{ recordType: "audit_plan", recordId: id },
	);
	return { ...next, version: patch.version + 1 };
}
