import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import {
	auditPlansSchema,
	multiYearPlanInputSchema,
	multiYearPlanPatchSchema,
	multiYearPlanSchema,
	yearlyPlanInputSchema,
	yearlyPlanPatchSchema,
	yearlyPlanSchema,
} from "./plans.schemas.ts";
import { presentMultiYearPlan, presentYearlyPlan, readAuditPlans } from "./read-plans.ts";
import { createMultiYearPlan, updateMultiYearPlanDetails } from "./save-audit-plan.ts";
import { createYearlyPlan, updateYearlyPlanDetails } from "./save-yearly-plan.ts";

const secured = { tags: ["assurance"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });

const routes = {
	list: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audit-plans",
		summary: "The multi-year audit plans (中期監査計画) and yearly plans (年度監査計画)",
		responses: { 200: jsonResponse(auditPlansSchema, "Audit plans"), ...problemResponses },
	}),
	createMultiYear: createRoute({
		...secured,
		method: "post",
		path: "/assurance/audit-plans",
		summary: "Make a multi-year audit plan: title, span of fiscal years, aims",
		request: { body: jsonBody(multiYearPlanInputSchema) },
		responses: { 201: jsonResponse(multiYearPlanSchema, "The plan"), ...problemResponses },
	}),
	updateMultiYear: createRoute({
		...secured,
		method: "patch",
		path: "/assurance/audit-plans/{id}",
		summary: "Change a multi-year audit plan",
		request: { params: idParam, body: jsonBody(multiYearPlanPatchSchema) },
		responses: { 200: jsonResponse(multiYearPlanSchema, "The plan"), ...problemResponses },
	}),
	createYearly: createRoute({
		...secured,
		method: "post",
		path: "/assurance/yearly-audit-plans",
		summary: "Make a fiscal year's audit plan: aims, audited units and their timing",
		request: { body: jsonBody(yearlyPlanInputSchema) },
		responses: { 201: jsonResponse(yearlyPlanSchema, "The plan"), ...problemResponses },
	}),
	updateYearly: createRoute({
		...secured,
		method: "patch",
		path: "/assurance/yearly-audit-plans/{id}",
		summary: "Change a yearly audit plan: its multi-year plan, aims, units and timing",
		request: { params: idParam, body: jsonBody(yearlyPlanPatchSchema) },
		responses: { 200: jsonResponse(yearlyPlanSchema, "The plan"), ...problemResponses },
	}),
};

export function auditPlansRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.list, async (c) => {
			return c.json(await readAuditPlans(deps.db, requireActor(c)), 200);
		})
		.openapi(routes.createMultiYear, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				createMultiYearPlan(tx, actor, c.req.valid("json")),
			);
			return c.json(presentMultiYearPlan(row), 201);
		})
		.openapi(routes.updateMultiYear, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				updateMultiYearPlanDetails(tx, actor, id, c.req.valid("json")),
			);
			return c.json(presentMultiYearPlan(row), 200);
		})
		.openapi(routes.createYearly, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				createYearlyPlan(tx, actor, c.req.valid("json")),
			);
			return c.json(await presentYearlyPlan(deps.db, actor.tenantId, row), 201);
		})
		.openapi(routes.updateYearly, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				updateYearlyPlanDetails(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await presentYearlyPlan(deps.db, actor.tenantId, row), 200);
		});
}
