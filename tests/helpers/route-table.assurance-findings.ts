import { findingsPolicy } from "../../src/modules/assurance/findings/findings.policy.ts";
import { unitOf } from "./asset-world.ts";
import { type FixtureState, freshViolation, makeFinding } from "./finding-world.ts";
import { makeIncident } from "./incident-world.ts";
import { makeRisk } from "./risk-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The routes of the findings register (assurance/findings) in the route table. */

const access = (action: keyof typeof findingsPolicy) =>
	({ kind: "permission", policy: findingsPolicy, action, level: "tenant" }) as const;

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

/** The unit whose findings the caller manages (their own unit), else the world's unit. */
async function callerUnit(ctx: RequestContext): Promise<string> {
	const { deps, world, caller } = ctx;
	if (foreign(ctx)) return world.orgUnit.id;
	return unitOf(deps, world.tenant.id, caller.id, world.orgUnit.id);
}

/**
 * A finding of an audit in the caller's own unit, so whoever may use the route sees it: its
 * 管理者, an auditor (audit findings), the CISO and 統括 (all).
 */
async function callerFinding(ctx: RequestContext, state: FixtureState = "open") {
	return makeFinding(ctx.deps, ctx.world.tenant.id, await callerUnit(ctx), state);
}

const raiseBody = (ownerUnitId: string) => ({
	title: "委託先との契約に再委託の条項がない",
	clause: "対策基準 8.1",
	ownerUnitId,
	severity: "major",
	dueOn: "2099-03-31",
});

export const FINDING_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/findings/options",
		access: access("finding.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/findings/export",
		access: access("finding.read"),
		ok: 200,
		request: () => ({ query: { state: "open" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/findings",
		access: access("finding.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [
			served(),
			served({
				name: "filtered by tenant A's unit",
				request: (a) => ({ query: { unitId: a.orgUnit.id } }),
			}),
		],
	},
	{
		method: "post",
		path: "/api/findings",
		access: access("finding.raise"),
		ok: 201,
		request: ({ world }) => ({ body: raiseBody(world.orgUnit.id) }),
		crossTenant: [
			served(),
			{
				name: "a finding for tenant A's unit",
				request: (a) => ({ body: raiseBody(a.orgUnit.id) }),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "post",
		path: "/api/findings/from-network-check",
		access: access("finding.raise_network"),
		ok: 201,
		request: async ({ deps, world }) => {
			const violation = await freshViolation(deps, world.tenant.id);
			return {
				body: {
					rule: violation.rule,
					flow: violation.flow,
					node: violation.node,
					ownerUnitId: world.orgUnit.id,
					severity: "major",
				},
			};
		},
		crossTenant: [
			served(),
			{
				name: "B's violation, for tenant A's unit",
				request: async (a, b) => {
					const violation = await freshViolation(b.deps, b.world.tenant.id);
					return {
						body: {
							rule: violation.rule,
							flow: violation.flow,
							node: violation.node,
							ownerUnitId: a.orgUnit.id,
							severity: "major",
						},
					};
				},
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "post",
		path: "/api/findings/from-incident",
		access: access("finding.raise_incident"),
		ok: 201,
		request: async ({ deps, world }) => ({
			body: {
				incidentId: (await makeIncident(deps, world.tenant.id)).id,
				clause: "対策基準 5.3",
				ownerUnitId: world.orgUnit.id,
				severity: "moderate",
			},
		}),
		crossTenant: [
			served(),
			{
				name: "tenant A's incident",
				request: async (a, b) => ({
					body: {
						incidentId: (await makeIncident(b.deps, a.tenant.id)).id,
						clause: "対策基準 5.3",
						ownerUnitId: b.world.orgUnit.id,
						severity: "moderate",
					},
				}),
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "get",
		path: "/api/findings/{id}",
		access: access("finding.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerFinding(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/findings/{id}/evidence/{evidenceId}",
		access: access("finding.read"),
		ok: 200,
		request: async (ctx) => {
			const finding = await callerFinding(ctx, "evidenced");
			const file = await ctx.deps.db
				.selectFrom("finding_evidence")
				.select("id")
				.where("finding_id", "=", finding.id)
				.executeTakeFirstOrThrow();
			return { params: { id: finding.id, evidenceId: file.id } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/findings/{id}/plan",
		access: access("finding.act"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerFinding(ctx)).id },
			body: {
				version: 1,
				plan: "手順書を改訂し、課内で周知する。",
				ownerId: ctx.caller.id,
				dueOn: "2099-03-31",
			},
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's account as the responsible person",
				request: async (a, b) => ({
					params: { id: (await callerFinding(b)).id },
					body: { version: 1, plan: "改訂する", ownerId: a.plain.id, dueOn: "2099-03-31" },
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "post",
		path: "/api/findings/{id}/evidence",
		access: access("finding.act"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await callerFinding(ctx)).id },
			body: {
				fileName: "改訂手順書.pdf",
				contentBase64: Buffer.from("%PDF-1.4\n").toString("base64"),
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/findings/{id}/done",
		access: access("finding.act"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerFinding(ctx, "evidenced")).id },
			body: { version: 2, note: "手順書を改訂した。" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/findings/{id}/verify",
		access: access("finding.verify"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerFinding(ctx, "done")).id },
			body: { version: 3, comment: "改訂版を確認した。" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/findings/{id}/reopen",
		access: access("finding.verify"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerFinding(ctx, "done")).id },
			body: { version: 3, comment: "周知の記録がない。" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/findings/{id}/risk-link",
		access: access("finding.act"),
		ok: 200,
		request: async (ctx) => {
			const unit = await callerUnit(ctx);
			const risk = await makeRisk(ctx.deps, ctx.world.tenant.id, unit);
			const finding = await makeFinding(ctx.deps, ctx.world.tenant.id, unit);
			return { params: { id: finding.id }, body: { version: 1, riskId: risk.id } };
		},
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's risk",
				request: async (a, b) => {
					const risk = await makeRisk(b.deps, a.tenant.id, a.orgUnit.id);
					return {
						params: { id: (await callerFinding(b)).id },
						body: { version: 1, riskId: risk.id },
					};
				},
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "post",
		path: "/api/findings/{id}/accept-risk",
		access: access("finding.accept_risk"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerFinding(ctx, "linked")).id },
			body: { version: 2, reason: "システム更改まで代替策で運用する。" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
];
