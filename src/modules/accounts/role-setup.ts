import type { Queryable } from "../../db/queryable.ts";

/** Roles of 組織体制 in force, for the first-steps checklist on Home. */
export interface RoleSetupStatus {
	/** Accounts holding a role of 組織体制 (not only the administrative ones). */
	holders: number;
	/** Whether someone is the CISO. */
	ciso: boolean;
}

const ADMINISTRATIVE = ["instance_admin", "tenant_admin", "staff"];

/**
 * Who holds the roles of 組織体制 now.
 *
 * @example
 * const { ciso } = await roleSetupStatus(db, tenantId);
 */
export async function roleSetupStatus(
	db: Queryable,
	tenantId: string,
	now: string = new Date().toISOString(),
): Promise<RoleSetupStatus> {
	const rows = await db
		.selectFrom("role_assignments")
		.select(["account_id", "role"])
		.where("tenant_id", "=", tenantId)
		.where("role", "not in", ADMINISTRATIVE)
		.where("valid_from", "<=", now)
		.where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", now)]))
		.execute();
	return {
		holders: new Set(rows.map((r) => r.account_id)).size,
		ciso: rows.some((r) => r.role === "ciso"),
	};
}
