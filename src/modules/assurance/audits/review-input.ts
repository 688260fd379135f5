import type { Queryable } from "../../../db/queryable.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { auditsOfYear, auditUnits } from "./audits.repository.ts";
import type { AuditKind, AuditState } from "./audits.schemas.ts";
import { findYearlyPlanOfYear, plannedUnits } from "./plans.repository.ts";
import type { AuditReviewInput } from "./review-input.schemas.ts";

/**
 * A fiscal year's audits as an input of the yearly review (見直し): each audit (planned or ad hoc)
 * with its state and units, and the yearly plan's coverage — how many of its units were audited,
 * a unit counting as audited once an audit of the year naming it has begun fieldwork. The reviews
 * module calls this; it never reads the audits' tables.
 *
 * @example
 * const audits = await auditsForReview(db, actor, 2025);
 */
export async function auditsForReview(
	db: Queryable,
	actor: Actor,
	fiscalYear: number,
): Promise<AuditReviewInput> {
	authorize(actor, auditsPolicy, "assurance_audit.review_input");
	const [rows, plan, orgUnits] = await Promise.all([
		auditsOfYear(db, actor.tenantId, fiscalYear),
		findYearlyPlanOfYear(db, actor.tenantId, fiscalYear),
		listOrgUnits(db, actor.tenantId),
	]);
	const names = new Map(orgUnits.map((unit) => [unit.id, unit.name]));
	const units = await auditUnits(
		db,
		actor.tenantId,
		rows.map((row) => row.id),
	);
	const begun = new Set(rows.filter((row) => row.state !== "planned").map((row) => row.id));
	const audited = new Set(
		units.filter((unit) => begun.has(unit.audit_id)).map((unit) => unit.org_unit_id),
	);
	const planned = plan ? await plannedUnits(db, actor.tenantId, [plan.id]) : [];
	return {
		fiscalYear,
		audits: rows.map((row) => ({
			id: row.id,
			title: row.title,
			kind: row.kind as AuditKind,
			state: row.state as AuditState,
			periodStart: row.period_start,
			periodEnd: row.period_end,
			units: units
				.filter((unit) => unit.audit_id === row.id)
				.map((unit) => names.get(unit.org_unit_id) ?? ""),
		})),
		coverage: plan
			? {
					planned: planned.length,
					audited: planned.filter((unit) => audited.has(unit.org_unit_id)).length,
					notAudited: planned
						.filter((unit) => !audited.has(unit.org_unit_id))
						.sort((a, b) => Number(a.position) - Number(b.position))
						.map((unit) => names.get(unit.org_unit_id) ?? ""),
				}
			: null,
	};
}
