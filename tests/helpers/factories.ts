import { randomBytes } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import { createAccount } from "../../src/modules/accounts/create-account.ts";
import { hashPassword } from "../../src/modules/auth/password-hash.ts";
import { insertSession } from "../../src/modules/auth/sessions.repository.ts";
import { newTotpSecret } from "../../src/modules/auth/totp.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { UNIT_SCOPED_ROLES } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

function unique(prefix: string): string {
	return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** A new tenant with its audit chain. */
export function makeTenant(deps: AppDeps, slug = unique("t")): Promise<TenantRow> {
	return inTransaction(deps.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: `${slug} 市`, pack: "standard" }),
	);
}

export interface MadeAccount {
	id: string;
	username: string;
	tenantId: string;
	/** Base32 TOTP secret when enrolled. */
	totpSecret: string | null;
}

/**
 * An account with the known TEST_PASSWORD, no pending password change, and TOTP enrolled when
 * `totp` is true (default: when it holds any role). Per-unit roles get a fresh org unit.
 */
export async function makeAccount(
	deps: AppDeps,
	tenant: TenantRow,
	options: { roles?: Role[]; totp?: boolean; username?: string; worksInMynumber?: boolean } = {},
): Promise<MadeAccount> {
	passwordHash ??= hashPassword(TEST_PASSWORD);
	const hash = await passwordHash;
	const roles = options.roles ?? [];
	const enrol = options.totp ?? roles.length > 0;
	const secret = enrol ? newTotpSecret() : null;
	const actor = systemActor(tenant.id, "test factory");
	return inTransaction(deps.db, async (tx) => {
		const { account } = await createAccount(tx, actor, {
			username: options.username ?? unique("u"),
			displayName: "テスト 職員",
			email: null,
			worksInMynumber: options.worksInMynumber ?? false,
		});
		await updateAccount(tx, tenant.id, account.id, {
			password_hash: hash,
			must_change_password: false,
			totp_secret: secret ? deps.secrets.seal(secret) : null,
			totp_enabled_at: secret ? new Date().toISOString() : null,
		});
		for (const role of roles) {
			let orgUnitId: string | null = null;
			if (UNIT_SCOPED_ROLES.has(role)) {
				orgUnitId = (
					await createOrgUnit(tx, actor, {
						code: unique("ou"),
						name: "テスト課",
						kind: "section",
						parentId: null,
					})
				).id;
			}
			await assignRole(tx, actor, account.id, { role, orgUnitId, validTo: null });
		}
		return { id: account.id, username: account.username, tenantId: tenant.id, totpSecret: secret };
	});
}

/** A fully logged-in session token for an account, skipping the login screens. */
export async function makeSessionToken(deps: AppDeps, account: MadeAccount): Promise<string> {
	const { token } = await inTransaction(deps.db, (tx) =>
		insertSession(tx, {
			tenantId: account.tenantId,
			accountId: account.id,
			stage: "active",
			ip: null,
			userAgent: "test",
		}),
	);
	return token;
}
