import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import { can } from "../../authz/policy.ts";
import type { Actor, Role } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { descendantsOf } from "../../org/org-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import {
	type AuditReach,
	type AuditRow,
	auditTeams,
	auditUnits,
	findAudit,
} from "./audits.repository.ts";

/** The 管理者 roles held for a unit: they read the audits of that unit and of the units below it. */
const UNIT_MANAGERS: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/**
 * Which audits the caller reads: all of them for those who run audits (統括, CISO); otherwise
 * the audits they are on and the audits of the units they manage.
 */
export async function auditReach(db: Queryable, actor: Actor): Promise<AuditReach> {
	if (can(actor, auditsPolicy, "assurance_audit.manage")) {
		return { all: true, accountId: actor.accountId, unitIds: [] };
	}
	const roots = actor.roles
		.filter((held) => UNIT_MANAGERS.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	if (roots.length === 0) return { all: false, accountId: actor.accountId, unitIds: [] };
	const units = await listOrgUnits(db, actor.tenantId);
	const reach = new Set(roots.flatMap((root) => [...descendantsOf(units, root)]));
	return { all: false, accountId: actor.accountId, unitIds: [...reach] };
}

/**
 * The audit if the caller may read it; otherwise `not_found`, exactly as for an audit that does
 * not exist, so the answer tells nothing of other people's audits.
 */
export async function visibleAudit(db: Queryable, actor: Actor, id: string): Promise<AuditRow> {
	const row = await findAudit(db, actor.tenantId, id);
	if (row) {
		const reach = await auditReach(db, actor);
		if (reach.all) return row;
		const [team, units] = await Promise.all([
			auditTeams(db, actor.tenantId, [id]),
			auditUnits(db, actor.tenantId, [id]),
		]);
		if (team.some((member) => member.account_id === actor.accountId)) return row;
		if (units.some((unit) => reach.unitIds.includes(unit.org_unit_id))) return row;
	}
	throw new Problem("not_found", `audit ${id} does not exist`);
}

/** An audit of the caller's tenant for one who manages audits; another tenant's id is not found. */
export async function auditOr404(db: Queryable, actor: Actor, id: string): Promise<AuditRow> {
	const row = await findAudit(db, actor.tenantId, id);
	if (!row) throw new Problem("not_found", `audit ${id} does not exist`);
	return row;
}
