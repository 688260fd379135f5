import type { Db } from "./db/connection.ts";
import { inTransaction } from "./db/transaction.ts";
import { assignRole } from "./modules/accounts/assign-role.ts";
import { createAccount } from "./modules/accounts/create-account.ts";
import type { Actor, Role } from "./modules/authz/roles.ts";
import { createTenant } from "./modules/tenants/create-tenant.ts";
import { listTenants } from "./modules/tenants/tenants.repository.ts";

/** The actor of work done by the operator on the host (first start, CLI), not by a web user. */
export function systemActor(tenantId: string, label: string): Actor {
	return {
		tenantId,
		accountId: "system",
		label,
		roles: [
			{ role: "instance_admin", orgUnitId: null },
			{ role: "tenant_admin", orgUnitId: null },
		],
		ip: null,
	};
}

export interface FirstAdmin {
	tenantSlug: string;
	username: string;
	oneTimePassword: string;
}

/** The demo tenants made on first start: one per bundled policy pack. */
export const DEMO_TENANTS = [
	{ slug: "demo", name: "デモ市", pack: "standard" },
	{ slug: "saga", name: "佐賀市（デモ）", pack: "saga" },
	{ slug: "kitakyushu", name: "北九州市（デモ）", pack: "kitakyushu" },
] as const;

/**
 * On first start with an empty database: create the demo tenants and an administrator in each,
 * with a one-time password. The first one also administers the instance (adds tenants).
 * Returns null when tenants exist already.
 */
export async function bootstrapIfEmpty(db: Db): Promise<FirstAdmin[] | null> {
	if ((await listTenants(db)).length > 0) return null;
	return inTransaction(db, async (tx) => {
		const label = "Mamori 初期設定 (first start)";
		const admins: FirstAdmin[] = [];
		for (const demo of DEMO_TENANTS) {
			const tenant = await createTenant(tx, { label, ip: null }, demo);
			const actor = systemActor(tenant.id, label);
			const { account, oneTimePassword } = await createAccount(tx, actor, {
				username: "admin",
				displayName: "管理者",
				email: null,
				worksInMynumber: false,
			});
			const roles: Role[] =
				admins.length === 0 ? ["tenant_admin", "instance_admin"] : ["tenant_admin"];
			for (const role of roles) {
				await assignRole(tx, actor, account.id, { role, orgUnitId: null, validTo: null });
			}
			admins.push({ tenantSlug: tenant.slug, username: account.username, oneTimePassword });
		}
		return admins;
	});
}
