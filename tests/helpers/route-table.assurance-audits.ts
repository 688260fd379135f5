import { inTransaction } from "../../src/db/transaction.ts";
import { auditsPolicy } from "../../src/modules/assurance/audits/audits.policy.ts";
import { listYearlyPlans } from "../../src/modules/assurance/audits/plans.repository.ts";
import { createMultiYearPlan } from "../../src/modules/assurance/audits/save-audit-plan.ts";
import { createYearlyPlan } from "../../src/modules/assurance/audits/save-yearly-plan.ts";
import {
	auditActor,
	auditBody,
	auditChecklistVersionOf,
	makeAssuranceAudit,
	makeFieldworkAudit,
	yearlyPlanOf,
} from "./assurance-audit-world.ts";
import { makeOrgUnit } from "./org-factories.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/** The security audit routes of the route table: plans, audits, their team and steps. */

const access = (action: keyof typeof auditsPolicy) =>
	({ kind: "permission", policy: auditsPolicy, action, level: "tenant" }) as const;

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
const REFUSED = { status: 400, code: "validation_failed" } as const;

/** Whether the request is built from another tenant's fixtures (a foreign probe). */
const foreign = ({ world, caller }: RequestContext) => caller.tenantId !== world.tenant.id;

/** A fiscal year the tenant has no yearly plan for yet (one plan per year). */
async function freeYear(ctx: RequestContext): Promise<number> {
	const taken = new Set(
		(await listYearlyPlans(ctx.deps.db, ctx.world.tenant.id)).map((p) => Number(p.fiscal_year)),
	);
	let year = 2030;
	while (taken.has(year)) year++;
	return year;
}

/** A new unit of the request's tenant, that nobody belongs to or holds a role in. */
async function unitOf(ctx: RequestContext): Promise<string> {
	return (await makeOrgUnit(ctx.deps, ctx.world.tenant, { name: "監査対象課" })).id;
}

/** A planned audit's body in the request's tenant: its yearly plan, a plain lead, a new unit. */
async function newAuditBody(ctx: RequestContext) {
	const plan = await yearlyPlanOf(ctx.deps, ctx.world.tenant.id);
	return auditBody({
		yearlyPlanId: plan.id,
		leadAuditorId: ctx.world.plain.id,
		unitIds: [await unitOf(ctx)],
	});
}

/** An audit the caller leads (so whoever they are, they may read it); the foreign tenant's own. */
async function callerAudit(ctx: RequestContext) {
	const lead = foreign(ctx) ? ctx.world.plain.id : ctx.caller.id;
	return makeAssuranceAudit(ctx.deps, ctx.world.tenant, { leadId: lead });
}

/** The caller's audit in fieldwork (their tenant's), or the foreign tenant's own. */
async function callerFieldwork(
	ctx: RequestContext,
	options: { answer?: "yes" | "no"; evidence?: boolean } = {},
) {
	const leadId = foreign(ctx) ? ctx.world.plain.id : ctx.caller.id;
	return makeFieldworkAudit(ctx.deps, ctx.world.tenant, { leadId, ...options });
}

/** The path parameters of the caller's first checklist item of a fresh audit in fieldwork. */
async function resultParams(ctx: RequestContext, options: { answer?: "yes" | "no" } = {}) {
	const made = await callerFieldwork(ctx, options);
	return { id: made.audit.id, unitId: made.unitId, itemId: made.itemIds[0] ?? "" };
}

const newMultiYear = (ctx: RequestContext) =>
	inTransaction(ctx.deps.db, (tx) =>
		createMultiYearPlan(tx, auditActor(ctx.world.tenant.id), {
			title: "中期監査計画",
			firstYear: 2030,
			lastYear: 2032,
			aims: "重点を定める",
		}),
	);

async function newYearly(ctx: RequestContext) {
	const fiscalYear = await freeYear(ctx);
	return inTransaction(ctx.deps.db, (tx) =>
		createYearlyPlan(tx, auditActor(ctx.world.tenant.id), {
			fiscalYear,
			planId: null,
			aims: "本庁の課を監査する",
			units: [],
		}),
	);
}

