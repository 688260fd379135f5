import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { attachmentDisposition } from "../../../http/content-disposition.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionOrToken,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { exportFindings } from "./export-findings.ts";
import { openFindingDesk } from "./finding-desk.ts";
import { readFindingEvidence } from "./finding-evidence.ts";
import {
	findingFilterSchema,
	findingListSchema,
	findingOptionsSchema,
	findingQuerySchema,
	findingSchema,
	raiseFindingSchema,
	raiseFromIncidentSchema,
	raiseFromNetworkSchema,
} from "./findings.schemas.ts";
import {
	raiseFromIncident,
	raiseFromNetworkCheck,
	raiseManualFinding,
} from "./raise-from-sources.ts";
import { findingOptions, getFinding, listFindingsOf, presentFinding } from "./read-findings.ts";

/** The findings register: the list, its export, raising a finding, one finding and its files. */

const secured = { tags: ["findings"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const evidenceParam = idParam.extend({ evidenceId: z.string().min(1).max(64) });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const binary = (type: string) => ({
	[type]: { schema: { type: "string" as const, format: "binary" } },
});
const findingResponse = (description: string) => jsonResponse(findingSchema, description);

/** Static paths first: `/findings/options` must not be read as `/findings/{id}`. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/findings/options",
		summary: "The units and accounts the findings forms choose from, and today's date",
		responses: { 200: jsonResponse(findingOptionsSchema, "Options"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/findings/export",
		summary: "The findings register under the current filter, as XLSX",
		request: { query: findingFilterSchema },
		responses: {
			200: { description: "The workbook", content: binary(XLSX) },
			...problemResponses,
		},
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/findings",
		security: sessionOrToken("findings:read"),
		summary: "Findings you may see, by state, severity, source, unit and overdue",
		request: { query: findingQuerySchema },
		responses: { 200: jsonResponse(findingListSchema, "Findings"), ...problemResponses },
	}),
	raise: createRoute({
		...secured,
		method: "post",
		path: "/findings",
		summary: "Raise a finding by hand: clause, owner unit, severity",
		request: { body: jsonBody(raiseFindingSchema) },
		responses: { 201: findingResponse("The new finding"), ...problemResponses },
	}),
	fromNetwork: createRoute({
		...secured,
		method: "post",
		path: "/findings/from-network-check",
		summary: "Raise a finding from a failed rule of the three-tier check (the rule's clause)",
		request: { body: jsonBody(raiseFromNetworkSchema) },
		responses: { 201: findingResponse("The new finding"), ...problemResponses },
	}),
	fromIncident: createRoute({
		...secured,
		method: "post",
		path: "/findings/from-incident",
		summary: "Raise a finding from an incident case",
		request: { body: jsonBody(raiseFromIncidentSchema) },
		responses: { 201: findingResponse("The new finding"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/findings/{id}",
		security: sessionOrToken("findings:read"),
		summary: "One finding with its plan, evidence, verification and timeline",
		request: { params: idParam },
		responses: { 200: findingResponse("The finding"), ...problemResponses },
	}),
	downloadEvidence: createRoute({
		...secured,
		method: "get",
		path: "/findings/{id}/evidence/{evidenceId}",
		summary: "Download an evidence file of a finding, checked against its SHA-256",
		request: { params: evidenceParam },
		responses: {
			200: { description: "The file", content: binary("application/octet-stream") },
			...problemResponses,
		},
	}),
};

export function findingsRoutes(deps: AppDeps) {
	const { db } = deps;
	return createRouter()
		.openapi(routes.options, async (c) => {
			const desk = await openFindingDesk(db, requireActor(c));
			return c.json(await findingOptions(db, desk), 200);
		})
		.openapi(routes.export, async (c) => {
			const desk = await openFindingDesk(db, requireActor(c));
			const file = await exportFindings(db, desk, c.req.valid("query"));
			return c.body(new Uint8Array(file.body), 200, {
				"content-type": XLSX,
				"content-disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(routes.list, async (c) => {
			const desk = await openFindingDesk(db, requireActor(c));
			return c.json(await listFindingsOf(db, desk, c.req.valid("query")), 200);
		})
		.openapi(routes.raise, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(db, (tx) =>
				raiseManualFinding(tx, actor, c.req.valid("json")),
			);
			return c.json(await presentFinding(db, await openFindingDesk(db, actor), row), 201);
		})
		.openapi(routes.fromNetwork, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(db, (tx) =>
				raiseFromNetworkCheck(tx, actor, c.req.valid("json")),
			);
			return c.json(await presentFinding(db, await openFindingDesk(db, actor), row), 201);
		})
		.openapi(routes.fromIncident, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(db, (tx) =>
				raiseFromIncident(tx, actor, c.req.valid("json")),
			);
			return c.json(await presentFinding(db, await openFindingDesk(db, actor), row), 201);
		})
		.openapi(routes.get, async (c) => {
			const desk = await openFindingDesk(db, requireActor(c));
			return c.json(await getFinding(db, desk, c.req.valid("param").id), 200);
		})
		.openapi(routes.downloadEvidence, async (c) => {
			const desk = await openFindingDesk(db, requireActor(c));
			const { id, evidenceId } = c.req.valid("param");
			const { file, bytes } = await readFindingEvidence(db, desk, id, evidenceId);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			c.header("x-content-sha256", file.sha256);
			return c.body(bytes, 200, { "content-type": file.mediaType });
		});
}
