import { myNumberPolicy } from "../../src/modules/my-number/my-number.policy.ts";
import { makeAsset } from "./asset-world.ts";
import {
	makeAffair,
	makeHandler,
	makeLink,
	makeNotice,
	sampleAffair,
	staffOf,
} from "./my-number-world.ts";
import { makeStaff } from "./org-factories.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/**
 * The routes of the 特定個人情報 register. The walk's tenants use the standard pack (the
 * provision in force). Reading and keeping are open to any member of staff at the policy, and
 * narrowed to an affair's responsible person (and the CISO, 統括, auditors) by the desk: each
 * request makes the caller the responsible person of an affair, so every role is served. The
 * refusals of everyone else, and of a Kitakyushu tenant (404 `my_number_not_in_policy`), are in
 * tests/integration/my-number.test.ts.
 */

const access = (action: keyof typeof myNumberPolicy) =>
	({ kind: "permission", policy: myNumberPolicy, action, level: "tenant" }) as const;

const served = (): CrossTenantProbe => ({
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
});
const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

/**
 * The caller's staff record in the world's tenant. Building tenant A's request for tenant B's
 * caller (the cross-tenant probe), A's own `target` stands in: a person is staff of one tenant.
 */
const callerStaff = (ctx: RequestContext) =>
	staffOf(
		ctx.deps,
		ctx.world.tenant.id,
		ctx.caller.tenantId === ctx.world.tenant.id ? ctx.caller.id : ctx.world.target.id,
		ctx.world.orgUnit.id,
	);

/** An affair the caller is responsible for. */
const ownAffair = async (ctx: RequestContext) =>
	makeAffair(ctx.deps, ctx.world.tenant.id, await callerStaff(ctx));

export const MY_NUMBER_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/my-number/options",
		access: access("my_number.read"),
		ok: 200,
		request: async (ctx) => {
			await ownAffair(ctx);
			return {};
		},
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/my-number/report",
		access: access("my_number.report"),
		ok: 200,
		request: () => ({ query: { format: "xlsx", fiscalYear: "2026" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/my-number/affairs",
		access: access("my_number.read"),
		ok: 200,
		request: async (ctx) => {
			await ownAffair(ctx);
			return {};
		},
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/my-number/affairs",
		access: access("my_number.manage"),
		ok: 201,
		request: async (ctx) => ({ body: sampleAffair(await callerStaff(ctx)) }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/my-number/affairs/{id}",
		access: access("my_number.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await ownAffair(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/my-number/affairs/{id}",
		access: access("my_number.manage"),
		ok: 200,
		request: async (ctx) => {
			const affair = await ownAffair(ctx);
			const { kind: _kind, ...rest } = sampleAffair(affair.responsible_staff_id);
			return { params: { id: affair.id }, body: { ...rest, version: 1 } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/my-number/affairs/{id}/handlers",
		access: access("my_number.keep"),
		ok: 200,
		request: async (ctx) => {
			const affair = await ownAffair(ctx);
			const clerk = await makeStaff(ctx.deps, ctx.world.tenant, ctx.world.orgUnit.id);
			return {
				params: { id: affair.id },
				body: { staffId: clerk.staffId, startsOn: "2026-04-01", endsOn: null },
			};
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/my-number/affairs/{id}/handlers/{handlerId}/end",
		access: access("my_number.keep"),
		ok: 200,
		request: async (ctx) => {
			const affair = await ownAffair(ctx);
			const clerk = await makeStaff(ctx.deps, ctx.world.tenant, ctx.world.orgUnit.id);
			const entry = await makeHandler(ctx.deps, affair, clerk.staffId, ctx.world.orgUnit.id);
			return {
				params: { id: affair.id, handlerId: entry.id },
				body: { endsOn: "2026-10-01" },
			};
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/my-number/affairs/{id}/links",
		access: access("my_number.keep"),
		ok: 200,
		request: async (ctx) => {
			const affair = await ownAffair(ctx);
			const asset = await makeAsset(ctx.deps, ctx.world.tenant.id, ctx.world.orgUnit.id);
			return { params: { id: affair.id }, body: { kind: "asset", code: asset.code } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "delete",
		path: "/api/my-number/affairs/{id}/links/{kind}/{targetId}",
		access: access("my_number.keep"),
		ok: 200,
		request: async (ctx) => {
			const affair = await ownAffair(ctx);
			const asset = await makeAsset(ctx.deps, ctx.world.tenant.id, ctx.world.orgUnit.id);
			await makeLink(ctx.deps, affair, "asset", asset.id);
			return { params: { id: affair.id, kind: "asset", targetId: asset.id } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/my-number/affairs/{id}/provisions",
		access: access("my_number.keep"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await ownAffair(ctx)).id },
			body: {
				providedOn: "2026-06-10",
				recipient: "佐賀県",
				legalBasis: "番号法第19条第8号",
				items: "個人番号、氏名、住所",
				personCount: 12,
			},
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/my-number/affairs/{id}/notices/{noticeId}/seen",
		access: access("my_number.keep"),
		ok: 200,
		request: async (ctx) => {
			const affair = await ownAffair(ctx);
			const clerk = await makeStaff(ctx.deps, ctx.world.tenant, ctx.world.orgUnit.id);
			const entry = await makeHandler(ctx.deps, affair, clerk.staffId, ctx.world.orgUnit.id);
			const noticeId = await makeNotice(ctx.deps, affair, entry, ctx.caller.id);
			return { params: { id: affair.id, noticeId } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
];
