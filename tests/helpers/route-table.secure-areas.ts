import { inTransaction } from "../../src/db/transaction.ts";
import { locateAsset } from "../../src/modules/secure-areas/area-assets.ts";
import { openAreaDesk } from "../../src/modules/secure-areas/area-desk.ts";
import { recordEntry } from "../../src/modules/secure-areas/entry-log.ts";
import { grantPermit } from "../../src/modules/secure-areas/permits.ts";
import { secureAreasPolicy } from "../../src/modules/secure-areas/secure-areas.policy.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { makeAsset } from "./asset-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";
import { areaActor, makeArea, staffOfAccount } from "./secure-areas-world.ts";

/**
 * The routes of secure areas (管理区域). Every account may call them (an area's manager is named
 * from the roster and need hold no role); each request here is built on an area the caller
 * manages, so that the walk sees the route serve them. Who sees and keeps which area (the
 * manager, 統括, CISO; auditors read-only; others 404) is tested in
 * tests/integration/secure-areas.test.ts.
 */

const access = (action: keyof typeof secureAreasPolicy) =>
	({ kind: "permission", policy: secureAreasPolicy, action, level: "tenant" }) as const;

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

/**
 * The caller's staff row in the world's tenant; for a request built from another tenant's world
 * (the cross-tenant probes), that tenant's target account stands in.
 */
async function callerStaff(ctx: RequestContext): Promise<string> {
	const account = await ctx.deps.db
		.selectFrom("accounts")
		.select("tenant_id")
		.where("id", "=", ctx.caller.id)
		.executeTakeFirst();
	const accountId =
		account?.tenant_id === ctx.world.tenant.id ? ctx.caller.id : ctx.world.target.id;
	return staffOfAccount(ctx.deps, ctx.world.tenant.id, accountId, ctx.world.orgUnit.id);
}

/** An area the caller manages (so they see and keep it), with the caller allowed in. */
async function callerArea(ctx: RequestContext) {
	const staff = await callerStaff(ctx);
	return {
		area: await makeArea(ctx.deps, ctx.world.tenant.id, staff, { allowed: [staff] }),
		staff,
	};
}

const cisoDesk = (ctx: RequestContext) => openAreaDesk(ctx.deps.db, areaActor(ctx.world.tenant.id));

const IMPORT_FILE = Buffer.from(
	"区域コード,入室日時,退室日時,職員番号,来訪者氏名,来訪者所属,同行職員番号\r\n",
).toString("base64");

export const SECURE_AREA_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/secure-areas/options",
		access: access("secure_area.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/secure-areas/flags",
		access: access("secure_area.read"),
		ok: 200,
		request: () => ({ query: { month: japanDate(new Date()).slice(0, 7) } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/secure-areas/entries/import",
		access: access("secure_area.keep"),
		ok: 202,
		request: () => ({
			body: { filename: "入退室.csv", contentBase64: IMPORT_FILE, mode: "apply" },
		}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/secure-areas",
		access: access("secure_area.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/secure-areas",
		access: access("secure_area.manage"),
		ok: 201,
		request: async (ctx) => ({
			body: {
				code: `SR-${Math.random().toString(36).slice(2, 8)}`,
				name: "サーバ室",
				level: "strict",
				location: "本庁舎",
				managerStaffId: await callerStaff(ctx),
			},
		}),
		crossTenant: [
			served(),
			{
				name: "a manager from tenant A's roster",
				request: async (a, b) => ({
					body: {
						code: "SR-X",
						name: "サーバ室",
						level: "strict",
						managerStaffId: await staffOfAccount(b.deps, a.tenant.id, a.target.id, a.orgUnit.id),
					},
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/secure-areas/{id}",
		access: access("secure_area.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerArea(ctx)).area.id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/secure-areas/{id}",
		access: access("secure_area.manage"),
		ok: 200,
		request: async (ctx) => {
			const { area, staff } = await callerArea(ctx);
			return {
				params: { id: area.id },
				body: {
					code: area.code,
					name: "情報システム室",
					level: "controlled",
					location: "本庁舎 5階",
					managerStaffId: staff,
					version: 1,
				},
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/secure-areas/{id}/permits",
		access: access("secure_area.keep"),
		ok: 200,
		request: async (ctx) => {
			const { area, staff } = await callerArea(ctx);
			return { params: { id: area.id }, body: { staffId: staff, untilOn: "2099-03-31" } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "delete",
		path: "/api/secure-areas/{id}/permits/{permitId}",
		access: access("secure_area.keep"),
		ok: 200,
		request: async (ctx) => {
			const { area, staff } = await callerArea(ctx);
			const desk = await cisoDesk(ctx);
			await inTransaction(ctx.deps.db, (tx) =>
				grantPermit(tx, desk, area.id, { staffId: staff, untilOn: "2099-03-31" }),
			);
			const permit = await ctx.deps.db
				.selectFrom("secure_area_permits")
				.select("id")
				.where("area_id", "=", area.id)
				.executeTakeFirstOrThrow();
			return { params: { id: area.id, permitId: permit.id } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/secure-areas/{id}/entries",
		access: access("secure_area.read"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerArea(ctx)).area.id },
			query: { day: japanDate(new Date()) },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/secure-areas/{id}/entries",
		access: access("secure_area.keep"),
		ok: 201,
		request: async (ctx) => {
			const { area, staff } = await callerArea(ctx);
			return {
				params: { id: area.id },
				body: { staffId: staff, enteredAt: new Date(Date.now() - 60_000).toISOString() },
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/secure-areas/{id}/entries/export",
		access: access("secure_area.read"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerArea(ctx)).area.id },
			query: { from: japanDate(new Date(Date.now() - 7 * 86_400_000)), to: japanDate(new Date()) },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/secure-areas/{id}/entries/{entryId}/exit",
		access: access("secure_area.keep"),
		ok: 200,
		request: async (ctx) => {
			const { area, staff } = await callerArea(ctx);
			const desk = await cisoDesk(ctx);
			const entry = await inTransaction(ctx.deps.db, (tx) =>
				recordEntry(tx, desk, area.id, {
					staffId: staff,
					visitorName: null,
					visitorOrganisation: null,
					escortStaffId: null,
					enteredAt: new Date(Date.now() - 120_000).toISOString(),
					exitedAt: null,
				}),
			);
			return {
				params: { id: area.id, entryId: entry.id },
				body: { exitedAt: new Date().toISOString() },
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/secure-areas/{id}/assets",
		access: access("secure_area.keep"),
		ok: 200,
		request: async (ctx) => {
			const { area } = await callerArea(ctx);
			const asset = await makeAsset(ctx.deps, ctx.world.tenant.id, ctx.world.orgUnit.id);
			return { params: { id: area.id }, body: { assetCode: asset.code } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "delete",
		path: "/api/secure-areas/{id}/assets/{assetId}",
		access: access("secure_area.keep"),
		ok: 200,
		request: async (ctx) => {
			const { area } = await callerArea(ctx);
			const asset = await makeAsset(ctx.deps, ctx.world.tenant.id, ctx.world.orgUnit.id);
			const desk = await cisoDesk(ctx);
			await inTransaction(ctx.deps.db, (tx) => locateAsset(tx, desk, area.id, asset.code));
			return { params: { id: area.id, assetId: asset.id } };
		},
		crossTenant: [FOREIGN_IDS],
	},
];
