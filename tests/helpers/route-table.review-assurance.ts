import { reviewsPolicy } from "../../src/modules/policies/reviews/reviews.policy.ts";
import { makeReview } from "./review-fixtures.ts";
import type { CrossTenantProbe, RouteEntry } from "./route-walk.ts";

/** The review's assurance inputs (findings, audits, training): read as the review itself. */

const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};
const SERVED: CrossTenantProbe = {
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
};

const correctiveAction = (ownerUnitId: string) => ({
	title: "例外措置の申請手続が運用されていない",
	clause: "対策基準 9.2",
	ownerUnitId,
	severity: "moderate",
	dueOn: "2099-03-31",
});

const asReview = (path: string): RouteEntry => ({
	method: "get",
	path,
	access: {
		kind: "permission",
		policy: reviewsPolicy,
		action: "policy_review.read",
		level: "tenant",
	},
	ok: 200,
	request: async ({ deps, world }) => ({ params: { id: await makeReview(deps, world.tenant.id) } }),
	crossTenant: [SERVED, FOREIGN_IDS],
});

export const REVIEW_ASSURANCE_ROUTES: readonly RouteEntry[] = [
	asReview("/api/policy-reviews/{id}/findings"),
	asReview("/api/policy-reviews/{id}/audits"),
	asReview("/api/policy-reviews/{id}/self-inspection"),
	asReview("/api/policy-reviews/{id}/training"),
	{
		method: "post",
		path: "/api/policy-reviews/{id}/findings",
		access: {
			kind: "permission",
			policy: reviewsPolicy,
			action: "policy_review.decide",
			level: "tenant",
		},
		ok: 201,
		request: async ({ deps, world }) => ({
			params: { id: await makeReview(deps, world.tenant.id) },
			body: correctiveAction(world.orgUnit.id),
		}),
		crossTenant: [
			SERVED,
			FOREIGN_IDS,
			{
				name: "a corrective action for tenant A's unit",
				request: async (a, { deps, world }) => ({
					params: { id: await makeReview(deps, world.tenant.id) },
					body: correctiveAction(a.orgUnit.id),
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
];
