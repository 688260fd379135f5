import type { Queryable } from "../../../db/queryable.ts";
import { findAccounts, listRoleAssignments } from "../../accounts/accounts.repository.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { activeStaffUnits } from "../../org/staff.repository.ts";
import { notIndependent } from "./audit-rules.ts";
import {
	type AuditorAffiliation,
	independenceConflicts,
	rolesDuring,
	type UnitNode,
} from "./independence.ts";

/** The first instant after a Japan day `YYYY-MM-DD`. */
function endOfJapanDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00+09:00`) + 24 * 3600 * 1000).toISOString();
}

/**
 * How the team belongs to units and holds roles, read through the org and accounts modules:
 * each auditor's active 所属 and the role assignments in force from now until the audit's
 * last day.
 */
export async function teamAffiliations(
	db: Queryable,
	tenantId: string,
	accountIds: readonly string[],
	periodEnd: string,
	now: Date,
): Promise<AuditorAffiliation[]> {
	const ids = [...new Set(accountIds)];
	const [accounts, staff, assignments] = await Promise.all([
		findAccounts(db, tenantId, ids),
		activeStaffUnits(db, tenantId, ids),
		listRoleAssignments(db, tenantId, ids),
	]);
	const from = now.toISOString();
	const until = endOfJapanDay(periodEnd);
	return ids.map((accountId) => ({
		accountId,
		name: accounts.find((a) => a.id === accountId)?.display_name ?? accountId,
		memberOf: staff.filter((s) => s.account_id === accountId).map((s) => s.org_unit_id),
		roles: rolesDuring(
			assignments.filter((a) => a.account_id === accountId),
			from,
			until,
		),
	}));
}

/**
 * Refuse a team that is not independent of the audited units (see independence.ts), with every
 * conflict named.
 *
 * @throws Problem `conflict` with issues `audit_auditor_member_of_unit` /
 *   `audit_auditor_holds_role_in_unit` (params auditor, unit, via, role)
 */
export async function assertIndependent(
	db: Queryable,
	tenantId: string,
	team: readonly string[],
	unitIds: readonly string[],
	periodEnd: string,
	now: Date,
): Promise<void> {
	const units: UnitNode[] = (await listOrgUnits(db, tenantId)).map((u) => ({
		id: u.id,
		parentId: u.parent_id,
		name: u.name,
	}));
	const affiliations = await teamAffiliations(db, tenantId, team, periodEnd, now);
	const conflicts = independenceConflicts(units, affiliations, unitIds);
	if (conflicts.length > 0) throw notIndependent(conflicts);
}
