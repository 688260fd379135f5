import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { allowedActions } from "../authz/policy.ts";
import { apiTokensPolicy } from "./api-tokens.policy.ts";
import {
	apiTokenListSchema,
	createApiTokenSchema,
	createdApiTokenSchema,
} from "./api-tokens.schemas.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./manage-api-tokens.ts";
import { API_SCOPE_NAMES } from "./scopes.ts";

/** People only (session security, no token scope): a token never manages tokens. */
const secured = { tags: ["api-tokens"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });

const routes = {
	list: createRoute({
		...secured,
		method: "get",
		path: "/api-tokens",
		summary: "The tenant's API tokens: client, scopes, expiry, last use, state",
		responses: { 200: jsonResponse(apiTokenListSchema, "Tokens"), ...problemResponses },
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/api-tokens",
		summary: "Make an API token for a named machine client (the token is in this answer only)",
		request: { body: jsonBody(createApiTokenSchema) },
		responses: {
			201: jsonResponse(createdApiTokenSchema, "The token, shown once"),
			...problemResponses,
		},
	}),
	revoke: createRoute({
		...secured,
		method: "post",
		path: "/api-tokens/{id}/revoke",
		summary: "Revoke a token: its next call is refused",
		request: { params: idParam },
		responses: { 204: { description: "Revoked" }, ...problemResponses },
	}),
};

export function apiTokensRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.list, async (c) => {
			const actor = requireActor(c);
			const items = await listApiTokens(deps.db, actor);
			return c.json(
				{ items, scopes: API_SCOPE_NAMES, allowedActions: allowedActions(actor, apiTokensPolicy) },
				200,
			);
		})
		.openapi(routes.create, async (c) => {
			const actor = requireActor(c);
			const made = await inTransaction(deps.db, (tx) =>
				createApiToken(tx, actor, c.req.valid("json")),
			);
			return c.json(made, 201);
		})
		.openapi(routes.revoke, async (c) => {
			const actor = requireActor(c);
			await inTransaction(deps.db, (tx) => revokeApiToken(tx, actor, c.req.valid("param").id));
			return c.body(null, 204);
		});
}
