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
import { cancelDrill } from "./cancel-drill.ts";
import {
	cancelDrillSchema,
	drillListSchema,
	drillOptionsSchema,
	drillQuerySchema,
	drillSchema,
	holdDrillSchema,
	recordDrillSchema,
	scheduleDrillSchema,
} from "./drills.schemas.ts";
import { holdDrill } from "./hold-drill.ts";
import { drillOptions, getDrill, listTenantDrills, presentDrill } from "./read-drills.ts";
import { recordDrill } from "./record-drill.ts";
import { scheduleDrill } from "./schedule-drill.ts";

const secured = { tags: ["drills"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const drillResponse = (description: string) => jsonResponse(drillSchema, description);

/** Static paths first: `/drills/options` must not be read as `/drills/{id}`. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/drills/options",
		summary: "The units and accounts a drill's forms choose from, and today's date",
		responses: { 200: jsonResponse(drillOptionsSchema, "Options"), ...problemResponses },
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/drills",
		summary: "Drills (訓練) of the emergency response plan, by state and fiscal year",
		request: { query: drillQuerySchema },
		responses: { 200: jsonResponse(drillListSchema, "Drills"), ...problemResponses },
	}),
	schedule: createRoute({
		...secured,
		method: "post",
		path: "/drills",
		summary: "Schedule a drill: title, scenario, planned date and units",
		request: { body: jsonBody(scheduleDrillSchema) },
		responses: { 201: drillResponse("The new drill"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/drills/{id}",
		summary: "One drill with its participants, lessons and follow-ups",
		request: { params: idParam },
		responses: { 200: drillResponse("The drill"), ...problemResponses },
	}),
	hold: createRoute({
		...secured,
		method: "post",
		path: "/drills/{id}/hold",
		summary: "Record that a planned drill was held: the day and who took part",
		request: { params: idParam, body: jsonBody(holdDrillSchema) },
		responses: { 200: drillResponse("The drill"), ...problemResponses },
	}),
	record: createRoute({
		...secured,
		method: "post",
		path: "/drills/{id}/record",
		summary: "Record a held drill's lessons (教訓) and follow-ups",
		request: { params: idParam, body: jsonBody(recordDrillSchema) },
		responses: { 200: drillResponse("The drill"), ...problemResponses },
	}),
	cancel: createRoute({
		...secured,
		method: "post",
		path: "/drills/{id}/cancel",
		summary: "Cancel a planned drill, with the reason",
		request: { params: idParam, body: jsonBody(cancelDrillSchema) },
		responses: { 200: drillResponse("The drill"), ...problemResponses },
	}),
};

export function drillsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.options, async (c) => {
			return c.json(await drillOptions(deps.db, requireActor(c)), 200);
		})
		.openapi(routes.list, async (c) => {
			const actor = requireActor(c);
			return c.json(await listTenantDrills(deps.db, actor, c.req.valid("query")), 200);
		})
		.openapi(routes.schedule, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				scheduleDrill(tx, actor, c.req.valid("json")),
			);
			return c.json(await presentDrill(deps.db, actor, row), 201);
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			return c.json(await getDrill(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(routes.hold, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				holdDrill(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await presentDrill(deps.db, actor, row), 200);
		})
		.openapi(routes.record, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				recordDrill(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await presentDrill(deps.db, actor, row), 200);
		})
		.openapi(routes.cancel, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				cancelDrill(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await presentDrill(deps.db, actor, row), 200);
		});
}
