import { createRoute } from "@hono/zod-openapi";
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
import { tooLarge } from "../../shared/issues.ts";
import { DEFAULT_TABLE_LIMITS } from "../../shared/tabular.ts";
import { columnMappingSchema } from "./mapping.schemas.ts";
import {
	mappingIdParamSchema,
	mappingListQuerySchema,
	mappingProposalSchema,
	proposeMappingSchema,
	savedMappingListSchema,
	savedMappingSchema,
} from "./mappings.schemas.ts";
import { proposeForFile } from "./propose-mapping.ts";
import { deleteMapping, listMappings, saveMapping } from "./saved-mappings.ts";

const tags = ["imports"];

const propose = createRoute({
	method: "post",
	path: "/imports/mappings/propose",
	tags,
	security: sessionSecurity,
	summary:
		"Propose a column mapping for a city's own file: its header rows, each column's field, " +
		"closed-list values, sample rows; a mapping saved for the source is used when it still fits",
	request: { body: jsonBody(proposeMappingSchema) },
	responses: { 200: jsonResponse(mappingProposalSchema, "The proposal"), ...problemResponses },
});

const list = createRoute({
	method: "get",
	path: "/imports/mappings",
	tags,
	security: sessionSecurity,
	summary: "The saved column mappings of the imports you may use",
	request: { query: mappingListQuerySchema },
	responses: { 200: jsonResponse(savedMappingListSchema, "Saved mappings"), ...problemResponses },
});

const save = createRoute({
	method: "put",
	path: "/imports/mappings",
	tags,
	security: sessionSecurity,
	summary: "Save a column mapping for its import and source (replacing the one saved before)",
	request: { body: jsonBody(columnMappingSchema) },
	responses: { 200: jsonResponse(savedMappingSchema, "The saved mapping"), ...problemResponses },
});

const remove = createRoute({
	method: "delete",
	path: "/imports/mappings/{id}",
	tags,
	security: sessionSecurity,
	summary: "Forget a saved column mapping",
	request: { params: mappingIdParamSchema },
	responses: { 204: { description: "Deleted" }, ...problemResponses },
});

function decodeBase64(text: string): Uint8Array {
	const bytes = Buffer.from(text, "base64");
	const max = DEFAULT_TABLE_LIMITS.maxBytes;
	if (bytes.length > max) throw tooLarge(`the file is larger than ${max} bytes`, max);
	return bytes;
}

export function mappingsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(propose, async (c) => {
			const actor = requireActor(c);
			const body = c.req.valid("json");
			const proposal = await proposeForFile(deps, actor, {
				kind: body.kind,
				bytes: decodeBase64(body.contentBase64),
				source: body.source,
				options: body.options,
			});
			return c.json(proposal, 200);
		})
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			const items = await listMappings(deps.db, actor, c.req.valid("query").kind ?? null);
			return c.json({ items }, 200);
		})
		.openapi(save, async (c) => {
			const actor = requireActor(c);
			const mapping = c.req.valid("json");
			const saved = await inTransaction(deps.db, (tx) => saveMapping(tx, actor, mapping));
			return c.json(saved, 200);
		})
		.openapi(remove, async (c) => {
			const actor = requireActor(c);
			await inTransaction(deps.db, (tx) => deleteMapping(tx, actor, c.req.valid("param").id));
			return c.body(null, 204);
		});
}
