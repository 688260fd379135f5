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
import { createAffair, updateAffair } from "./affairs.ts";
import { addHandler, removeHandler } from "./handlers.ts";
import { addLink, removeLink } from "./links.ts";
import {
	addHandlerSchema,
	addLinkSchema,
	addProvisionSchema,
	affairListSchema,
	affairSchema,
	createAffairSchema,
	endHandlerSchema,
	myNumberOptionsSchema,
	reportQuerySchema,
	updateAffairSchema,
} from "./my-number.schemas.ts";
import { openMyNumberDesk, visibleAffair } from "./my-number-desk.ts";
import { markSeen, recordProvision } from "./provisions.ts";
import { getAffair, listVisibleAffairs, myNumberOptions, presentAffair } from "./read-affairs.ts";
import { exportYearlyReport } from "./yearly-report.ts";

const secured = { tags: ["my-number"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const affairResponse = (description: string) => jsonResponse(affairSchema, description);

const handlerParam = idParam.extend({ handlerId: z.string().min(1).max(64) });
const linkParam = idParam.extend({
	kind: z.enum(["asset", "contract"]),
	targetId: z.string().min(1).max(64),
});
const noticeParam = idParam.extend({ noticeId: z.string().min(1).max(64) });
const affairAnswer = { 200: affairResponse("The affair"), ...problemResponses };

/**
 * Every route answers 404 (`my_number_not_in_policy`) for a tenant whose pack has no
 * 特定個人情報 provision, and 403 (`my_number_not_in_charge`) to anyone who is neither the CISO,
 * 統括, an auditor nor an affair's responsible person.
 */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/my-number/options",
		summary: "Staff to choose a responsible person or handler from",
		responses: { 200: jsonResponse(myNumberOptionsSchema, "Options"), ...problemResponses },
	}),
	report: createRoute({
		...secured,
		method: "get",
		path: "/my-number/report",
		summary: "The yearly report of handling for the 個人情報保護委員会, as XLSX or PDF",
		request: { query: reportQuerySchema },
		responses: {
			200: {
				description: "The report",
				content: {
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
						schema: { type: "string" as const, format: "binary" },
					},
					"application/pdf": { schema: { type: "string" as const, format: "binary" } },
				},
			},
			...problemResponses,
		},
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/my-number/affairs",
		summary: "The My Number affairs the caller sees",
		responses: { 200: jsonResponse(affairListSchema, "Affairs"), ...problemResponses },
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/my-number/affairs",
		summary: "Register a My Number affair (CISO, 統括)",
		request: { body: jsonBody(createAffairSchema) },
		responses: { 201: affairResponse("The new affair"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/my-number/affairs/{id}",
		summary: "One affair with its handlers, systems, contractors, provisions and notices",
		request: { params: idParam },
		responses: { 200: affairResponse("The affair"), ...problemResponses },
	}),
	update: createRoute({
		...secured,
		method: "put",
		path: "/my-number/affairs/{id}",
		summary: "Change an affair's name, basis, responsible person or PIA (CISO, 統括)",
		request: { params: idParam, body: jsonBody(updateAffairSchema) },
		responses: { 200: affairResponse("The affair"), ...problemResponses },
	}),
	addHandler: createRoute({
		...secured,
		method: "post",
		path: "/my-number/affairs/{id}/handlers",
		summary: "Name a handler (事務取扱担当者)",
		request: { params: idParam, body: jsonBody(addHandlerSchema) },
		responses: affairAnswer,
	}),
	endHandler: createRoute({
		...secured,
		method: "post",
		path: "/my-number/affairs/{id}/handlers/{handlerId}/end",
		summary: "Remove a handler from the affair from a day",
		request: { params: handlerParam, body: jsonBody(endHandlerSchema) },
		responses: affairAnswer,
	}),
	addLink: createRoute({
		...secured,
		method: "post",
		path: "/my-number/affairs/{id}/links",
		summary: "Link a ledger asset or a contract by its code",
		request: { params: idParam, body: jsonBody(addLinkSchema) },
		responses: affairAnswer,
	}),
	removeLink: createRoute({
		...secured,
		method: "delete",
		path: "/my-number/affairs/{id}/links/{kind}/{targetId}",
		summary: "Unlink a ledger asset or a contract",
		request: { params: linkParam },
		responses: affairAnswer,
	}),
	addProvision: createRoute({
		...secured,
		method: "post",
		path: "/my-number/affairs/{id}/provisions",
		summary: "Record a provision to another body",
		request: { params: idParam, body: jsonBody(addProvisionSchema) },
		responses: affairAnswer,
	}),
	seen: createRoute({
		...secured,
		method: "post",
		path: "/my-number/affairs/{id}/notices/{noticeId}/seen",
		summary: "Mark a notice of an ended handler entry as seen",
		request: { params: noticeParam },
		responses: affairAnswer,
	}),
};

export function myNumberRoutes(deps: AppDeps) {
	const desk = (c: Parameters<typeof requireActor>[0]) =>
		openMyNumberDesk(deps.db, requireActor(c));
	const reread = async (d: Awaited<ReturnType<typeof desk>>, id: string) =>
		presentAffair(deps.db, d, await visibleAffair(deps.db, d, id));
	return createRouter()
		.openapi(routes.options, async (c) => {
			return c.json(await myNumberOptions(deps.db, await desk(c)), 200);
		})
		.openapi(routes.report, async (c) => {
			const file = await exportYearlyReport(deps.db, await desk(c), c.req.valid("query"));
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.list, async (c) => {
			return c.json(await listVisibleAffairs(deps.db, await desk(c)), 200);
		})
		.openapi(routes.create, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) => createAffair(tx, d, c.req.valid("json")));
			return c.json(await presentAffair(deps.db, d, row), 201);
		})
		.openapi(routes.get, async (c) => {
			return c.json(await getAffair(deps.db, await desk(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.update, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				updateAffair(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await presentAffair(deps.db, d, row), 200);
		})
		.openapi(routes.addHandler, async (c) => {
			const d = await desk(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => addHandler(tx, d, id, c.req.valid("json")));
			return c.json(await reread(d, id), 200);
		})
		.openapi(routes.endHandler, async (c) => {
			const d = await desk(c);
			const { id, handlerId } = c.req.valid("param");
			const { endsOn } = c.req.valid("json");
			await inTransaction(deps.db, (tx) => removeHandler(tx, d, id, handlerId, endsOn));
			return c.json(await reread(d, id), 200);
		})
		.openapi(routes.addLink, async (c) => {
			const d = await desk(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => addLink(tx, d, id, c.req.valid("json")));
			return c.json(await reread(d, id), 200);
		})
		.openapi(routes.removeLink, async (c) => {
			const d = await desk(c);
			const { id, kind, targetId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => removeLink(tx, d, id, kind, targetId));
			return c.json(await reread(d, id), 200);
		})
		.openapi(routes.addProvision, async (c) => {
			const d = await desk(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => recordProvision(tx, d, id, c.req.valid("json")));
			return c.json(await reread(d, id), 200);
		})
		.openapi(routes.seen, async (c) => {
			const d = await desk(c);
			const { id, noticeId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => markSeen(tx, d, id, noticeId));
			return c.json(await reread(d, id), 200);
		});
}
