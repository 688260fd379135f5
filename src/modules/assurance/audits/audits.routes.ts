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
import { advanceAudit } from "./advance-audit.ts";
import {
	advanceAuditSchema,
	auditListSchema,
	auditOptionsSchema,
	auditQuerySchema,
	auditSchema,
	createAuditSchema,
	updateAuditSchema,
} from "./audits.schemas.ts";
import { createAudit } from "./create-audit.ts";
import { auditOptions, getAudit, listVisibleAudits, presentAudit } from "./read-audits.ts";
import { updateAuditDetails } from "./update-audit.ts";

const secured = { tags: ["assurance"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const auditResponse = (description: string) => jsonResponse(auditSchema, description);

/** Static paths first: `/assurance/audits/options` must not be read as an audit's id. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits/options",
		summary: "The units, accounts and yearly plans the audit forms choose from",
		responses: { 200: jsonResponse(auditOptionsSchema, "Options"), ...problemResponses },
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits",
		summary: "Security audits the caller may read, by state, kind, fiscal year or yearly plan",
		request: { query: auditQuerySchema },
		responses: { 200: jsonResponse(auditListSchema, "Audits"), ...problemResponses },
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/assurance/audits",
		summary:
			"Create a planned audit from a yearly plan, or order an ad-hoc one (CISO), with its plan, team and units",
		request: { body: jsonBody(createAuditSchema) },
		responses: { 201: auditResponse("The new audit"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits/{id}",
		summary: "One audit: its implementation plan, team, units and state",
		request: { params: idParam },
		responses: { 200: auditResponse("The audit"), ...problemResponses },
	}),
	update: createRoute({
		...secured,
		method: "patch",
		path: "/assurance/audits/{id}",
		summary: "Change an audit's plan, team or units (independence is checked again)",
		request: { params: idParam, body: jsonBody(updateAuditSchema) },
		responses: { 200: auditResponse("The audit"), ...problemResponses },
	}),
	advance: createRoute({
		...secured,
		method: "post",
		path: "/assurance/audits/{id}/advance",
		summary: "Move an audit one step: fieldwork, reporting, closed",
		request: { params: idParam, body: jsonBody(advanceAuditSchema) },
		responses: { 200: auditResponse("The audit"), ...problemResponses },
	}),
};

export function auditsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.options, async (c) => {
			return c.json(await auditOptions(deps.db, requireActor(c)), 200);
		})
		.openapi(routes.list, async (c) => {
			const actor = requireActor(c);
			return c.json(await listVisibleAudits(deps.db, actor, c.req.valid("query")), 200);
		})
		.openapi(routes.create, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) => createAudit(tx, actor, c.req.valid("json")));
			return c.json(await presentAudit(deps.db, actor, row), 201);
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			return c.json(await getAudit(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(routes.update, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				updateAuditDetails(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await presentAudit(deps.db, actor, row), 200);
		})
		.openapi(routes.advance, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				advanceAudit(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await presentAudit(deps.db, actor, row), 200);
		});
}
