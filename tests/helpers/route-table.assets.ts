import assert from "node:assert/strict";
import { assetsPolicy } from "../../src/modules/assets/assets.policy.ts";
import { makeAssetFor, STANDARD_LEVELS, unitOf } from "./asset-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry, Sent } from "./route-walk.ts";
import { unique } from "./route-world.ts";

/** The asset-ledger routes of the route table. */

const access = (action: keyof typeof assetsPolicy) =>
	({ kind: "permission", policy: assetsPolicy, action, level: "tenant" }) as const;

const served = (extra: Partial<CrossTenantProbe> = {}): CrossTenantProbe => ({
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
	...extra,
});
const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

const itemCodes = (sent: Sent) =>
	(sent.json as { items: { code: string }[] }).items.map((i) => i.code);

/** A fresh asset the caller may change (tenant A's when the probe builds a foreign request). */
async function ownAsset({ deps, world, caller }: RequestContext) {
	return makeAssetFor(deps, world.tenant.id, caller.id, world.orgUnit.id);
}

export const ASSET_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/asset-ledger/options",
		access: access("asset.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			served({
				check: (sent, a) =>
					assert.ok(!sent.text.includes(a.orgUnit.id), "A's units are not offered"),
			}),
		],
	},
	{
		method: "get",
		path: "/api/assets",
		access: access("asset.read"),
		ok: 200,
		request: () => ({ query: { limit: "500" } }),
		crossTenant: [served({ check: (sent) => assert.ok(Array.isArray(itemCodes(sent))) })],
	},
	{
		method: "post",
		path: "/api/assets",
		access: access("asset.write"),
		ok: 201,
		request: async ({ deps, world, caller }) => ({
			body: {
				code: unique("A"),
				name: "庁内LAN",
				kind: "systems",
				ownerUnitId: await unitOf(deps, world.tenant.id, caller.id, world.orgUnit.id),
				managerName: null,
				location: null,
				zone: "lgwan",
				personalData: "none",
				retention: null,
				lifecycle: "in_use",
				relatedSystem: null,
				notes: null,
				levels: STANDARD_LEVELS,
			},
		}),
		crossTenant: [
			{
				name: "an asset put in tenant A's unit",
				request: async (a, b) => {
					const own = await ASSET_ROUTES[2]?.request(b);
					return { body: { ...(own?.body as object), ownerUnitId: a.orgUnit.id } };
				},
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/assets/{id}",
		access: access("asset.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await ownAsset(ctx)).id } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "patch",
		path: "/api/assets/{id}",
		access: access("asset.write"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await ownAsset(ctx)).id },
			body: { version: 1, location: "分庁舎" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/assets/{id}/classification",
		access: access("asset.write"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await ownAsset(ctx)).id },
			body: { version: 1, levels: ["C3A", "I2", "A2"], reason: "特定個人情報を扱うため" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assets/{id}/classification-history",
		access: access("asset.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await ownAsset(ctx)).id } }),
		crossTenant: [FOREIGN_IDS],
	},
];