export const ASSURANCE_AUDIT_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/assurance/audit-plans",
		access: access("audit_plan.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/assurance/audit-plans",
		access: access("audit_plan.manage"),
		ok: 201,
		request: () => ({
			body: { title: "第4次中期監査計画", firstYear: 2028, lastYear: 2030, aims: "重点を定める" },
		}),
		crossTenant: [served()],
	},
	{
		method: "patch",
		path: "/api/assurance/audit-plans/{id}",
		access: access("audit_plan.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await newMultiYear(ctx)).id },
			body: { version: 1, aims: "重点を改める" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/assurance/yearly-audit-plans",
		access: access("audit_plan.manage"),
		ok: 201,
		request: async (ctx) => ({
			body: {
				fiscalYear: await freeYear(ctx),
				aims: "本庁の課を監査する",
				units: [{ unitId: await unitOf(ctx), quarter: 3, month: null }],
			},
		}),
		crossTenant: [
			served(),
			{
				name: "a yearly plan naming tenant A's unit",
				request: async (a, b) => ({
					body: {
						fiscalYear: await freeYear(b),
						aims: "本庁の課を監査する",
						units: [{ unitId: a.orgUnit.id, quarter: 3, month: null }],
					},
				}),
				expect: REFUSED,
			},
		],
	},
	{
		method: "patch",
		path: "/api/assurance/yearly-audit-plans/{id}",
		access: access("audit_plan.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await newYearly(ctx)).id },
			body: { version: 1, units: [{ unitId: await unitOf(ctx), quarter: null, month: 11 }] },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/audits/options",
		access: access("assurance_audit.manage"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/assurance/audits",
		access: access("assurance_audit.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/assurance/audits",
		access: access("assurance_audit.manage"),
		ok: 201,
		request: async (ctx) => ({ body: await newAuditBody(ctx) }),
		crossTenant: [
			served(),
			{
				name: "an audit of tenant A's unit",
				request: async (a, b) => ({
					body: { ...(await newAuditBody(b)), unitIds: [a.orgUnit.id] },
				}),
				expect: REFUSED,
			},
			{
				name: "tenant A's account as the lead auditor",
				request: async (a, b) => ({
					body: { ...(await newAuditBody(b)), leadAuditorId: a.plain.id },
				}),
				expect: REFUSED,
			},
			{
				name: "tenant A's yearly plan",
				request: async (a, b) => ({
					body: {
						...(await newAuditBody(b)),
						yearlyPlanId: (await yearlyPlanOf(b.deps, a.tenant.id)).id,
					},
				}),
				expect: REFUSED,
			},
		],
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}",
		access: access("assurance_audit.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerAudit(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "patch",
		path: "/api/assurance/audits/{id}",
		access: access("assurance_audit.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await makeAssuranceAudit(ctx.deps, ctx.world.tenant)).id },
			body: { version: 1, title: "令和7年度 情報セキュリティ監査（変更）" },
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's account as an auditor",
				request: async (a, b) => ({
					params: { id: (await makeAssuranceAudit(b.deps, b.world.tenant)).id },
					body: { version: 1, auditorIds: [a.plain.id] },
				}),
				expect: REFUSED,
			},
			{
				name: "tenant A's unit to audit",
				request: async (a, b) => ({
					params: { id: (await makeAssuranceAudit(b.deps, b.world.tenant)).id },
					body: { version: 1, unitIds: [a.orgUnit.id] },
				}),
				expect: REFUSED,
			},
		],
	},
	{
		method: "post",
		path: "/api/assurance/audits/{id}/advance",
		access: access("assurance_audit.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await makeAssuranceAudit(ctx.deps, ctx.world.tenant)).id },
			body: { version: 1, step: "start_fieldwork" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}/checklist-choices",
		access: access("assurance_audit.choose_checklist"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerAudit(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/assurance/audits/{id}/checklist",
		access: access("assurance_audit.choose_checklist"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerAudit(ctx)).id },
			body: {
				version: 1,
				checklistVersionId: await auditChecklistVersionOf(ctx.deps, ctx.world.tenant.id),
			},
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's checklist version",
				request: async (a, b) => ({
					params: { id: (await callerAudit(b)).id },
					body: {
						version: 1,
						checklistVersionId: await auditChecklistVersionOf(b.deps, a.tenant.id),
					},
				}),
				expect: REFUSED,
			},
		],
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}/fieldwork",
		access: access("assurance_audit.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await callerFieldwork(ctx)).audit.id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}",
		access: access("assurance_audit.fieldwork"),
		ok: 200,
		request: async (ctx) => ({
			params: await resultParams(ctx),
			body: { result: "no", note: "確認できない" },
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's unit and item on tenant B's audit",
				request: async (a, b) => {
					const theirs = await resultParams({ ...b, world: a, caller: a.plain });
					return {
						params: { ...(await resultParams(b)), unitId: theirs.unitId },
						body: { result: "no" },
					};
				},
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "post",
		path: "/api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/evidence",
		access: access("assurance_audit.fieldwork"),
		ok: 201,
		request: async (ctx) => ({
			params: await resultParams(ctx),
			body: { fileName: "証跡.txt", contentBase64: Buffer.from("証跡").toString("base64") },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/finding",
		access: access("assurance_audit.raise_finding"),
		ok: 201,
		request: async (ctx) => ({
			params: await resultParams(ctx, { answer: "no" }),
			body: { severity: "moderate" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}/evidence/{evidenceId}",
		access: access("assurance_audit.read"),
		ok: 200,
		request: async (ctx) => {
			const made = await callerFieldwork(ctx, { evidence: true });
			return { params: { id: made.audit.id, evidenceId: made.evidenceId ?? "" } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}/report.pdf",
		access: access("assurance_audit.read"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerFieldwork(ctx, { answer: "no" })).audit.id },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}/report.xlsx",
		access: access("assurance_audit.read"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await callerFieldwork(ctx, { answer: "no" })).audit.id },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
];
