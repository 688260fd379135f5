import { randomUUID } from "node:crypto";
import {
	BASE_DN,
	groupDn,
	SERVICE_DN,
	SERVICE_PASSWORD,
	slapdAvailable,
	startTestLdap,
	type TestLdap,
} from "../../scripts/test-ldap.ts";
import { systemActor } from "../../src/bootstrap.ts";
import type { AppDeps } from "../../src/deps.ts";
import {
	AD_DEFAULTS,
	addGroupMapping,
	saveDirectoryConfig,
} from "../../src/modules/directory/configure.ts";
import { findConnection } from "../../src/modules/directory/directory.repository.ts";
import type { LdapSettings } from "../../src/modules/directory/directory.schemas.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeTenant } from "./factories.ts";
import { type MadeStaff, makeOrgUnit, makeStaff } from "./org-factories.ts";

/**
 * slapd for a test file: in CI it must run (a missing slapd fails the test); elsewhere a test
 * without slapd is skipped with the reason. `LDAP_SKIP` is the skip option for node:test.
 */
export const LDAP_SKIP: string | false =
	!slapdAvailable() && process.env.CI !== "true"
		? "slapd / ldap-utils are not installed (apt-get install slapd ldap-utils)"
		: false;

let shared: Promise<TestLdap> | null = null;

/**
 * One slapd per test process, started on first use; a test file stops it in its `after` hook
 * (`stopSharedLdap`), and the process's exit kills it in any case.
 */
export function sharedLdap(): Promise<TestLdap> {
	if (!shared) {
		shared = startTestLdap({ tls: true });
		shared.then((ldap) => process.once("exit", () => ldap.kill())).catch(() => undefined);
	}
	return shared;
}

export async function stopSharedLdap(): Promise<void> {
	const running = shared;
	shared = null;
	if (running !== null) await (await running).stop();
}

/** The test directory's settings for OpenLDAP (uid, inetOrgPerson, groupOfNames). */
export function openLdapSettings(url: string, extra: Partial<LdapSettings> = {}): LdapSettings {
	return {
		...AD_DEFAULTS,
		url,
		bindDn: SERVICE_DN,
		baseDn: BASE_DN,
		userFilter: "(&(objectClass=inetOrgPerson)(uid={user}))",
		disabledFilter: "(employeeType=disabled)",
		groupFilter: "(objectClass=groupOfNames)",
		attributes: {
			loginName: "uid",
			displayName: "displayName",
			mail: "mail",
			employeeNumber: "employeeNumber",
			department: "departmentNumber",
		},
		timeoutMs: 2000,
		...extra,
	};
}

/** Save and switch on a tenant's LDAP connection as its administrator would. */
export async function configureLdap(
	deps: AppDeps,
	tenantId: string,
	settings: LdapSettings,
	bindPassword = SERVICE_PASSWORD,
): Promise<string> {
	const actor = systemActor(tenantId, "test factory");
	const existing = await findConnection(deps.db, tenantId, "ldap");
	await saveDirectoryConfig(deps, actor, {
		enabled: true,
		settings,
		bindPassword,
		version: existing?.version ?? null,
	});
	return (await findConnection(deps.db, tenantId, "ldap"))?.id ?? "";
}

export interface DirectoryWorld {
	tenant: TenantRow;
	unitId: string;
	/** Roster entries for the test directory's people (E1001 tanaka, E1002 suzuki, E1003 sato). */
	tanaka: MadeStaff;
	suzuki: MadeStaff;
	sato: MadeStaff;
}

/**
 * A tenant whose roster has the test directory's three people, connected to `url`, with the
 * mapping: mamori-ciso → ciso, shimin-managers → section_manager of the unit.
 */
export async function makeDirectoryWorld(
	deps: AppDeps,
	url: string,
	extra: Partial<LdapSettings> = {},
): Promise<DirectoryWorld> {
	const tenant = await makeTenant(deps);
	const unit = await makeOrgUnit(deps, tenant, { name: "市民課" });
	const staff = async (number: string) =>
		makeStaff(deps, tenant, unit.id, {
			staffNumber: number,
			username: `local-${randomUUID().slice(0, 8)}`,
		});
	const world = {
		tenant,
		unitId: unit.id,
		tanaka: await staff("E1001"),
		suzuki: await staff("E1002"),
		sato: await staff("E1003"),
	};
	await configureLdap(deps, tenant.id, openLdapSettings(url, extra));
	const actor = systemActor(tenant.id, "test factory");
	await addGroupMapping(deps, actor, {
		groupKey: groupDn("mamori-ciso"),
		role: "ciso",
		orgUnitId: null,
	});
	await addGroupMapping(deps, actor, {
		groupKey: groupDn("shimin-managers"),
		role: "section_manager",
		orgUnitId: unit.id,
	});
	return world;
}

/** The roles of an account in force now, as "role@unit" strings, sorted. */
export async function rolesNow(deps: AppDeps, tenantId: string, accountId: string) {
	const now = new Date().toISOString();
	const rows = await deps.db
		.selectFrom("role_assignments")
		.select(["role", "org_unit_id"])
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("valid_from", "<=", now)
		.where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", now)]))
		.execute();
	return rows.map((r) => `${r.role}@${r.org_unit_id ?? ""}`).sort();
}
