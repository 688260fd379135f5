import { incidentChainPolicy } from "../../src/modules/incidents/incident-chain.policy.ts";
import { incidentsPolicy } from "../../src/modules/incidents/incidents.policy.ts";
import { actorFor } from "./custody-world.ts";
import { tellOf } from "./incident-chain-world.ts";
import { makeIncident } from "./incident-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The reporting chain's routes of the route table. */

const served: CrossTenantProbe = {
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
};
const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

const foreign = ({ world, caller }: RequestContext) => caller.tenantId !== world.tenant.id;

/** A case the caller reported, so whoever they are they see it; in a foreign probe, A's case. */
async function callerCase(ctx: RequestContext) {
	const { deps, world, caller } = ctx;
	if (foreign(ctx)) return makeIncident(deps, world.tenant.id);
	return makeIncident(deps, world.tenant.id, {
		reporter: await actorFor(deps, world.tenant.id, caller.id),
	});
}

/** A case the caller sees and was told of, waiting for their acknowledgement. */
async function caseToAcknowledge(ctx: RequestContext) {
	const incident = await callerCase(ctx);
	if (!foreign(ctx)) await tellOf(ctx.deps, ctx.world.tenant.id, incident.id, ctx.caller.id);
	return incident;
}

export const INCIDENT_CHAIN_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/incidents/to-acknowledge",
		access: {
			kind: "permission",
			policy: incidentChainPolicy,
			action: "incident.acknowledge",
			level: "tenant",
		},
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "get",
		path: "/api/incidents/{id}/chain",
		access: {
			kind: "permission",
			policy: incidentsPolicy,
			action: "incident.read",
			level: "tenant",
		},
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerCase(ctx)).id } }),
		crossTenant: [served, FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/acknowledgements",
		access: {
			kind: "permission",
			policy: incidentChainPolicy,
			action: "incident.acknowledge",
			level: "tenant",
		},
		ok: 200,
		request: async (ctx) => ({ params: { id: (await caseToAcknowledge(ctx)).id } }),
		crossTenant: [FOREIGN_IDS],
	},
];
