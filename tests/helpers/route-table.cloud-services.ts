import { decidingRoles } from "../../src/modules/cloud-services/cloud-rules.ts";
import { cloudServicesPolicy } from "../../src/modules/cloud-services/cloud-services.policy.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { unitOf } from "./asset-world.ts";
import { makeCloudService, saasService } from "./cloud-service-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The routes of the cloud service register. */

const access = (action: keyof typeof cloudServicesPolicy) =>
	({ kind: "permission", policy: cloudServicesPolicy, action, level: "tenant" }) as const;

/**
 * Deciding: the module's ceiling narrowed by the route world's pack (the standard pack names the
 * 統括 as the approver of cloud services), so the CISO is refused there.
 */
const deciders = decidingRoles(loadBundledPack("standard"));
const decide = {
	kind: "permission",
	policy: { "cloud_service.decide": deciders },
	action: "cloud_service.decide",
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

const serviceIn = async (
	ctx: RequestContext,
	state: Parameters<typeof makeCloudService>[3],
	unitId?: string,
) => makeCloudService(ctx.deps, ctx.world.tenant.id, unitId ?? ctx.world.orgUnit.id, state);

const step = (
	path: string,
	state: Parameters<typeof makeCloudService>[3],
	extra: Record<string, unknown> = {},
): RouteEntry => ({
	method: "post",
	path: `/api/cloud-services/{id}/${path}`,
	access: access("cloud_service.manage"),
	ok: 200,
	request: async (ctx) => {
		const row = await serviceIn(ctx, state, await callerUnit(ctx));
		return { params: { id: row.id }, body: { version: row.version, ...extra } };
	},
	crossTenant: [FOREIGN_IDS],
});

/** A register file with its header only: queued, and applied as nothing by the job. */
const IMPORT_FILE = Buffer.from(
	"サービス番号,サービス名,提供事業者,種別,所管課,格付け,ISMAP,データの保存場所,バックアップ\n",
).toString("base64");

export const CLOUD_SERVICE_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/cloud-services/options",
		access: access("cloud_service.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/cloud-services/export",
		access: access("cloud_service.export"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/cloud-services/import",
		access: access("cloud_service.import"),
		// Applying is a job (run by a scheduler, which the walk does not start).
		ok: 202,
		request: () => ({
			body: { filename: "register.csv", contentBase64: IMPORT_FILE, mode: "apply" },
		}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/cloud-services",
		access: access("cloud_service.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/cloud-services",
		access: access("cloud_service.manage"),
		ok: 201,
		request: async (ctx) => ({ body: saasService(await callerUnit(ctx)) }),
		crossTenant: [
			served(),
			{
				name: "a service for tenant A's unit",
				request: (a) => ({ body: saasService(a.orgUnit.id) }),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/cloud-services/{id}",
		access: access("cloud_service.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await serviceIn(ctx, "in_use")).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "patch",
		path: "/api/cloud-services/{id}",
		access: access("cloud_service.manage"),
		ok: 200,
		request: async (ctx) => {
			const unit = await callerUnit(ctx);
			const row = await serviceIn(ctx, "in_use", unit);
			const { nextReviewOn: _, ...fields } = saasService(unit, { code: row.code });
			return {
				params: { id: row.id },
				body: { ...fields, dataLevel: "C3A", version: row.version },
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	step("request", "draft"),
	{
		method: "post",
		path: "/api/cloud-services/{id}/approve",
		access: decide,
		ok: 200,
		request: async (ctx) => {
			const row = await serviceIn(ctx, "requested");
			return { params: { id: row.id }, body: { version: row.version, maxLevel: "C2", reason: "" } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/cloud-services/{id}/refuse",
		access: decide,
		ok: 200,
		request: async (ctx) => {
			const row = await serviceIn(ctx, "requested");
			return {
				params: { id: row.id },
				body: { version: row.version, reason: "ISMAPの登録を確認できない" },
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	step("start-use", "approved"),
	step("review", "in_use"),
	step("retire", "in_use"),
];
