import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { attachmentDisposition } from "../../http/content-disposition.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { authorize } from "../authz/policy.ts";
import { openRegister } from "../risks/register.ts";
import { exportIncidentStats } from "./export-incident-stats.ts";
import { getIncident } from "./get-incident.ts";
import { openIncidentDesk } from "./incident-desk.ts";
import { incidentFeedsPolicy } from "./incident-feeds.policy.ts";
import {
	incidentRiskResultSchema,
	raiseRiskSchema,
	rescoreRiskSchema,
} from "./incident-risk.schemas.ts";
import {
	incidentStatsExportQuerySchema,
	incidentStatsQuerySchema,
	incidentStatsSchema,
	openObligationsSchema,
} from "./incident-stats.schemas.ts";
import { incidentStats, openObligations } from "./incident-stats.ts";
import { raiseRiskFromIncident } from "./raise-risk.ts";
import { rescoreRiskFromIncident } from "./rescore-risk.ts";

/** What incident response gives the rest: its figures, their export, and risks from a case. */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const secured = { tags: ["incidents"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const riskParams = idParam.extend({ riskId: z.string().min(1).max(64) });

const routes = {
	stats: createRoute({
		...secured,
		method: "get",
		path: "/incidents/stats",
		summary: "A fiscal year's incident figures (dashboard)",
		request: { query: incidentStatsQuerySchema },
		responses: { 200: jsonResponse(incidentStatsSchema, "Figures"), ...problemResponses },
	}),
	open: createRoute({
		...secured,
		method: "get",
		path: "/incidents/open-obligations",
		summary: "Legal reports owed and not filed, of every year, soonest due first (dashboard)",
		responses: { 200: jsonResponse(openObligationsSchema, "Reports owed"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/incidents/stats/export",
		summary: "A fiscal year's incident figures and the reports owed, as XLSX or CSV",
		request: { query: incidentStatsExportQuerySchema },
		responses: {
			200: {
				description: "File",
				content: { [XLSX]: { schema: z.string() }, "text/csv": { schema: z.string() } },
			},
			...problemResponses,
		},
	}),
	raiseRisk: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/risks",
		summary: "Enter a risk in the register from a case; the link shows on its timeline",
		request: { params: idParam, body: jsonBody(raiseRiskSchema) },
		responses: {
			201: jsonResponse(incidentRiskResultSchema, "The new risk and the case"),
			...problemResponses,
		},
	}),
	rescoreRisk: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/risks/{riskId}/rescore",
		summary: "Re-rate an existing risk in the light of a case; the link shows on its timeline",
		request: { params: riskParams, body: jsonBody(rescoreRiskSchema) },
		responses: {
			200: jsonResponse(incidentRiskResultSchema, "The risk and the case"),
			...problemResponses,
		},
	}),
};

export function incidentStatsRoutes(deps: AppDeps) {
	const { db } = deps;
	return createRouter()
		.openapi(routes.stats, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentFeedsPolicy, "incident.stats");
			const desk = await openIncidentDesk(db, actor);
			return c.json(await incidentStats(deps, desk, c.req.valid("query")), 200);
		})
		.openapi(routes.open, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentFeedsPolicy, "incident.stats");
			return c.json(await openObligations(deps, await openIncidentDesk(db, actor)), 200);
		})
		.openapi(routes.export, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentFeedsPolicy, "incident.stats");
			const { format, ...query } = c.req.valid("query");
			const desk = await openIncidentDesk(db, actor);
			const file = await exportIncidentStats(deps, desk, query, format);
			const headers = { "content-disposition": attachmentDisposition(file.fileName) };
			if (format === "csv") {
				return c.body(file.body as string, 200, {
					...headers,
					"content-type": "text/csv; charset=utf-8",
				});
			}
			return c.body(new Uint8Array(file.body as Buffer), 200, {
				...headers,
				"content-type": XLSX,
			});
		})
		.openapi(routes.raiseRisk, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentFeedsPolicy, "incident.raise_risk");
			const { id } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			const register = await openRegister(db, actor);
			const riskId = await inTransaction(db, (tx) =>
				raiseRiskFromIncident(tx, desk, register, id, c.req.valid("json")),
			);
			return c.json({ riskId, incident: await getIncident(db, desk, id) }, 201);
		})
		.openapi(routes.rescoreRisk, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentFeedsPolicy, "incident.rescore_risk");
			const { id, riskId } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			const register = await openRegister(db, actor);
			await inTransaction(db, (tx) =>
				rescoreRiskFromIncident(tx, desk, register, id, riskId, c.req.valid("json")),
			);
			return c.json({ riskId, incident: await getIncident(db, desk, id) }, 200);
		});
}
