import type { Policy } from "../../src/modules/authz/policy.ts";
import { incidentCaseworkPolicy } from "../../src/modules/incidents/incident-casework.policy.ts";
import { incidentsPolicy } from "../../src/modules/incidents/incidents.policy.ts";
import { actorFor } from "./custody-world.ts";
import { EVIDENCE_LOG, makeEvidence, makeTask, nextWeek } from "./incident-casework-world.ts";
import { makeIncident, triageAsCsirt } from "./incident-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The casework routes of incident response (tasks, evidence, report draft) in the route table. */

function access<A extends string>(policy: Policy<A>, action: A) {
	return { kind: "permission", policy, action, level: "tenant" } as const;
}

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

/** An account of the fixtures' tenant: the caller, or for a foreign probe tenant A's target. */
const ownerOf = (ctx: RequestContext) => (foreign(ctx) ? ctx.world.target.id : ctx.caller.id);

/** A case the caller reported (so whoever they are, they may see it); A's own for a foreign probe. */
async function callerCase(ctx: RequestContext) {
	const { deps, world, caller } = ctx;
	if (foreign(ctx)) return makeIncident(deps, world.tenant.id);
	return makeIncident(deps, world.tenant.id, {
		reporter: await actorFor(deps, world.tenant.id, caller.id),
	});
}

/** A triaged case a system reported: the CSIRT, the CISO and 統括 see it like every case. */
async function triagedCase(ctx: RequestContext) {
	const incident = await makeIncident(ctx.deps, ctx.world.tenant.id);
	await triageAsCsirt(ctx.deps, ctx.world.tenant.id, incident.id);
	return incident;
}

/** A case with a task of `ownerOf(ctx)`. */
async function caseWithTask(ctx: RequestContext, incident: { id: string }) {
	const task = await makeTask(ctx.deps, ctx.world.tenant.id, incident.id, ownerOf(ctx));
	return { id: incident.id, taskId: task.id };
}

export const INCIDENT_CASEWORK_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/incident-tasks/mine",
		access: access(incidentCaseworkPolicy, "incident.task_mine"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/incidents/{id}/tasks",
		access: access(incidentsPolicy, "incident.read"),
		ok: 200,
		request: async (ctx) => {
			const incident = await callerCase(ctx);
			await makeTask(ctx.deps, ctx.world.tenant.id, incident.id, ownerOf(ctx));
			return { params: { id: incident.id } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/tasks",
		access: access(incidentCaseworkPolicy, "incident.task_manage"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await triagedCase(ctx)).id },
			body: { title: "本人への通知文の作成", ownerId: ownerOf(ctx), dueOn: nextWeek() },
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's account as the owner",
				request: async (a, b) => ({
					params: { id: (await triagedCase(b)).id },
					body: { title: "本人への通知文の作成", ownerId: a.target.id, dueOn: nextWeek() },
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "patch",
		path: "/api/incidents/{id}/tasks/{taskId}",
		access: access(incidentCaseworkPolicy, "incident.task_manage"),
		ok: 200,
		request: async (ctx) => ({
			params: await caseWithTask(ctx, await triagedCase(ctx)),
			body: { version: 1, title: "遺失届の提出と受理番号の記録" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/tasks/{taskId}/complete",
		access: access(incidentCaseworkPolicy, "incident.task_complete"),
		ok: 200,
		// The caller owns the task; an owner completes it without otherwise seeing the case.
		request: async (ctx) => ({ params: await caseWithTask(ctx, await triagedCase(ctx)) }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/incidents/{id}/evidence",
		access: access(incidentsPolicy, "incident.read"),
		ok: 200,
		request: async (ctx) => {
			const incident = await callerCase(ctx);
			await makeEvidence(ctx.deps, ctx.world.tenant.id, incident.id);
			return { params: { id: incident.id } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/incidents/{id}/evidence",
		access: access(incidentCaseworkPolicy, "incident.evidence_add"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await triagedCase(ctx)).id },
			body: {
				fileName: "接続ログ.txt",
				contentBase64: Buffer.from(EVIDENCE_LOG).toString("base64"),
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/incidents/{id}/evidence/{evidenceId}",
		access: access(incidentsPolicy, "incident.read"),
		ok: 200,
		request: async (ctx) => {
			const incident = await callerCase(ctx);
			const file = await makeEvidence(ctx.deps, ctx.world.tenant.id, incident.id);
			return { params: { id: incident.id, evidenceId: file.id } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/incidents/{id}/report-draft.pdf",
		access: access(incidentCaseworkPolicy, "incident.report_draft"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await triagedCase(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/incidents/{id}/report-draft.xlsx",
		access: access(incidentCaseworkPolicy, "incident.report_draft"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await triagedCase(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
];
