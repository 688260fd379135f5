import { drillsPolicy } from "../../src/modules/incidents/drills/drills.policy.ts";
import { reviewsPolicy } from "../../src/modules/policies/reviews/reviews.policy.ts";
import { heldBy, mailDrill, makeDrill } from "./drill-world.ts";
import { makeReview } from "./review-fixtures.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The drills routes of the route table, and the review's drills input. */

const access = (action: keyof typeof drillsPolicy) =>
	({ kind: "permission", policy: drillsPolicy, action, level: "tenant" }) as const;

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

const drillIn = (ctx: RequestContext, state: Parameters<typeof makeDrill>[2]) =>
	makeDrill(ctx.deps, ctx.world.tenant.id, state);

export const DRILL_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/drills/options",
		access: access("drill.manage"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/drills",
		access: access("drill.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/drills",
		access: access("drill.manage"),
		ok: 201,
		request: ({ world }) => ({ body: mailDrill({ unitIds: [world.orgUnit.id] }) }),
		crossTenant: [
			served(),
			{
				name: "a drill naming tenant A's unit",
				request: (a) => ({ body: mailDrill({ unitIds: [a.orgUnit.id] }) }),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/drills/{id}",
		access: access("drill.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await drillIn(ctx, "recorded")).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/drills/{id}/hold",
		access: access("drill.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await drillIn(ctx, "planned")).id },
			body: heldBy(),
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's account as a participant",
				request: async (a, b) => ({
					params: { id: (await drillIn(b, "planned")).id },
					body: heldBy({ participants: [{ account: a.plain.id, headcount: 1 }] }),
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "post",
		path: "/api/drills/{id}/record",
		access: access("drill.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await drillIn(ctx, "held")).id },
			body: { version: 2, lessons: "初動の連絡に時間がかかった。" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/drills/{id}/cancel",
		access: access("drill.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await drillIn(ctx, "planned")).id },
			body: { version: 1, reason: "庁舎の停電工事と重なった" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/policy-reviews/{id}/drills",
		access: {
			kind: "permission",
			policy: reviewsPolicy,
			action: "policy_review.read",
			level: "tenant",
		},
		ok: 200,
		request: async ({ deps, world }) => ({
			params: { id: await makeReview(deps, world.tenant.id) },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
];
