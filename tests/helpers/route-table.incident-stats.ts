import assert from "node:assert/strict";
import { incidentFeedsPolicy } from "../../src/modules/incidents/incident-feeds.policy.ts";
import { unitOf } from "./asset-world.ts";
import { actorFor } from "./custody-world.ts";
import { makeIncident } from "./incident-world.ts";
import { makeRiskFor } from "./risk-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The routes of what incident response feeds the rest: figures, their export, risks from cases. */

const access = (action: keyof typeof incidentFeedsPolicy) =>
	({ kind: "permission", policy: incidentFeedsPolicy, action, level: "tenant" }) as const;

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

/** Whether the request is built from another tenant's fixtures (a foreign probe). */
const foreign = ({ world, caller }: RequestContext) => caller.tenantId !== world.tenant.id;

/** A case the caller reported, so whoever they are they may see it; the foreign tenant's own. */
async function callerCase(ctx: RequestContext) {
	const { deps, world, caller } = ctx;
	if (foreign(ctx)) return makeIncident(deps, world.tenant.id);
	return makeIncident(deps, world.tenant.id, {
		reporter: await actorFor(deps, world.tenant.id, caller.id),
	});
}

/** A risk the caller may change (the foreign tenant's when the probe builds a foreign request). */
const callerRisk = ({ deps, world, caller }: RequestContext) =>
	makeRiskFor(deps, world.tenant.id, caller.id, world.orgUnit.id);

export const INCIDENT_STATS_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/incidents/stats",
		access: access("incident.stats"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			served({
				check: (sent, a) =>
					assert.ok(!sent.text.includes(a.tenant.id), "nothing of tenant A is counted"),
			}),
		],
	},
	{
		method: "get",
		path: "/api/incidents/open-obligations",
		access: access("incident.stats"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			served({
				check: (sent, a) =>
					assert.ok(!sent.text.includes(a.tenant.id), "nothing of tenant A is listed"),
			}),
		],
	},
	{
		method: "get",
		path: "/api/incidents/stats/export",
		access: access("incident.stats"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/risks",
		access: access("incident.raise_risk"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await callerCase(ctx)).id },
			body: {
				threatCode: "unintentional",
				ownerUnitId: await unitOf(
					ctx.deps,
					ctx.world.tenant.id,
					ctx.caller.id,
					ctx.world.orgUnit.id,
				),
				inherent: { likelihood: 2, impact: 3 },
			},
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "B's own case, raised in tenant A's unit",
				request: async (a, b) => ({
					params: { id: (await callerCase(b)).id },
					body: {
						threatCode: "unintentional",
						ownerUnitId: a.orgUnit.id,
						inherent: { likelihood: 2, impact: 3 },
					},
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/risks/{riskId}/rescore",
		access: access("incident.rescore_risk"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerCase(ctx)).id, riskId: (await callerRisk(ctx)).id },
			body: { version: 1, residual: { likelihood: 1, impact: 1 } },
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "B's own case with tenant A's risk",
				request: async (a, b) => ({
					params: {
						id: (await callerCase(b)).id,
						riskId: (await makeRiskFor(b.deps, a.tenant.id, a.admin.id, a.orgUnit.id)).id,
					},
					body: { version: 1, residual: { likelihood: 1, impact: 1 } },
				}),
				expect: { status: 404, code: "not_found" },
			},
		],
	},
];
