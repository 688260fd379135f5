import { definePolicy } from "../../src/modules/authz/policy.ts";
import { exceptionsPolicy } from "../../src/modules/exceptions/exceptions.policy.ts";
import { networkPolicy } from "../../src/modules/network/network.policy.ts";
import { unitOf } from "./asset-world.ts";
import { dayFromToday, flowException, makeException } from "./exception-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The 例外措置 routes of the route table. */

const access = (action: keyof typeof exceptionsPolicy) =>
	({ kind: "permission", policy: exceptionsPolicy, action, level: "tenant" }) as const;

/** The network picker: those who may request an exception and read the network model. */
const pickerPolicy = definePolicy({
	"exception.targets": exceptionsPolicy["exception.request"].filter((role) =>
		networkPolicy["network.read"].includes(role),
	),
});

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

/** The caller's own unit when they manage one (a 管理者), else the world's unit. */
const callerUnit = ({ deps, world, caller }: RequestContext) =>
	unitOf(deps, world.tenant.id, caller.id, world.orgUnit.id);

const exceptionIn = async (
	ctx: RequestContext,
	state: Parameters<typeof makeException>[3],
	unitId?: string,
) =>
	makeException(ctx.deps, ctx.world.tenant.id, unitId ?? ctx.world.orgUnit.id, state, {
		networkFlows: [],
	});

export const EXCEPTION_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/exceptions/options",
		access: access("exception.request"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/exceptions/targets",
		access: {
			kind: "permission",
			policy: pickerPolicy,
			action: "exception.targets",
			level: "tenant",
		},
		ok: 200,
		request: () => ({ query: { kind: "flow", q: "" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/exceptions/reminders",
		access: access("exception.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/exceptions/export",
		access: access("exception.export"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/exceptions",
		access: access("exception.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/exceptions",
		access: access("exception.request"),
		ok: 201,
		request: async (ctx) => ({ body: flowException(await callerUnit(ctx)) }),
		crossTenant: [
			served(),
			{
				name: "an exception for tenant A's unit",
				request: (a) => ({ body: flowException(a.orgUnit.id) }),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/exceptions/{id}",
		access: access("exception.read"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await exceptionIn(ctx, "approved", await callerUnit(ctx))).id },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/exceptions/{id}/approve",
		access: access("exception.decide"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await exceptionIn(ctx, "requested")).id },
			body: { version: 1, reason: "" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/exceptions/{id}/refuse",
		access: access("exception.decide"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await exceptionIn(ctx, "requested")).id },
			body: { version: 1, reason: "代替措置が不十分" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/exceptions/{id}/withdraw",
		access: access("exception.request"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await exceptionIn(ctx, "requested", await callerUnit(ctx))).id },
			body: { version: 1 },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/exceptions/{id}/renew",
		access: access("exception.request"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await exceptionIn(ctx, "approved", await callerUnit(ctx))).id },
			body: {
				startsOn: dayFromToday(81),
				endsOn: dayFromToday(170),
				reason: "更新の予算が次年度に回ったため。",
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
];
