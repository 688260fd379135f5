import type { z } from "@hono/zod-openapi";
import type { RoleAssignmentTable } from "../../db/schema.ts";
import { allowedActions } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { accountsPolicy } from "./accounts.policy.ts";
import type { AccountRow } from "./accounts.repository.ts";
import type { accountSchema } from "./accounts.schemas.ts";
import { GUARDED_ACTIONS, mayManage } from "./instance-admin-guard.ts";

/** What leaves the server about an account: never hashes, secrets or recovery codes. */
export function presentAccount(
	row: AccountRow,
	assignments: RoleAssignmentTable[],
	actor: Actor,
	now = new Date().toISOString(),
): z.infer<typeof accountSchema> {
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		email: row.email,
		worksInMynumber: Boolean(row.works_in_mynumber),
		disabled: Boolean(row.disabled_at),
		mfaEnrolled: Boolean(row.totp_enabled_at),
		mustChangePassword: Boolean(row.must_change_password),
		createdAt: row.created_at,
		roles: assignments
			.filter((a) => a.account_id === row.id)
			.map((a) => ({
				id: a.id,
				role: a.role as Role,
				orgUnitId: a.org_unit_id,
				validFrom: a.valid_from,
				validTo: a.valid_to,
				inForce: a.valid_from <= now && (a.valid_to === null || a.valid_to > now),
			})),
		allowedActions: allowedActions(actor, accountsPolicy).filter(
			(action) => !GUARDED_ACTIONS.has(action) || mayManage(actor, assignments, row.id),
		),
	};
}

/** The account as recorded in audit events (before/after). */
export function accountSnapshot(row: AccountRow) {
	return {
		username: row.username,
		displayName: row.display_name,
		email: row.email,
		worksInMynumber: Boolean(row.works_in_mynumber),
		disabled: Boolean(row.disabled_at),
	};
}
