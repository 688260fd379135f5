import { PASSWORD_SUFFIX } from "../../scripts/test-ldap.ts";
import { systemActor } from "../../src/bootstrap.ts";
import type { AppDeps } from "../../src/deps.ts";
import { addGroupMapping } from "../../src/modules/directory/configure.ts";
import { directoryPolicy } from "../../src/modules/directory/directory.policy.ts";
import { findConnection } from "../../src/modules/directory/directory.repository.ts";
import { findStaffByNumber } from "../../src/modules/org/staff.repository.ts";
import { configureLdap, openLdapSettings, sharedLdap } from "./directory-world.ts";
import { configureOidc, sharedOidc, testOidcSettings } from "./oidc-world.ts";
import { makeStaff } from "./org-factories.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";
import { type TenantWorld, unique } from "./route-world.ts";

/**
 * The routes of directory sign-in. The walk's tenants are connected to one slapd for the process
 * (scripts/test-ldap.ts), and have the test directory's suzuki (E1002) in their roster.
 */

const access = {
	kind: "permission",
	policy: directoryPolicy,
	action: "directory.configure",
	level: "tenant",
} as const;

const served = (extra: Partial<CrossTenantProbe> = {}): CrossTenantProbe => ({
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
	...extra,
});

/** The world's tenant connected to the shared slapd, with suzuki (E1002) in its roster. */
async function connected(deps: AppDeps, world: TenantWorld): Promise<string> {
	const existing = await findConnection(deps.db, world.tenant.id, "ldap");
	if (existing) return existing.id;
	const ldap = await sharedLdap();
	if (!(await findStaffByNumber(deps.db, world.tenant.id, "E1002"))) {
		await makeStaff(deps, world.tenant, world.orgUnit.id, { staffNumber: "E1002" });
	}
	return configureLdap(deps, world.tenant.id, openLdapSettings(ldap.url));
}

async function configBody(ctx: RequestContext) {
	await connected(ctx.deps, ctx.world);
	const row = await findConnection(ctx.deps.db, ctx.world.tenant.id, "ldap");
	return {
		enabled: true,
		settings: openLdapSettings((await sharedLdap()).url),
		bindPassword: null,
		version: row?.version ?? null,
	};
}

/** The world's tenant signing in at the process's test OpenID provider. */
async function oidcConnected(deps: AppDeps, world: TenantWorld): Promise<void> {
	if (!(await findStaffByNumber(deps.db, world.tenant.id, "E1002"))) {
		await makeStaff(deps, world.tenant, world.orgUnit.id, { staffNumber: "E1002" });
	}
	if (await findConnection(deps.db, world.tenant.id, "oidc")) return;
	await configureOidc(deps, world.tenant.id, testOidcSettings((await sharedOidc()).issuer));
}

async function mappingId(deps: AppDeps, world: TenantWorld): Promise<string> {
	await connected(deps, world);
	const config = await addGroupMapping(deps, systemActor(world.tenant.id, "route walk"), {
		groupKey: `cn=${unique("g")},ou=groups,dc=mamori-test,dc=jp`,
		role: "auditor",
		orgUnitId: null,
	});
	return config.mappings.at(-1)?.id ?? "";
}

export const DIRECTORY_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/auth/sign-in-options",
		access: { kind: "public" },
		ok: 200,
		request: ({ world }) => ({ query: { tenant: world.tenant.slug } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/auth/directory/login",
		access: { kind: "public" },
		ok: 200,
		request: async ({ deps, world }) => {
			await connected(deps, world);
			return {
				body: {
					tenant: world.tenant.slug,
					username: "suzuki",
					password: `suzuki${PASSWORD_SUFFIX}`,
				},
			};
		},
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/auth/oidc/start",
		access: { kind: "public" },
		ok: 200,
		request: async ({ deps, world }) => {
			await oidcConnected(deps, world);
			return { body: { tenant: world.tenant.slug } };
		},
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/auth/oidc/callback",
		access: { kind: "public" },
		ok: 200,
		// Started by the same client (its browser cookie), signed in at the provider as suzuki.
		request: async ({ deps, world, client }) => {
			await oidcConnected(deps, world);
			const start = await client.post("/api/auth/oidc/start", { tenant: world.tenant.slug });
			const { authorizationUrl } = (await start.json()) as { authorizationUrl: string };
			const back = await (await sharedOidc()).signIn(authorizationUrl, "suzuki");
			return { body: { tenant: world.tenant.slug, search: back.search } };
		},
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/directory/oidc",
		access,
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "put",
		path: "/api/directory/oidc",
		access,
		ok: 200,
		request: async ({ deps, world }) => {
			await oidcConnected(deps, world);
			const row = await findConnection(deps.db, world.tenant.id, "oidc");
			return {
				body: {
					enabled: true,
					settings: testOidcSettings((await sharedOidc()).issuer),
					clientSecret: null,
					version: row?.version ?? null,
				},
			};
		},
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/directory/oidc/test",
		access,
		ok: 200,
		request: async ({ deps, world }) => {
			await oidcConnected(deps, world);
			return {};
		},
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/directory/config",
		access,
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "put",
		path: "/api/directory/config",
		access,
		ok: 200,
		request: async (ctx) => ({ body: await configBody(ctx) }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/directory/mappings",
		access,
		ok: 200,
		request: async ({ deps, world }) => {
			await connected(deps, world);
			return { body: { groupKey: `cn=${unique("g")},dc=x`, role: "auditor", orgUnitId: null } };
		},
		crossTenant: [
			served(),
			{
				name: "a mapping to tenant A's unit",
				request: async (a, b) => {
					await connected(b.deps, b.world);
					return {
						body: { groupKey: "cn=g,dc=x", role: "section_manager", orgUnitId: a.orgUnit.id },
					};
				},
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "delete",
		path: "/api/directory/mappings/{id}",
		access,
		ok: 200,
		request: async ({ deps, world }) => ({ params: { id: await mappingId(deps, world) } }),
		crossTenant: [
			{
				name: "tenant A's ids in the path",
				request: "foreign",
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "put",
		path: "/api/directory/sign-in-settings",
		access,
		ok: 200,
		request: () => ({ body: { localPassword: "everyone" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/directory/test",
		access,
		ok: 200,
		request: async ({ deps, world }) => {
			await connected(deps, world);
			return { body: { user: "suzuki" } };
		},
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/directory/sync",
		access,
		ok: 200,
		// The dry run: it lists the changes and stores nothing.
		readOnly: true,
		request: async ({ deps, world }) => {
			await connected(deps, world);
			return { body: { dryRun: true } };
		},
		crossTenant: [served()],
	},
];
