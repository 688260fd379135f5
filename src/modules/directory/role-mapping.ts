import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { endRoleAssignment, insertRoleAssignment } from "../accounts/accounts.repository.ts";
import { type AuditContext, recordAudit } from "../audit-log/record-audit.ts";
import type { HeldRole, Role } from "../authz/roles.ts";
import { directoryGrantsInForce, insertGrant, type MappingRow } from "./directory.repository.ts";

/** The same role in the same unit. */
export function roleKey(held: HeldRole): string {
	return `${held.role}@${held.orgUnitId ?? ""}`;
}

/**
 * The roles a person's groups give through the tenant's mapping (group DNs compared
 * case-insensitively), without duplicates. The same for LDAP groups and, later, OIDC claims.
 */
export function rolesForGroups(
	mappings: readonly MappingRow[],
	groups: readonly string[],
): HeldRole[] {
	const member = new Set(groups.map((g) => g.toLowerCase()));
	const roles = new Map<string, HeldRole>();
	for (const m of mappings) {
		if (!member.has(m.group_key.toLowerCase())) continue;
		const held = { role: m.role as Role, orgUnitId: m.org_unit_id };
		roles.set(roleKey(held), held);
	}
	return [...roles.values()];
}

export interface RoleDiff {
	gains: HeldRole[];
	losses: { id: string; role: Role; orgUnitId: string | null }[];
}

/** What must change for an account's directory roles to be `wanted` (manual roles untouched). */
export function diffRoles(
	current: readonly { id: string; role: string; org_unit_id: string | null }[],
	wanted: readonly HeldRole[],
): RoleDiff {
	const have = new Map(
		current.map((c) => [roleKey({ role: c.role as Role, orgUnitId: c.org_unit_id }), c]),
	);
	const want = new Set(wanted.map(roleKey));
	return {
		gains: wanted.filter((w) => !have.has(roleKey(w))),
		losses: current
			.filter((c) => !want.has(roleKey({ role: c.role as Role, orgUnitId: c.org_unit_id })))
			.map((c) => ({ id: c.id, role: c.role as Role, orgUnitId: c.org_unit_id })),
	};
}

/** Carry out a diff: each granted or ended role is a role assignment and an audit event. */
export async function applyRoleDiff(
	tx: Tx,
	context: AuditContext,
	target: { tenantId: string; accountId: string; connectionId: string },
	diff: RoleDiff,
	source: "sign_in" | "sync",
	now: string,
): Promise<void> {
	for (const gain of diff.gains) {
		const id = randomUUID();
		await insertRoleAssignment(tx, {
			id,
			tenant_id: target.tenantId,
			account_id: target.accountId,
			role: gain.role,
			org_unit_id: gain.orgUnitId,
			valid_from: now,
			valid_to: null,
			created_at: now,
		});
		await insertGrant(tx, {
			role_assignment_id: id,
			tenant_id: target.tenantId,
			account_id: target.accountId,
			connection_id: target.connectionId,
		});
		await recordAudit(
			tx,
			context,
			"directory.role_granted",
			{ accountId: target.accountId, assignmentId: id, source, ...gain },
			{ recordType: "account", recordId: target.accountId },
		);
	}
	for (const loss of diff.losses) {
		await endRoleAssignment(tx, target.tenantId, loss.id, now);
		await recordAudit(
			tx,
			context,
			"directory.role_ended",
			{
				accountId: target.accountId,
				assignmentId: loss.id,
				source,
				role: loss.role,
				orgUnitId: loss.orgUnitId,
			},
			{ recordType: "account", recordId: target.accountId },
		);
	}
}

export { directoryGrantsInForce };
