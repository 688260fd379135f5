import { inTransaction } from "../../src/db/transaction.ts";
import { answerItem } from "../../src/modules/assurance/campaigns/answer-item.ts";
import { campaignsPolicy } from "../../src/modules/assurance/campaigns/campaigns.policy.ts";
import {
	answerAll,
	campaignFor,
	dueInAWeek,
	makeCampaign,
	makeCampaignUnit,
	managedUnitOf,
} from "./campaign-world.ts";
import { bundledChecklistId } from "./checklist-world.ts";
import { makeStaff } from "./org-factories.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The self-inspection campaigns' routes of the route table. */

const access = (action: keyof typeof campaignsPolicy) =>
	({ kind: "permission", policy: campaignsPolicy, action, level: "tenant" }) as const;

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

/** The caller, or (for a request built from another tenant's world) that tenant's own account. */
const answering = (ctx: RequestContext) =>
	ctx.caller.tenantId === ctx.world.tenant.id ? ctx.caller.id : ctx.world.target.id;

/** A campaign the caller answers in, as staff of their unit or of a fresh one. */
const mine = (ctx: RequestContext) => campaignFor(ctx.deps, ctx.world.tenant.id, answering(ctx));

/** A campaign over the unit the caller is 管理者 of (or a fresh unit for those who see all). */
async function managed(ctx: RequestContext) {
	const tenantId = ctx.world.tenant.id;
	let unitId = await managedUnitOf(ctx.deps, tenantId, ctx.caller.id);
	if (!unitId) {
		// Someone to answer in a fresh unit (the 管理者 answers the manager items themselves).
		unitId = (await makeCampaignUnit(ctx.deps, tenantId)).id;
		await makeStaff(ctx.deps, ctx.world.tenant, unitId);
	}
	const { id } = await makeCampaign(ctx.deps, tenantId, [unitId]);
	return { id, unitId };
}

/** One of the caller's answers with an evidence file, saved as a draft through the use case. */
async function withEvidence(ctx: RequestContext) {
	const { campaign, respondentId } = await mine(ctx);
	const item = await ctx.deps.db
		.selectFrom("assurance_checklist_items")
		.select("id")
		.where("version_id", "=", campaign.version_id)
		.where("answerer", "=", "all_staff")
		.where("scale", "=", "yes_no_na")
		.orderBy("position")
		.executeTakeFirstOrThrow();
	const accountId = answering(ctx);
	const actor = { tenantId: ctx.world.tenant.id, accountId, label: "回答者", roles: [], ip: null };
	await inTransaction(ctx.deps.db, (tx) =>
		answerItem(tx, actor, respondentId, item.id, {
			answer: "yes",
			levelIndex: null,
			comment: null,
			evidence: {
				fileName: "証跡.pdf",
				contentBase64: Buffer.from("%PDF-1.4\n証跡\n").toString("base64"),
			},
		}),
	);
	return { respondentId, itemId: item.id };
}

const openBody = async (ctx: RequestContext, unitId: string) => ({
	body: {
		title: "令和8年度 自己点検",
		fiscalYear: 2026,
		checklistId: await bundledChecklistId(ctx.deps, ctx.world.tenant.id),
		version: 1,
		unitIds: [unitId],
		includeSubUnits: false,
		dueOn: dueInAWeek(),
	},
});

export const ASSURANCE_CAMPAIGN_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/assurance/campaigns/options",
		access: access("assurance_campaign.manage"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/assurance/campaigns",
		access: access("assurance_campaign.list"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/assurance/campaigns",
		access: access("assurance_campaign.manage"),
		ok: 201,
		request: (ctx) => openBody(ctx, ctx.world.orgUnit.id),
		crossTenant: [
			served(),
			{
				name: "a campaign over tenant A's unit",
				request: (a, b) => openBody(b, a.orgUnit.id),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/assurance/campaigns/{id}",
		access: access("assurance_campaign.list"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await mine(ctx)).campaign.id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/campaigns/{id}/export",
		access: access("assurance_campaign.review"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await managed(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/campaigns/{id}/report",
		access: access("assurance_campaign.review"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await managed(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/assurance/campaigns/{id}/close",
		access: access("assurance_campaign.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await managed(ctx)).id },
			body: { reason: "組織改編のため前倒しで終了" },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/campaigns/{id}/units/{unitId}",
		access: access("assurance_campaign.review"),
		ok: 200,
		request: async (ctx) => {
			const { id, unitId } = await managed(ctx);
			return { params: { id, unitId } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/assurance/campaigns/{id}/units/{unitId}/sign-off",
		access: access("assurance_campaign.sign_off"),
		ok: 200,
		request: async (ctx) => {
			const { id, unitId } = await managed(ctx);
			return { params: { id, unitId }, body: { note: "異動のため未提出" } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/responses/{respondentId}",
		access: access("assurance_campaign.answer"),
		ok: 200,
		request: async (ctx) => ({ params: { respondentId: (await mine(ctx)).respondentId } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/assurance/responses/{respondentId}/answers/{itemId}",
		access: access("assurance_campaign.answer"),
		ok: 200,
		request: async (ctx) => {
			const { campaign, respondentId } = await mine(ctx);
			const item = await ctx.deps.db
				.selectFrom("assurance_checklist_items")
				.select("id")
				.where("version_id", "=", campaign.version_id)
				.where("answerer", "=", "all_staff")
				.where("scale", "=", "yes_no_na")
				.orderBy("position")
				.executeTakeFirstOrThrow();
			return {
				params: { respondentId, itemId: item.id },
				body: { answer: "yes", levelIndex: null, comment: null },
			};
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/responses/{respondentId}/answers/{itemId}/evidence",
		// The respondent's own file; the unit's 管理者 and 統括 are walked in the integration test.
		access: access("assurance_campaign.answer"),
		ok: 200,
		request: async (ctx) => {
			const { respondentId, itemId } = await withEvidence(ctx);
			return { params: { respondentId, itemId } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/assurance/responses/{respondentId}/submit",
		access: access("assurance_campaign.answer"),
		ok: 200,
		request: async (ctx) => {
			const { respondentId } = await mine(ctx);
			await answerAll(ctx.deps, answering(ctx), ctx.world.tenant.id, respondentId);
			return { params: { respondentId } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
];
