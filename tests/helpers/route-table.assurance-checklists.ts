import assert from "node:assert/strict";
import { checklistsPolicy } from "../../src/modules/assurance/checklists/checklists.policy.ts";
import { bundledChecklistId, checklistFile, editBundledCopy } from "./checklist-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry, Sent } from "./route-walk.ts";

/** The assurance checklists' routes of the route table. */

const access = (action: keyof typeof checklistsPolicy) =>
	({ kind: "permission", policy: checklistsPolicy, action, level: "tenant" }) as const;

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

const checklistOf = (ctx: RequestContext) => bundledChecklistId(ctx.deps, ctx.world.tenant.id);

function jobOf(sent: Sent): { kind: string; status: string } {
	return sent.json as { kind: string; status: string };
}

async function importBody(checklistId?: string) {
	return {
		filename: "庁内自己点検.xlsx",
		contentBase64: (await checklistFile()).toString("base64"),
		mode: "apply",
		...(checklistId ? { checklistId } : {}),
	};
}

const versionRequest = async (ctx: RequestContext) => ({
	params: { id: await checklistOf(ctx), version: "1" },
});

export const ASSURANCE_CHECKLIST_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/assurance/checklists",
		access: access("assurance_checklist.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/assurance/checklists/bundled",
		access: access("assurance_checklist.manage"),
		ok: 201,
		// The tenant's copy is edited first, so adding the bundled one again makes a new version.
		request: async (ctx) => {
			await editBundledCopy(ctx.deps, ctx.world.tenant.id, "standard.audit");
			return { body: { bundledId: "standard.audit" } };
		},
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/assurance/checklists/import",
		access: access("assurance_checklist.manage"),
		// Applying is a job (run by a scheduler, which the walk does not start).
		ok: 202,
		request: async () => ({ body: await importBody() }),
		crossTenant: [
			served({
				check: (sent) =>
					assert.deepEqual(
						[jobOf(sent).kind, jobOf(sent).status],
						["assurance.checklist", "queued"],
					),
			}),
			{
				name: "a new version of tenant A's checklist",
				request: async (a, b) => ({
					body: await importBody(await bundledChecklistId(b.deps, a.tenant.id)),
				}),
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "get",
		path: "/api/assurance/checklists/template",
		access: access("assurance_checklist.manage"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/assurance/checklists/{id}",
		access: access("assurance_checklist.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: await checklistOf(ctx) } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/checklists/{id}/versions/{version}",
		access: access("assurance_checklist.read"),
		ok: 200,
		request: versionRequest,
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/checklists/{id}/versions/{version}/export",
		access: access("assurance_checklist.read"),
		ok: 200,
		request: versionRequest,
		crossTenant: [served(), FOREIGN_IDS],
	},
];
