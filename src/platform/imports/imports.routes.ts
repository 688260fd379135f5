import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionOrToken,
} from "../../http/openapi.ts";
import { importIdParamSchema, importJobSchema } from "./imports.schemas.ts";
import { readImport } from "./present-import.ts";

const get = createRoute({
	method: "get",
	path: "/imports/{id}",
	tags: ["imports"],
	security: sessionOrToken("assets:import"),
	summary: "An import being applied as a job: its progress, then its report or failure",
	request: { params: importIdParamSchema },
	responses: { 200: jsonResponse(importJobSchema, "The import"), ...problemResponses },
});

export function importsRoutes(deps: AppDeps) {
	return createRouter().openapi(get, async (c) => {
		const actor = requireActor(c);
		return c.json(await readImport(deps.db, actor, c.req.valid("param").id), 200);
	});
}
