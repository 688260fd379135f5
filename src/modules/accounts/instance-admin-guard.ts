import type { Queryable } from "../../db/queryable.ts";
import type { RoleAssignmentTable } from "../../db/schema.ts";
import { refusal } from "../../shared/issues.ts";
import type { Actor } from "../authz/roles.ts";
import type { AccountAction } from "./accounts.policy.ts";
import { listRoleAssignments } from "./accounts.repository.ts";

/**
 * Actions on an account that would hand its login (and with it instance administration) to
 * someone else, or take it away: only an instance administrator may take them on one.
 */
export const GUARDED_ACTIONS: ReadonlySet<AccountAction> = new Set([
	"account.update",
	"account.reset_password",
	"account.reset_mfa",
]);

function isInstanceAdmin(actor: Actor): boolean {
	return actor.roles.some((held) => held.role === "instance_admin");
}

/** Holds instance administration now or later (an assignment that starts later counts too). */
export function holdsInstanceAdmin(
	assignments: RoleAssignmentTable[],
	accountId: string,
	now: string,
): boolean {
	return assignments.some(
		(row) =>
			row.account_id === accountId &&
			row.role === "instance_admin" &&
			(row.valid_to === null || row.valid_to > now),
	);
}

/** Whether the actor may take a guarded action on this account, given its assignments. */
export function mayManage(
	actor: Actor,
	assignments: RoleAssignmentTable[],
	accountId: string,
): boolean {
	return (
		isInstanceAdmin(actor) || !holdsInstanceAdmin(assignments, accountId, new Date().toISOString())
	);
}

/** Throw `forbidden` when a tenant administrator reaches for an instance administrator's account. */
export async function assertMayManage(
	db: Queryable,
	actor: Actor,
	accountId: string,
): Promise<void> {
	if (isInstanceAdmin(actor)) return;
	const assignments = await listRoleAssignments(db, actor.tenantId, [accountId]);
	if (!mayManage(actor, assignments, accountId)) {
		throw refusal(
			"forbidden",
			"instance_admin_account",
			"only an instance administrator may change an instance administrator's account",
		);
	}
}
