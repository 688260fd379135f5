import { definePolicy } from "../../src/modules/authz/policy.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { socialMediaPolicy } from "../../src/modules/social-media/social-media.policy.ts";
import { decidingRoles } from "../../src/modules/social-media/social-media-rules.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { unitOf } from "./asset-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";
import {
	makeSocialAccount,
	managerStaffOf,
	procedureDocumentId,
	sampleAccount,
} from "./social-media-world.ts";

/**
 * The routes of the register of official social-media accounts. The walk's tenants use the
 * standard pack (the provision in force; approver: the section manager). A tenant whose pack has
 * no such provision gets 404 `social_media_not_in_policy` from every one of them: see
 * tests/integration/social-media.test.ts, which walks this table for a Kitakyushu tenant.
 */

const access = (action: keyof typeof socialMediaPolicy) =>
	({ kind: "permission", policy: socialMediaPolicy, action, level: "tenant" }) as const;

/** Deciding, as the standard pack narrows it: its approver only. */
const DECIDE_POLICY = definePolicy({
	"social_media.decide": decidingRoles(loadBundledPack("standard")),
});
const decide = {
	kind: "permission",
	policy: DECIDE_POLICY,
	action: "social_media.decide",
	level: "tenant",
} as const;

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

/**
 * A unit where the caller holds the pack's approver role (the section manager), so that a caller
 * holding several per-unit roles decides; else the caller's unit.
 */
async function decidingUnit(ctx: RequestContext): Promise<string> {
	const held = await ctx.deps.db
		.selectFrom("role_assignments")
		.select("org_unit_id")
		.where("tenant_id", "=", ctx.world.tenant.id)
		.where("account_id", "=", ctx.caller.id)
		.where("role", "in", decidingRoles(loadBundledPack("standard")))
		.where("org_unit_id", "is not", null)
		.executeTakeFirst();
	return held?.org_unit_id ?? callerUnit(ctx);
}

const accountIn = async (
	ctx: RequestContext,
	state: Parameters<typeof makeSocialAccount>[4],
	unitId?: string,
) =>
	makeSocialAccount(
		ctx.deps,
		ctx.world.tenant.id,
		unitId ?? (await callerUnit(ctx)),
		await managerStaffOf(ctx.deps, ctx.world.tenant.id),
		state,
	);

const registration = async (ctx: RequestContext, unitId?: string) =>
	sampleAccount(
		unitId ?? (await callerUnit(ctx)),
		await managerStaffOf(ctx.deps, ctx.world.tenant.id),
		await procedureDocumentId(ctx.deps, ctx.world.tenant.id),
	);

export const SOCIAL_MEDIA_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/social-media/options",
		access: access("social_media.register"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/social-media/export",
		access: access("social_media.export"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/social-media/accounts",
		access: access("social_media.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/social-media/accounts",
		access: access("social_media.register"),
		ok: 201,
		request: async (ctx) => ({ body: await registration(ctx) }),
		crossTenant: [
			served(),
			{
				name: "an account for tenant A's unit",
				request: async (a, b) => ({ body: await registration(b, a.orgUnit.id) }),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/social-media/accounts/{id}",
		access: access("social_media.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await accountIn(ctx, "approved")).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/social-media/accounts/{id}/request",
		access: access("social_media.register"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await accountIn(ctx, "registered")).id },
			body: { version: 1 },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/social-media/accounts/{id}/approve",
		access: decide,
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await accountIn(ctx, "requested", await decidingUnit(ctx))).id },
			body: { version: 2, reason: "" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/social-media/accounts/{id}/refuse",
		access: decide,
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await accountIn(ctx, "requested", await decidingUnit(ctx))).id },
			body: { version: 2, reason: "運用手順が未整備" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/social-media/accounts/{id}/review",
		access: access("social_media.register"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await accountIn(ctx, "approved")).id },
			body: { version: 3, reviewedOn: japanDate(new Date()), note: "運用状況を確認した。" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/social-media/accounts/{id}/suspend",
		access: access("social_media.register"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await accountIn(ctx, "approved")).id },
			body: { version: 3, reason: "担当者の異動" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/social-media/accounts/{id}/reinstate",
		access: access("social_media.register"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await accountIn(ctx, "suspended")).id },
			body: { version: 4 },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/social-media/accounts/{id}/close",
		access: access("social_media.register"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await accountIn(ctx, "approved")).id },
			body: { version: 3, reason: "運用を終了した" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
];
