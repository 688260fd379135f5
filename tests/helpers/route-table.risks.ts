import assert from "node:assert/strict";
import { risksPolicy } from "../../src/modules/risks/risks.policy.ts";
import { unitOf } from "./asset-world.ts";
import { makeRiskFor, riskBody } from "./risk-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry, Sent } from "./route-walk.ts";

/** The risk-register routes of the route table. */

const access = (action: keyof typeof risksPolicy) =>
	({ kind: "permission", policy: risksPolicy, action, level: "tenant" }) as const;

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

const totalOf = (sent: Sent) => (sent.json as { total: number }).total;

/** A fresh risk the caller may change (tenant A's when the probe builds a foreign request). */
async function ownRisk({ deps, world, caller }: RequestContext) {
	return makeRiskFor(deps, world.tenant.id, caller.id, world.orgUnit.id);
}

export const RISK_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/risks/options",
		access: access("risk.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			served({
				check: (sent, a) => {
					assert.ok(!sent.text.includes(a.orgUnit.id), "A's units are not offered");
					assert.ok(!sent.text.includes(a.target.id), "A's accounts are not offered");
				},
			}),
		],
	},
	{
		method: "get",
		path: "/api/risks/heat-map",
		access: access("risk.read"),
		ok: 200,
		request: () => ({ query: { basis: "inherent" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/risks/export",
		access: access("risk.read"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [
			served({
				name: "filtered by tenant A's unit",
				request: (a) => ({ query: { format: "csv", unitId: a.orgUnit.id } }),
				check: (sent) => assert.equal(sent.text.trim().split("\r\n").length, 1, "header only"),
			}),
		],
	},
	{
		method: "get",
		path: "/api/risks",
		access: access("risk.read"),
		ok: 200,
		request: () => ({ query: { limit: "500" } }),
		crossTenant: [
			served(),
			served({
				name: "filtered by tenant A's unit",
				request: (a) => ({ query: { unitId: a.orgUnit.id } }),
				check: (sent) => assert.equal(totalOf(sent), 0),
			}),
		],
	},
	{
		method: "post",
		path: "/api/risks",
		access: access("risk.write"),
		ok: 201,
		request: async ({ deps, world, caller }) => ({
			body: riskBody(await unitOf(deps, world.tenant.id, caller.id, world.orgUnit.id)),
		}),
		crossTenant: [
			{
				name: "a risk put in tenant A's unit",
				request: (a) => ({ body: riskBody(a.orgUnit.id) }),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/risks/{id}",
		access: access("risk.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await ownRisk(ctx)).id } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "patch",
		path: "/api/risks/{id}",
		access: access("risk.write"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await ownRisk(ctx)).id },
			body: { version: 1, status: "treating", residual: { likelihood: 1, impact: 2 } },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/risks/{id}/acceptance",
		access: access("risk.accept"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await ownRisk(ctx)).id },
			body: { version: 1, reason: "対策費用が効果を上回るため受容する" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
];
