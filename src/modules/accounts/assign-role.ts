import { randomUUID } from "node:crypto";
import type { RoleAssignmentTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { refusal, ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { deleteAccountSessions } from "../auth/sessions.repository.ts";
import { authorize } from "../authz/policy.ts";
import { type Actor, type Role, UNIT_SCOPED_ROLES } from "../authz/roles.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import { accountsPolicy } from "./accounts.policy.ts";
import {
	endRoleAssignment,
	findRoleAssignment,
	insertRoleAssignment,
} from "./accounts.repository.ts";
import type { RoleAssignInput } from "./accounts.schemas.ts";
import { accountOr404 } from "./create-account.ts";

function auditData(row: RoleAssignmentTable) {
	return {
		assignmentId: row.id,
		accountId: row.account_id,
		role: row.role,
		orgUnitId: row.org_unit_id,
		validFrom: row.valid_from,
		validTo: row.valid_to,
	};
}

/** Only an instance administrator may hand out instance administration. */
function assertMayGrant(actor: Actor, role: Role): void {
	if (role === "instance_admin" && !actor.roles.some((r) => r.role === "instance_admin")) {
		throw refusal(
			"forbidden",
			"instance_admin_grant",
			"only an instance administrator may grant instance_admin",
		);
	}
}

/**
 * Assign a role of 組織体制 to an account, from a date (default now) to an optional end date.
 * Per-unit roles (責任者, 管理者, システム管理者) need an org unit of the same tenant.
 */
export async function assignRole(tx: Tx, actor: Actor, accountId: string, input: RoleAssignInput) {
	authorize(actor, accountsPolicy, "role.assign");
	assertMayGrant(actor, input.role);
	await accountOr404(tx, actor, accountId);
	if (UNIT_SCOPED_ROLES.has(input.role)) {
		if (!input.orgUnitId) {
			throw new Problem(
				"validation_failed",
				`role ${input.role} is held per org unit: choose one`,
				{
					issues: [
						ruleIssue("orgUnitId", "role_needs_unit", "required for this role", {
							role: input.role,
						}),
					],
				},
			);
		}
		if (!(await findOrgUnit(tx, actor.tenantId, input.orgUnitId))) {
			throw new Problem("validation_failed", `org unit ${input.orgUnitId} does not exist`, {
				issues: [ruleIssue("orgUnitId", "org_unit_unknown", "unknown org unit")],
			});
		}
	} else if (input.orgUnitId) {
		throw new Problem(
			"validation_failed",
			`role ${input.role} is held for the whole tenant, not per unit`,
			{
				issues: [
					ruleIssue("orgUnitId", "role_is_tenant_wide", "must be null for this role", {
						role: input.role,
					}),
				],
			},
		);
	}
	const now = new Date().toISOString();
	const validFrom = input.validFrom ? new Date(input.validFrom).toISOString() : now;
	const validTo = input.validTo ? new Date(input.validTo).toISOString() : null;
	if (validTo && validTo <= validFrom) {
		throw new Problem("validation_failed", "validTo must be after validFrom", {
			issues: [ruleIssue("validTo", "period_ends_before_start", "not after validFrom")],
		});
	}
	const row: RoleAssignmentTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		account_id: accountId,
		role: input.role,
		org_unit_id: input.orgUnitId,
		valid_from: validFrom,
		valid_to: validTo,
		created_at: now,
	};
	await insertRoleAssignment(tx, row);
	// New privileges need a new login: the holder's sessions end now (a role dated later ends the
	// sessions older than its start when it takes effect, see resolveSession).
	if (validFrom <= now) await deleteAccountSessions(tx, accountId);
	await recordAudit(tx, auditContextOf(actor), "role.assigned", auditData(row), {
		recordType: "account",
		recordId: accountId,
	});
	return row;
}

/** End a role assignment now; the history stays. */
export async function revokeRole(tx: Tx, actor: Actor, accountId: string, assignmentId: string) {
	authorize(actor, accountsPolicy, "role.revoke");
	await accountOr404(tx, actor, accountId);
	const row = await findRoleAssignment(tx, actor.tenantId, accountId, assignmentId);
	if (!row) throw new Problem("not_found", `role assignment ${assignmentId} does not exist`);
	assertMayGrant(actor, row.role as Role);
	const now = new Date().toISOString();
	if (row.valid_to !== null && row.valid_to <= now) {
		throw refusal("conflict", "assignment_ended", "this role assignment has already ended");
	}
	if (row.account_id === actor.accountId && row.role === "tenant_admin") {
		throw refusal(
			"conflict",
			"own_tenant_admin_revoke",
			"you cannot revoke your own tenant administration",
		);
	}
	await endRoleAssignment(tx, actor.tenantId, assignmentId, now);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"role.revoked",
		auditData({ ...row, valid_to: now }),
		{
			recordType: "account",
			recordId: accountId,
		},
	);
}
