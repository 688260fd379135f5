import type { Queryable } from "../../../db/queryable.ts";
import { findAccounts } from "../../accounts/accounts.repository.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { type AuditIssue, invalid, timingOf } from "./audit-rules.ts";
import type { PlannedUnitInput } from "./plans.schemas.ts";

/** Units named once each, every one of the tenant's; refused with one issue per unknown unit. */
export async function checkUnitIds(
	db: Queryable,
	tenantId: string,
	unitIds: readonly string[],
	path = "unitIds",
): Promise<string[]> {
	const known = new Set((await listOrgUnits(db, tenantId)).map((u) => u.id));
	const unique = [...new Set(unitIds)];
	const issues: AuditIssue[] = unitIds.flatMap((id, index) =>
		known.has(id)
			? []
			: [{ path: `${path}.${index}`, code: "audit_unit_unknown", message: "no such org unit" }],
	);
	if (issues.length > 0) throw invalid(issues);
	return unique;
}

/** A yearly plan's units with their timing: each of the tenant's, once, a month within its quarter. */
export async function checkPlannedUnits(
	db: Queryable,
	tenantId: string,
	units: readonly PlannedUnitInput[],
): Promise<{ org_unit_id: string; quarter: number | null; month: number | null }[]> {
	const names = new Map((await listOrgUnits(db, tenantId)).map((u) => [u.id, u.name]));
	const issues: AuditIssue[] = [];
	const seen = new Set<string>();
	const rows = units.flatMap((unit, index) => {
		const path = `units.${index}`;
		const name = names.get(unit.unitId);
		if (name === undefined) {
			issues.push({ path: `${path}.unitId`, code: "audit_unit_unknown", message: "no such unit" });
			return [];
		}
		if (seen.has(unit.unitId)) {
			issues.push({
				path: `${path}.unitId`,
				code: "audit_unit_twice",
				params: { unit: name },
				message: "named twice",
			});
			return [];
		}
		seen.add(unit.unitId);
		const timing = timingOf(unit.quarter, unit.month);
		if (timing === null) {
			issues.push({
				path: `${path}.month`,
				code: "audit_month_outside_quarter",
				params: { unit: name, month: unit.month ?? 0, quarter: unit.quarter ?? 0 },
				message: "month outside the quarter",
			});
			return [];
		}
		return [{ org_unit_id: unit.unitId, ...timing }];
	});
	if (issues.length > 0) throw invalid(issues);
	return rows;
}

/**
 * The team as stored: the lead, then the other auditors once each; every one an active account
 * of the tenant (issue `account_unknown` otherwise).
 */
export async function checkTeam(
	db: Queryable,
	tenantId: string,
	leadId: string,
	auditorIds: readonly string[],
): Promise<{ lead: string; members: string[] }> {
	const members = [...new Set(auditorIds)].filter((id) => id !== leadId);
	const accounts = await findAccounts(db, tenantId, [leadId, ...members]);
	const active = new Set(accounts.filter((a) => a.disabled_at === null).map((a) => a.id));
	const issues: AuditIssue[] = [];
	if (!active.has(leadId)) {
		issues.push({ path: "leadAuditorId", code: "account_unknown", message: "no such account" });
	}
	auditorIds.forEach((id, index) => {
		if (id !== leadId && !active.has(id)) {
			issues.push({
				path: `auditorIds.${index}`,
				code: "account_unknown",
				message: "no such account",
			});
		}
	});
	if (issues.length > 0) throw invalid(issues);
	return { lead: leadId, members };
}
