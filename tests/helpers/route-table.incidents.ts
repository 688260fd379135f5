import assert from "node:assert/strict";
import { incidentsPolicy } from "../../src/modules/incidents/incidents.policy.ts";
import { actorFor } from "./custody-world.ts";
import { makeIncident, usbReport } from "./incident-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry, Sent } from "./route-walk.ts";

/** The incident-response routes of the route table. */

const access = (action: keyof typeof incidentsPolicy) =>
	({ kind: "permission", policy: incidentsPolicy, action, level: "tenant" }) as const;

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

/** Whether the request is built from another tenant's fixtures (a foreign probe). */
const foreign = ({ world, caller }: RequestContext) => caller.tenantId !== world.tenant.id;

/** A case the caller reported (so whoever they are, they may see it); the foreign tenant's own. */
async function callerCase(ctx: RequestContext) {
	const { deps, world, caller } = ctx;
	if (foreign(ctx)) return makeIncident(deps, world.tenant.id);
	return makeIncident(deps, world.tenant.id, {
		reporter: await actorFor(deps, world.tenant.id, caller.id),
	});
}

/** A case a system reported, which the CSIRT and the CISO see like every case. */
const systemCase = (ctx: RequestContext) => makeIncident(ctx.deps, ctx.world.tenant.id);

/** Any asset of a tenant: a report in B must not name it. */
async function anAssetOf(ctx: RequestContext, tenantId: string) {
	const asset = await ctx.deps.db
		.selectFrom("assets")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.executeTakeFirstOrThrow();
	return asset.id;
}

export const INCIDENT_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/incidents/options",
		access: access("incident.list"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/incidents/reportable-assets",
		access: access("incident.report"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/incidents/mine",
		access: access("incident.report"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/incidents",
		access: access("incident.list"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
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
		path: "/api/incidents",
		access: access("incident.report"),
		ok: 201,
		request: () => ({ body: usbReport() }),
		crossTenant: [
			served(),
			{
				name: "a report naming tenant A's asset",
				request: async (a, b) => ({
					body: usbReport({ assetIds: [await anAssetOf(b, a.tenant.id)] }),
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/incidents/{id}",
		access: access("incident.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerCase(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/triage",
		access: access("incident.triage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await systemCase(ctx)).id },
			body: { version: 1, category: "unintentional", severity: 2, people: 3 },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/transitions",
		access: access("incident.transition"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await systemCase(ctx)).id },
			body: { version: 1, action: "reject", reason: "庁内で見つかった" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/notes",
		access: access("incident.note"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await callerCase(ctx)).id },
			body: { text: "追加の情報" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/filings",
		access: access("incident.file"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await systemCase(ctx)).id },
			body: { obligation: "ppc_personal_information", stage: "preliminary", filedOn: "2025-12-03" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
];
