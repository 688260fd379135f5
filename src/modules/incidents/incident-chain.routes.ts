import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { authorize } from "../authz/policy.ts";
import { acknowledgeIncident } from "./acknowledge-incident.ts";
import { incidentChain, incidentsToAcknowledge } from "./chain-view.ts";
import { incidentChainPolicy } from "./incident-chain.policy.ts";
import { incidentChainViewSchema, incidentsToAcknowledgeSchema } from "./incident-chain.schemas.ts";
import { openIncidentDesk } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";

const secured = { tags: ["incidents"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });

/**
 * The reporting chain's routes. Registered before the incidents routes, so that the static
 * `/incidents/to-acknowledge` is not read as `/incidents/{id}`.
 */
const routes = {
	toAcknowledge: createRoute({
		...secured,
		method: "get",
		path: "/incidents/to-acknowledge",
		summary: "Cases you were told of and have not acknowledged",
		responses: {
			200: jsonResponse(incidentsToAcknowledgeSchema, "Cases to acknowledge"),
			...problemResponses,
		},
	}),
	chain: createRoute({
		...secured,
		method: "get",
		path: "/incidents/{id}/chain",
		summary: "Who was told of a case, when, whether mailed, and who acknowledged",
		request: { params: idParam },
		responses: { 200: jsonResponse(incidentChainViewSchema, "The chain"), ...problemResponses },
	}),
	acknowledge: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/acknowledgements",
		summary: "Acknowledge what you were told of a case",
		request: { params: idParam },
		responses: { 200: jsonResponse(incidentChainViewSchema, "The chain"), ...problemResponses },
	}),
};

export function incidentChainRoutes(deps: AppDeps) {
	const { db } = deps;
	return createRouter()
		.openapi(routes.toAcknowledge, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentChainPolicy, "incident.acknowledge");
			return c.json(await incidentsToAcknowledge(db, actor), 200);
		})
		.openapi(routes.chain, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.read");
			const desk = await openIncidentDesk(db, actor);
			return c.json(await incidentChain(db, desk, c.req.valid("param").id), 200);
		})
		.openapi(routes.acknowledge, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentChainPolicy, "incident.acknowledge");
			const { id } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			await inTransaction(db, (tx) => acknowledgeIncident(tx, desk, id));
			return c.json(await incidentChain(db, desk, id), 200);
		});
}
