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

/** The demo tenant made on first start (one per bundled policy pack once packs exist). */
export const DEMO_TENANTS = [{ slug: "demo", name: "デモ市", pack: "standard" }] as const;

/**
 * On first start with an empty database: create the demo tenant(s) and a first administrator
 * (tenant and instance administration) with a one-time password. Returns null when tenants exist.
 */
export async function bootstrapIfEmpty(db: Db): Promise<FirstAdmin | null> {
	if ((await listTenants(db)).length > 0) return null;
	return inTransaction(db, async (tx) => {
		const label = "Mamori 初期設定 (first start)";
		let first: FirstAdmin | null = null;
		for (const demo of DEMO_TENANTS) {
			const tenant = await createTenant(tx, { label, ip: null }, demo);
			if (first) continue;
			const actor = systemActor(tenant.id, label);
			const { account, oneTimePassword } = await createAccount(tx, actor, {
				username: "admin",
				displayName: "管理者",
				email: null,
				worksInMynumber: false,
			});
			for (const role of ["tenant_admin", "instance_admin"] satisfies Role[]) {
				await assignRole(tx, actor, account.id, { role, orgUnitId: null, validTo: null });
			}
			first = { tenantSlug: tenant.slug, username: account.username, oneTimePassword };
		}
		return first;
	});
}
