import type { Role } from "../../authz/roles.ts";

/**
 * Auditors must be independent of what they audit (監査の独立性): nobody audits a unit they
 * belong to, or a unit they hold a role in. Pure: the caller gathers the org tree and each
 * auditor's affiliations from the org and accounts modules (affiliations.ts).
 */

export interface UnitNode {
	id: string;
	parentId: string | null;
	name: string;
}

/** A role held for a unit (per-unit roles) or for the whole tenant (`orgUnitId` null). */
export interface HeldUnitRole {
	role: Role;
	orgUnitId: string | null;
}

export interface AuditorAffiliation {
	accountId: string;
	name: string;
	/** The units of the auditor's active staff rows (所属). */
	memberOf: readonly string[];
	/** Roles the auditor holds while the audit runs. */
	roles: readonly HeldUnitRole[];
}

interface ConflictBase {
	accountId: string;
	auditor: string;
	/** The audited unit. */
	unitId: string;
	unit: string;
	/** The unit the auditor belongs to or holds the role for: the audited unit, or one above or below it. */
	viaUnitId: string;
	via: string;
}

export type IndependenceConflict =
	| (ConflictBase & { reason: "member" })
	| (ConflictBase & { reason: "role"; role: Role });

/** Each unit's ancestors, nearest first (a unit is not its own ancestor). */
function ancestorsOf(units: readonly UnitNode[]): Map<string, string[]> {
	const parent = new Map(units.map((u) => [u.id, u.parentId]));
	const result = new Map<string, string[]>();
	for (const unit of units) {
		const line: string[] = [];
		const seen = new Set([unit.id]);
		let up = unit.parentId;
		while (up !== null && up !== undefined && !seen.has(up)) {
			line.push(up);
			seen.add(up);
			up = parent.get(up) ?? null;
		}
		result.set(unit.id, line);
	}
	return result;
}

/**
 * The conflicts of independence of a team with the audited units, one per auditor, unit and
 * reason; none when the team may audit them.
 *
 * - **member**: the auditor's 所属 is the audited unit or a unit inside it.
 * - **role**: the auditor holds a per-unit role (管理者, 責任者, システム管理者) for the audited
 *   unit, for a unit inside it, or for a unit above it (whose holder answers for it).
 *
 * Tenant-wide roles (CISO, 統括, CSIRT, 監査担当) are no role *in* a unit and do not conflict.
 *
 * @example
 * independenceConflicts(units, [{ accountId: "a", name: "山田", memberOf: ["soumu"], roles: [] }], ["soumu"]);
 * // → [{ reason: "member", auditor: "山田", unit: "総務課", via: "総務課", … }]
 */
export function independenceConflicts(
	units: readonly UnitNode[],
	team: readonly AuditorAffiliation[],
	auditedUnitIds: readonly string[],
): IndependenceConflict[] {
	const ancestors = ancestorsOf(units);
	const name = new Map(units.map((u) => [u.id, u.name]));
	/** `inner` is `outer` or inside it. */
	const within = (inner: string, outer: string) =>
		inner === outer || (ancestors.get(inner) ?? []).includes(outer);
	const conflicts: IndependenceConflict[] = [];
	for (const auditor of team) {
		for (const unitId of new Set(auditedUnitIds)) {
			const base = (via: string) => ({
				accountId: auditor.accountId,
				auditor: auditor.name,
				unitId,
				unit: name.get(unitId) ?? unitId,
				viaUnitId: via,
				via: name.get(via) ?? via,
			});
			const home = [...new Set(auditor.memberOf)].find((member) => within(member, unitId));
			if (home !== undefined) conflicts.push({ ...base(home), reason: "member" });
			const seen = new Set<string>();
			for (const held of auditor.roles) {
				const scope = held.orgUnitId;
				if (scope === null || seen.has(`${held.role}|${scope}`)) continue;
				if (within(scope, unitId) || within(unitId, scope)) {
					seen.add(`${held.role}|${scope}`);
					conflicts.push({ ...base(scope), reason: "role", role: held.role });
				}
			}
		}
	}
	return conflicts;
}

/** A role assignment with its validity, as the accounts module stores it. */
export interface DatedAssignment {
	role: string;
	org_unit_id: string | null;
	valid_from: string;
	valid_to: string | null;
}

/**
 * The assignments in force at some instant of [from, until): those held now and those dated to
 * begin before the audit ends (an April transfer already entered), not those already ended.
 *
 * @example
 * rolesDuring(assignments, now.toISOString(), endOfAuditIso);
 */
export function rolesDuring(
	assignments: readonly DatedAssignment[],
	from: string,
	until: string,
): HeldUnitRole[] {
	const start = Date.parse(from);
	const end = Math.max(Date.parse(until), start + 1);
	return assignments
		.filter((a) => {
			const begins = Date.parse(a.valid_from);
			const ends = a.valid_to === null ? Number.POSITIVE_INFINITY : Date.parse(a.valid_to);
			return begins < end && ends > start;
		})
		.map((a) => ({ role: a.role as Role, orgUnitId: a.org_unit_id }));
}
