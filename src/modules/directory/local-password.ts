import type { Queryable } from "../../db/queryable.ts";
import type { HeldRole } from "../authz/roles.ts";
import { localPasswordSetting } from "./directory.repository.ts";

/**
 * Whether a local password may sign this account in: always, unless the tenant turned local
 * sign-in off; then only for its break-glass administrators (tenant or instance administrators).
 */
export async function localPasswordAllowed(
	db: Queryable,
	tenantId: string,
	roles: readonly HeldRole[],
): Promise<boolean> {
	if ((await localPasswordSetting(db, tenantId)) === "everyone") return true;
	return roles.some((r) => r.role === "tenant_admin" || r.role === "instance_admin");
}
