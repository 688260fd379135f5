import { randomUUID } from "node:crypto";
import {
	OIDC_CLIENT_ID,
	OIDC_CLIENT_SECRET,
	startTestOidc,
	type TestOidc,
} from "../../scripts/test-oidc.ts";
import { systemActor } from "../../src/bootstrap.ts";
import type { AppDeps } from "../../src/deps.ts";
import { addGroupMapping } from "../../src/modules/directory/configure.ts";
import { OIDC_DEFAULTS, saveOidcConfig } from "../../src/modules/directory/configure-oidc.ts";
import { findConnection } from "../../src/modules/directory/directory.repository.ts";
import type { OidcSettings } from "../../src/modules/directory/oidc.schemas.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeTenant } from "./factories.ts";
import { type MadeStaff, makeOrgUnit, makeStaff } from "./org-factories.ts";

/** Where the test provider sends the browser back (Mamori's /login/oidc page). */
export const TEST_REDIRECT_URI = "http://mamori.test/login/oidc";

let shared: Promise<TestOidc> | null = null;

/** One provider per test process, started on first use; the file's `after` stops it. */
export function sharedOidc(redirectUris = [TEST_REDIRECT_URI]): Promise<TestOidc> {
	shared ??= startTestOidc({ redirectUris });
	return shared;
}

export async function stopSharedOidc(): Promise<void> {
	const running = shared;
	shared = null;
	if (running !== null) await (await running).stop();
}

/** The test provider's settings: its claim names, `otp` as MFA in amr, the test acr. */
export function testOidcSettings(issuer: string, extra: Partial<OidcSettings> = {}): OidcSettings {
	return {
		...OIDC_DEFAULTS,
		issuer,
		clientId: OIDC_CLIENT_ID,
		redirectUri: TEST_REDIRECT_URI,
		claims: {
			employeeNumber: "employee_number",
			displayName: "name",
			mail: "email",
			groups: "groups",
			loginName: "sub",
		},
		mfaAmr: ["mfa", "otp", "hwk"],
		mfaAcr: ["urn:mamori-test:mfa"],
		timeoutMs: 2000,
		...extra,
	};
}

/** Save and switch on a tenant's OpenID provider as its administrator would. */
export async function configureOidc(
	deps: AppDeps,
	tenantId: string,
	settings: OidcSettings,
): Promise<void> {
	const existing = await findConnection(deps.db, tenantId, "oidc");
	await saveOidcConfig(deps, systemActor(tenantId, "test factory"), {
		enabled: true,
		settings,
		clientSecret: OIDC_CLIENT_SECRET,
		version: existing?.version ?? null,
	});
}

export interface OidcWorld {
	tenant: TenantRow;
	unitId: string;
	/** The test provider's people by their employee numbers (scripts/test-oidc.ts). */
	tanaka: MadeStaff;
	suzuki: MadeStaff;
	takahashi: MadeStaff;
	ito: MadeStaff;
}

/**
 * A tenant whose roster has the test provider's people, signing in at `issuer`, with the
 * mapping: group claim mamori-ciso → ciso (suzuki's shimin-staff gives nothing: plain staff).
 */
export async function makeOidcWorld(
	deps: AppDeps,
	issuer: string,
	extra: Partial<OidcSettings> = {},
): Promise<OidcWorld> {
	const tenant = await makeTenant(deps);
	const unit = await makeOrgUnit(deps, tenant, { name: "市民課" });
	const staff = (number: string) =>
		makeStaff(deps, tenant, unit.id, {
			staffNumber: number,
			username: `local-${randomUUID().slice(0, 8)}`,
		});
	const world = {
		tenant,
		unitId: unit.id,
		tanaka: await staff("E1001"),
		suzuki: await staff("E1002"),
		takahashi: await staff("E1004"),
		ito: await staff("E1005"),
	};
	await configureOidc(deps, tenant.id, testOidcSettings(issuer, extra));
	const actor = systemActor(tenant.id, "test factory");
	await addGroupMapping(deps, actor, {
		groupKey: "mamori-ciso",
		role: "ciso",
		orgUnitId: null,
		connection: "oidc",
	});
	return world;
}
