import { createRoute, z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionOrToken,
	sessionSecurity,
} from "../../http/openapi.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { addIncidentNote } from "./add-incident-note.ts";
import { getIncident } from "./get-incident.ts";
import { openIncidentDesk } from "./incident-desk.ts";
import { incidentOptions, reportableAssetList } from "./incident-options.ts";
import {
	incidentCaseListSchema,
	incidentListSchema,
	incidentOptionsSchema,
	incidentSchema,
	reportableAssetSchema,
} from "./incident-view.schemas.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import {
	incidentNoteSchema,
	incidentQuerySchema,
	myReportsQuerySchema,
	recordFilingSchema,
	reportableAssetQuerySchema,
	reportIncidentSchema,
	transitionIncidentSchema,
	triageIncidentSchema,
} from "./incidents.schemas.ts";
import { listIncidents, listMyReports } from "./list-incidents.ts";
import { recordFiling } from "./record-filing.ts";
import { reportIncident } from "./report-incident.ts";
import { transitionIncident } from "./transition-incident.ts";
import { triageIncident } from "./triage-incident.ts";

const secured = { tags: ["incidents"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const caseResponse = (status: string) => jsonResponse(incidentSchema, status);

/** Static paths first: `/incidents/mine` must not be read as `/incidents/{id}`. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/incidents/options",
		summary: "The pack's categories and severity scale, priorities, data kinds and units",
		responses: { 200: jsonResponse(incidentOptionsSchema, "Options"), ...problemResponses },
	}),
	reportableAssets: createRoute({
		...secured,
		method: "get",
		path: "/incidents/reportable-assets",
		summary: "Ledger assets you may name in a report (your unit's and those you can see)",
		request: { query: reportableAssetQuerySchema },
		responses: {
			200: jsonResponse(z.object({ items: z.array(reportableAssetSchema) }), "Assets"),
			...problemResponses,
		},
	}),
	mine: createRoute({
		...secured,
		method: "get",
		path: "/incidents/mine",
		summary: "Your own reports and their state",
		request: { query: myReportsQuerySchema },
		responses: { 200: jsonResponse(incidentListSchema, "Your reports"), ...problemResponses },
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/incidents",
		security: sessionOrToken("incidents:read"),
		summary: "The cases you oversee, filtered by state, severity and unit",
		request: { query: incidentQuerySchema },
		responses: { 200: jsonResponse(incidentCaseListSchema, "Cases"), ...problemResponses },
	}),
	report: createRoute({
		...secured,
		method: "post",
		path: "/incidents",
		security: sessionOrToken("incidents:create"),
		summary: "Report a suspected incident (any member of staff)",
		request: { body: jsonBody(reportIncidentSchema) },
		responses: { 201: caseResponse("The new case"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/incidents/{id}",
		security: sessionOrToken("incidents:read"),
		summary: "One case with its timeline and legal reporting obligations",
		request: { params: idParam },
		responses: { 200: caseResponse("The case"), ...problemResponses },
	}),
	triage: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/triage",
		summary: "CSIRT's assessment: category, severity, priority, units, assets and facts",
		request: { params: idParam, body: jsonBody(triageIncidentSchema) },
		responses: { 200: caseResponse("The case"), ...problemResponses },
	}),
	transition: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/transitions",
		summary: "Contain, recover, close or reject a case",
		request: { params: idParam, body: jsonBody(transitionIncidentSchema) },
		responses: { 200: caseResponse("The case"), ...problemResponses },
	}),
	note: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/notes",
		summary: "Add a note to a case's timeline",
		request: { params: idParam, body: jsonBody(incidentNoteSchema) },
		responses: { 201: caseResponse("The case"), ...problemResponses },
	}),
	filing: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/filings",
		summary: "Record that a legal report (速報 / 確報) was filed",
		request: { params: idParam, body: jsonBody(recordFilingSchema) },
		responses: { 201: caseResponse("The case"), ...problemResponses },
	}),
};

/** The case as it stands after a change, read afresh. */
async function freshCase(db: Queryable, actor: Actor, id: string) {
	return getIncident(db, await openIncidentDesk(db, actor), id);
}

export function incidentsRoutes(deps: AppDeps) {
	const { db } = deps;
	return createRouter()
		.openapi(routes.options, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.list");
			return c.json(await incidentOptions(db, await openIncidentDesk(db, actor)), 200);
		})
		.openapi(routes.reportableAssets, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.report");
			const desk = await openIncidentDesk(db, actor);
			return c.json({ items: await reportableAssetList(db, desk, c.req.valid("query").q) }, 200);
		})
		.openapi(routes.mine, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.report");
			const query = c.req.valid("query");
			const found = await listMyReports(db, await openIncidentDesk(db, actor), query);
			const actions = allowedActions(actor, incidentsPolicy, ["incident.report"]);
			return c.json({ ...found, ...query, allowedActions: actions }, 200);
		})
		.openapi(routes.list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.list");
			const query = c.req.valid("query");
			const found = await listIncidents(db, await openIncidentDesk(db, actor), query);
			return c.json(
				{
					...found,
					offset: query.offset,
					limit: query.limit,
					allowedActions: allowedActions(actor, incidentsPolicy),
				},
				200,
			);
		})
		.openapi(routes.report, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.report");
			const desk = await openIncidentDesk(db, actor);
			const row = await inTransaction(db, (tx) =>
				// A machine client (an API token) reports as a system, under the client's name.
				reportIncident(
					tx,
					desk,
					c.req.valid("json"),
					actor.client ? { kind: "system", name: actor.client.name } : { kind: "staff" },
				),
			);
			return c.json(await freshCase(db, actor, row.id), 201);
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.read");
			return c.json(await freshCase(db, actor, c.req.valid("param").id), 200);
		})
		.openapi(routes.triage, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.triage");
			const { id } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			await inTransaction(db, (tx) => triageIncident(tx, desk, id, c.req.valid("json")));
			return c.json(await freshCase(db, actor, id), 200);
		})
		.openapi(routes.transition, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.transition");
			const { id } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			await inTransaction(db, (tx) => transitionIncident(tx, desk, id, c.req.valid("json")));
			return c.json(await freshCase(db, actor, id), 200);
		})
		.openapi(routes.note, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.note");
			const { id } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			await inTransaction(db, (tx) => addIncidentNote(tx, desk, id, c.req.valid("json").text));
			return c.json(await freshCase(db, actor, id), 201);
		})
		.openapi(routes.filing, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.file");
			const { id } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			await inTransaction(db, (tx) => recordFiling(tx, desk, id, c.req.valid("json")));
			return c.json(await freshCase(db, actor, id), 201);
		});
}
