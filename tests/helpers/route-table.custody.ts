import assert from "node:assert/strict";
import { disposalsPolicy } from "../../src/modules/assets/disposals/disposals.policy.ts";
import { takeOutsPolicy } from "../../src/modules/assets/take-outs/take-outs.policy.ts";
import type { Policy } from "../../src/modules/authz/policy.ts";
import { makeAssetFor, unitOf } from "./asset-world.ts";
import {
	actorFor,
	CERTIFICATE_PDF,
	ensureStaffUnit,
	makeCarriableAsset,
	makeDisposal,
	makeTakeOut,
	takeOutInput,
} from "./custody-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry, Sent } from "./route-walk.ts";

/** The take-out and disposal routes of the route table. */

function access<A extends string>(policy: Policy<A>, action: A) {
	return { kind: "permission", policy, action, level: "tenant" } as const;
}

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

const items = (sent: Sent) => (sent.json as { items: unknown[] }).items;

/** Whether the request is built from another tenant's fixtures (a foreign probe). */
const foreign = ({ world, caller }: RequestContext) => caller.tenantId !== world.tenant.id;

/** The caller's unit: of their per-unit role, or the world's unit. */
const callerUnit = ({ deps, world, caller }: RequestContext) =>
	unitOf(deps, world.tenant.id, caller.id, world.orgUnit.id);

/**
 * An asset the caller may ask to take out: in the unit they work in (a staff record is made for
 * them there when they have none). For a foreign probe, one of that tenant's assets.
 */
async function requestableAsset(ctx: RequestContext) {
	const { deps, world, caller } = ctx;
	if (foreign(ctx)) return makeCarriableAsset(deps, world.tenant.id, world.orgUnit.id);
	const unit = await ensureStaffUnit(deps, world.tenant.id, caller.id, await callerUnit(ctx));
	return makeCarriableAsset(deps, world.tenant.id, unit);
}

/** A take-out the caller asked for (approved when asked), or the foreign tenant's own one. */
async function callerTakeOut(ctx: RequestContext, approve: boolean) {
	const { deps, world, caller } = ctx;
	if (foreign(ctx)) {
		return (await makeTakeOut(deps, world.tenant.id, world.orgUnit.id, { approve })).takeOut;
	}
	const unit = await ensureStaffUnit(deps, world.tenant.id, caller.id, await callerUnit(ctx));
	const requester = await actorFor(deps, world.tenant.id, caller.id);
	return (await makeTakeOut(deps, world.tenant.id, unit, { requester, approve })).takeOut;
}

/** A request by someone else of an asset in the caller's unit: theirs to decide. */
async function takeOutToDecide(ctx: RequestContext) {
	const unit = foreign(ctx) ? ctx.world.orgUnit.id : await callerUnit(ctx);
	return (await makeTakeOut(ctx.deps, ctx.world.tenant.id, unit)).takeOut;
}

async function disposalFor(ctx: RequestContext, options: { certificate?: boolean } = {}) {
	return makeDisposal(ctx.deps, ctx.world.tenant.id, await callerUnit(ctx), options);
}

const pdfBase64 = Buffer.from(CERTIFICATE_PDF).toString("base64");

export const CUSTODY_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/take-outs",
		access: access(takeOutsPolicy, "take_out.read"),
		ok: 200,
		request: () => ({ query: { limit: "500" } }),
		crossTenant: [
			served({ check: (sent) => assert.ok(Array.isArray(items(sent))) }),
			served({
				name: "the overdue list",
				request: () => ({ query: { status: "overdue" } }),
			}),
		],
	},
	{
		method: "get",
		path: "/api/take-outs/export",
		access: access(takeOutsPolicy, "take_out.read"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [
			served({ check: (sent) => assert.match(sent.text, /^\uFEFF?"資産番号"/) }),
			served({
				name: "an id of tenant A as the asset filter: header only",
				request: (a) => ({ query: { format: "csv", assetId: a.orgUnit.id } }),
				check: (sent) => assert.equal(sent.text.trim().split("\r\n").length, 1, "header only"),
			}),
		],
	},
	{
		method: "get",
		path: "/api/take-out-assets",
		access: access(takeOutsPolicy, "take_out.request"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/take-outs",
		access: access(takeOutsPolicy, "take_out.request"),
		ok: 201,
		request: async (ctx) => ({ body: takeOutInput((await requestableAsset(ctx)).id) }),
		crossTenant: [
			{
				name: "tenant A's asset",
				request: "foreign",
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "get",
		path: "/api/take-outs/{id}",
		access: access(takeOutsPolicy, "take_out.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerTakeOut(ctx, false)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/take-outs/{id}/decision",
		access: access(takeOutsPolicy, "take_out.decide"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await takeOutToDecide(ctx)).id },
			body: { outcome: "approved", reason: "業務上必要と認める" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/take-outs/{id}/return",
		access: access(takeOutsPolicy, "take_out.return"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerTakeOut(ctx, true)).id },
			body: { note: "異常なし" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/disposals",
		access: access(disposalsPolicy, "disposal.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served({ check: (sent) => assert.ok(Array.isArray(items(sent))) })],
	},
	{
		method: "get",
		path: "/api/disposals/export",
		access: access(disposalsPolicy, "disposal.export"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/assets/{id}/disposals",
		access: access(disposalsPolicy, "disposal.record"),
		ok: 201,
		request: async ({ deps, world, caller }) => ({
			params: { id: (await makeAssetFor(deps, world.tenant.id, caller.id, world.orgUnit.id)).id },
			body: {
				method: "physical_destruction",
				performedOn: "2026-03-01",
				witness: "情報政策課 立会者",
				contractor: null,
				serialNumbers: ["SN-1"],
				notes: null,
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/disposals/{id}",
		access: access(disposalsPolicy, "disposal.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await disposalFor(ctx)).disposal.id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/disposals/{id}/files",
		access: access(disposalsPolicy, "disposal.record"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await disposalFor(ctx)).disposal.id },
			body: { kind: "certificate", fileName: "消去証明書.pdf", contentBase64: pdfBase64 },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/disposals/{id}/files/{fileId}",
		access: access(disposalsPolicy, "disposal.read"),
		ok: 200,
		request: async (ctx) => {
			const { disposal, fileId } = await disposalFor(ctx, { certificate: true });
			return { params: { id: disposal.id, fileId: fileId ?? "" } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/disposals/{id}/close",
		access: access(disposalsPolicy, "disposal.record"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await disposalFor(ctx, { certificate: true })).disposal.id },
		}),
		crossTenant: [FOREIGN_IDS],
	},
];
