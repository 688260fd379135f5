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
	sessionSecurity,
} from "../../../http/openapi.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { allowedActions, authorize } from "../../authz/policy.ts";
import { XLSX_TYPE } from "../export-assets.ts";
import { decideTakeOut } from "./decide-take-out.ts";
import { exportTakeOuts } from "./export-take-outs.ts";
import { findTakeOutAssets, findTakeOuts } from "./list-take-outs.ts";
import { presentTakeOut, visibleTakeOut } from "./present-take-out.ts";
import { requestTakeOut } from "./request-take-out.ts";
import { returnTakeOut } from "./return-take-out.ts";
import { openTakeOutDesk } from "./take-out-desk.ts";
import { takeOutsPolicy } from "./take-outs.policy.ts";
import { findTakeOut } from "./take-outs.repository.ts";
import {
	takeOutAssetQuerySchema,
	takeOutAssetSchema,
	takeOutDecisionSchema,
	takeOutExportQuerySchema,
	takeOutListSchema,
	takeOutQuerySchema,
	takeOutRequestSchema,
	takeOutReturnSchema,
	takeOutSchema,
} from "./take-outs.schemas.ts";

const tags = ["assets"];
const idParam = z.object({ id: z.string().min(1).max(64) });

const list = createRoute({
	method: "get",
	path: "/take-outs",
	tags,
	security: sessionSecurity,
	summary: "Take-outs you may see: your requests, those to decide, the overdue",
	request: { query: takeOutQuerySchema },
	responses: { 200: jsonResponse(takeOutListSchema, "Take-outs"), ...problemResponses },
});

/** Registered before `/take-outs/{id}`, which would otherwise take "export" for an id. */
const exportList = createRoute({
	method: "get",
	path: "/take-outs/export",
	tags,
	security: sessionSecurity,
	summary: "The take-outs you may see under the list's filters, as XLSX or CSV",
	request: { query: takeOutExportQuerySchema },
	responses: {
		200: {
			description: "The take-out list",
			content: {
				[XLSX_TYPE]: { schema: { type: "string" as const, format: "binary" } },
				"text/csv": { schema: { type: "string" as const } },
			},
		},
		...problemResponses,
	},
});

const assets = createRoute({
	method: "get",
	path: "/take-out-assets",
	tags,
	security: sessionSecurity,
	summary: "Assets you may ask to take out, with the rules their class sets",
	request: { query: takeOutAssetQuerySchema },
	responses: {
		200: jsonResponse(z.object({ items: z.array(takeOutAssetSchema) }), "Assets"),
		...problemResponses,
	},
});

const request = createRoute({
	method: "post",
	path: "/take-outs",
	tags,
	security: sessionSecurity,
	summary: "Ask to take an asset out (持ち出し申請)",
	request: { body: jsonBody(takeOutRequestSchema) },
	responses: { 201: jsonResponse(takeOutSchema, "The request"), ...problemResponses },
});

const get = createRoute({
	method: "get",
	path: "/take-outs/{id}",
	tags,
	security: sessionSecurity,
	summary: "One take-out",
	request: { params: idParam },
	responses: { 200: jsonResponse(takeOutSchema, "The take-out"), ...problemResponses },
});

const decide = createRoute({
	method: "post",
	path: "/take-outs/{id}/decision",
	tags,
	security: sessionSecurity,
	summary: "Approve or refuse a take-out request, with the reason",
	request: { params: idParam, body: jsonBody(takeOutDecisionSchema) },
	responses: { 200: jsonResponse(takeOutSchema, "The decided request"), ...problemResponses },
});

const giveBack = createRoute({
	method: "post",
	path: "/take-outs/{id}/return",
	tags,
	security: sessionSecurity,
	summary: "Record that a taken-out asset came back",
	request: { params: idParam, body: jsonBody(takeOutReturnSchema) },
	responses: { 200: jsonResponse(takeOutSchema, "The returned take-out"), ...problemResponses },
});

export function takeOutsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, takeOutsPolicy, "take_out.read");
			const desk = await openTakeOutDesk(deps.db, actor);
			const query = c.req.valid("query");
			const { items, total } = await findTakeOuts(deps.db, desk, query);
			return c.json(
				{
					items,
					total,
					offset: query.offset,
					limit: query.limit,
					allowedActions: allowedActions(actor, takeOutsPolicy),
				},
				200,
			);
		})
		.openapi(exportList, async (c) => {
			const actor = requireActor(c);
			authorize(actor, takeOutsPolicy, "take_out.read");
			const desk = await openTakeOutDesk(deps.db, actor);
			const { format, ...filter } = c.req.valid("query");
			const file = await exportTakeOuts(deps.db, desk, filter, format);
			return c.body(new Uint8Array(file.bytes), 200, {
				"Content-Type": file.type,
				"Content-Disposition": attachmentDisposition(datedFileName("takeOuts", format)),
			});
		})
		.openapi(assets, async (c) => {
			const actor = requireActor(c);
			authorize(actor, takeOutsPolicy, "take_out.request");
			const desk = await openTakeOutDesk(deps.db, actor);
			return c.json({ items: await findTakeOutAssets(deps.db, desk, c.req.valid("query").q) }, 200);
		})
		.openapi(request, async (c) => {
			const actor = requireActor(c);
			authorize(actor, takeOutsPolicy, "take_out.request");
			const desk = await openTakeOutDesk(deps.db, actor);
			const row = await inTransaction(deps.db, (tx) =>
				requestTakeOut(tx, desk, c.req.valid("json")),
			);
			const found = visibleTakeOut(desk, await findTakeOut(deps.db, actor.tenantId, row.id));
			return c.json(presentTakeOut(desk, found), 201);
		})
		.openapi(get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, takeOutsPolicy, "take_out.read");
			const desk = await openTakeOutDesk(deps.db, actor);
			const { id } = c.req.valid("param");
			const row = visibleTakeOut(desk, await findTakeOut(deps.db, actor.tenantId, id));
			return c.json(presentTakeOut(desk, row), 200);
		})
		.openapi(decide, async (c) => {
			const actor = requireActor(c);
			authorize(actor, takeOutsPolicy, "take_out.decide");
			const desk = await openTakeOutDesk(deps.db, actor);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				decideTakeOut(tx, desk, id, c.req.valid("json")),
			);
			return c.json(presentTakeOut(desk, row), 200);
		})
		.openapi(giveBack, async (c) => {
			const actor = requireActor(c);
			authorize(actor, takeOutsPolicy, "take_out.return");
			const desk = await openTakeOutDesk(deps.db, actor);
			const { id } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				returnTakeOut(tx, desk, id, c.req.valid("json")),
			);
			return c.json(presentTakeOut(desk, row), 200);
		});
}
