import assert from "node:assert/strict";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { apiTokensPolicy } from "../../src/modules/api-tokens/api-tokens.policy.ts";
import { createApiToken } from "../../src/modules/api-tokens/manage-api-tokens.ts";
import type { CrossTenantProbe, RouteEntry } from "./route-walk.ts";
import type { TenantWorld } from "./route-world.ts";

/** API tokens of machine clients: the tenant administrator's, and never a token's. */

const access = {
	kind: "permission",
	policy: apiTokensPolicy,
	action: "api_token.manage",
	level: "tenant",
} as const;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A token of the world's tenant, made as its administrator. */
export async function tokenOf(deps: AppDeps, world: TenantWorld) {
	const actor = {
		tenantId: world.tenant.id,
		accountId: world.admin.id,
		label: "route walk",
		roles: [{ role: "tenant_admin" as const, orgUnitId: null }],
		ip: null,
	};
	return inTransaction(deps.db, (tx) =>
		createApiToken(tx, actor, {
			clientName: "route walk",
			scopes: ["findings:read"],
			expiresAt: inDays(10),
		}),
	);
}

const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's token id in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

export const API_TOKEN_ROUTES: RouteEntry[] = [
	{
		method: "get",
		path: "/api/api-tokens",
		access,
		ok: 200,
		request: () => ({}),
		crossTenant: [
			{
				name: "tenant B's tokens only",
				request: "own",
				expect: "served",
				check: (sent, a) => assert.ok(!sent.text.includes(a.tenant.id)),
			},
		],
	},
	{
		method: "post",
		path: "/api/api-tokens",
		access,
		ok: 201,
		request: () => ({
			body: { clientName: "SIEM", scopes: ["incidents:create"], expiresAt: inDays(30) },
		}),
		crossTenant: [{ name: "a token of tenant B", request: "own", expect: "served" }],
	},
	{
		method: "post",
		path: "/api/api-tokens/{id}/revoke",
		access,
		ok: 204,
		request: async ({ deps, world }) => ({ params: { id: (await tokenOf(deps, world)).id } }),
		crossTenant: [FOREIGN_IDS],
	},
];
