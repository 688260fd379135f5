import assert from "node:assert/strict";
import { orgPolicy } from "../../src/modules/org/org.policy.ts";
import { makeStaff } from "./org-factories.ts";
import { currentRosterCsv, makeAppliedRoster, makeRosterPreview } from "./org-world.ts";
import type {
	CrossTenantProbe,
	RequestContext,
	RouteEntry,
	RouteRequest,
	Sent,
} from "./route-walk.ts";
import type { TenantWorld } from "./route-world.ts";

/** The org routes of the route table: the tree, staff, and roster imports. */

const access = (action: keyof typeof orgPolicy) =>
	({ kind: "permission", policy: orgPolicy, action, level: "tenant" }) as const;

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
const UNKNOWN_ORG_UNIT = { status: 400, code: "validation_failed" } as const;

const itemIds = (sent: Sent) => (sent.json as { items: { id: string }[] }).items.map((i) => i.id);

async function freshStaff({ deps, world }: Pick<RequestContext, "deps" | "world">) {
	return makeStaff(deps, world.tenant, world.orgUnit.id);
}

async function preview(world: TenantWorld, ctx: Pick<RequestContext, "deps">) {
	const row = await makeRosterPreview(ctx.deps, world.tenant.id, world.target.id);
	return { params: { id: row.id } } satisfies RouteRequest;
}

export const ORG_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/org-units/tree",
		access: access("org_unit.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			served({ check: (sent, _a, b) => assert.ok(itemIds(sent).includes(b.orgUnit.id)) }),
		],
	},
	{
		method: "patch",
		path: "/api/org-units/{id}",
		access: access("org_unit.update"),
		ok: 200,
		request: ({ world }) => ({ params: { id: world.orgUnit.id }, body: { name: "情報政策課" } }),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "B's unit moved under tenant A's unit",
				request: (a, b) => ({
					params: { id: b.world.orgUnit.id },
					body: { parentId: a.orgUnit.id },
				}),
				expect: UNKNOWN_ORG_UNIT,
			},
		],
	},
	{
		method: "get",
		path: "/api/staff",
		access: access("staff.read"),
		ok: 200,
		request: () => ({ query: { limit: "500" } }),
		crossTenant: [
			served({ check: (sent) => assert.ok(itemIds(sent).length > 0) }),
			{
				name: "filtered by tenant A's unit",
				request: (a) => ({ query: { unitId: a.orgUnit.id } }),
				expect: UNKNOWN_ORG_UNIT,
			},
		],
	},
	{
		method: "get",
		path: "/api/staff/{id}",
		access: access("staff.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await freshStaff(ctx)).staffId } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "patch",
		path: "/api/staff/{id}",
		access: access("staff.update"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await freshStaff(ctx)).staffId },
			body: { title: "主査", category: "part_time" },
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "B's staff moved into tenant A's unit",
				request: async (a, b) => ({
					params: { id: (await freshStaff(b)).staffId },
					body: { orgUnitId: a.orgUnit.id },
				}),
				expect: UNKNOWN_ORG_UNIT,
			},
		],
	},
	{
		method: "get",
		path: "/api/roster-template",
		access: access("roster.import"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/roster-imports",
		access: access("roster.import"),
		ok: 201,
		request: async ({ deps, world }) => {
			const bytes = await currentRosterCsv(deps, world.tenant.id);
			return {
				body: { fileName: "roster.csv", contentBase64: Buffer.from(bytes).toString("base64") },
			};
		},
		crossTenant: [
			served({
				check: (sent) =>
					assert.deepEqual((sent.json as { plan: { errors: unknown[] } }).plan.errors, []),
			}),
		],
	},
	{
		method: "get",
		path: "/api/roster-imports/{id}",
		access: access("roster.import"),
		ok: 200,
		request: ({ deps, world }) => preview(world, { deps }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/roster-imports/{id}/apply",
		access: access("roster.import"),
		// Applying is a job (run by a scheduler, which the walk does not start).
		ok: 202,
		request: ({ deps, world }) => preview(world, { deps }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/roster-imports/{id}/one-time-passwords",
		access: access("roster.import"),
		ok: 200,
		request: async ({ deps, world }) => {
			const row = await makeAppliedRoster(
				deps,
				world.tenant.id,
				world.target.id,
				world.orgUnit.code,
			);
			return { params: { id: row.id } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/roster-imports/{id}/discard",
		access: access("roster.import"),
		ok: 200,
		request: ({ deps, world }) => preview(world, { deps }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/roster-imports/{id}/passwords.csv",
		access: access("roster.import"),
		ok: 200,
		request: async ({ deps, world }) => {
			const row = await makeAppliedRoster(
				deps,
				world.tenant.id,
				world.target.id,
				world.orgUnit.code,
			);
			return { params: { id: row.id } };
		},
		crossTenant: [FOREIGN_IDS],
	},
];
