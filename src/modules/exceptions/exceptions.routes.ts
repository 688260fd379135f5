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
import { decideException } from "./decide-exception.ts";
import { openExceptionDesk } from "./exception-desk.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import {
	approveExceptionSchema,
	exceptionExportQuerySchema,
	exceptionListSchema,
	exceptionOptionsSchema,
	exceptionQuerySchema,
	exceptionRemindersSchema,
	exceptionSchema,
	exceptionTargetQuerySchema,
	exceptionTargetsSchema,
	refuseExceptionSchema,
	renewExceptionSchema,
	requestExceptionSchema,
	withdrawExceptionSchema,
} from "./exceptions.schemas.ts";
import { exportExceptions } from "./export-exceptions.ts";
import { myExceptionReminders } from "./my-reminders.ts";
import {
	exceptionOptions,
	exceptionTargets,
	getException,
	listVisibleExceptions,
	presentException,
} from "./read-exceptions.ts";
import { renewException } from "./renew-exception.ts";
import { requestException } from "./request-exception.ts";
import { withdrawException } from "./withdraw-exception.ts";

const secured = { tags: ["exceptions"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const exceptionResponse = (description: string) => jsonResponse(exceptionSchema, description);

/** Static paths first: `/exceptions/options` must not be read as `/exceptions/{id}`. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/exceptions/options",
		summary: "The units the caller may request an exception for, and who decides (from the pack)",
		responses: { 200: jsonResponse(exceptionOptionsSchema, "Options"), ...problemResponses },
	}),
	targets: createRoute({
		...secured,
		method: "get",
		path: "/exceptions/targets",
		summary: "Flows or nodes of the network model to name in a request (for those who read it)",
		request: { query: exceptionTargetQuerySchema },
		responses: { 200: jsonResponse(exceptionTargetsSchema, "Matches"), ...problemResponses },
	}),
	reminders: createRoute({
		...secured,
		method: "get",
		path: "/exceptions/reminders",
		summary: "The caller's reminders of approved exceptions nearing their end (also mailed)",
		responses: { 200: jsonResponse(exceptionRemindersSchema, "Reminders"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/exceptions/export",
		summary: "The periodic report of exceptions (例外措置), as XLSX or CSV",
		request: { query: exceptionExportQuerySchema },
		responses: {
			200: {
				description: "The report",
				content: {
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
						schema: { type: "string" as const, format: "binary" },
					},
					"text/csv": { schema: { type: "string" as const } },
				},
			},
			...problemResponses,
		},
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/exceptions",
		summary: "Exceptions (例外措置) the caller sees, by state, fiscal year and unit",
		request: { query: exceptionQuerySchema },
		responses: { 200: jsonResponse(exceptionListSchema, "Exceptions"), ...problemResponses },
	}),
	request: createRoute({
		...secured,
		method: "post",
		path: "/exceptions",
		summary: "Request an exception to a clause or rule for a unit: what, why, measures, period",
		request: { body: jsonBody(requestExceptionSchema) },
		responses: { 201: exceptionResponse("The new request"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/exceptions/{id}",
		summary: "One exception with its decision",
		request: { params: idParam },
		responses: { 200: exceptionResponse("The exception"), ...problemResponses },
	}),
	approve: createRoute({
		...secured,
		method: "post",
		path: "/exceptions/{id}/approve",
		summary: "Approve a requested exception (the pack's approver or delegate)",
		request: { params: idParam, body: jsonBody(approveExceptionSchema) },
		responses: { 200: exceptionResponse("The exception"), ...problemResponses },
	}),
	refuse: createRoute({
		...secured,
		method: "post",
		path: "/exceptions/{id}/refuse",
		summary: "Refuse a requested exception, with the reason (required)",
		request: { params: idParam, body: jsonBody(refuseExceptionSchema) },
		responses: { 200: exceptionResponse("The exception"), ...problemResponses },
	}),
	withdraw: createRoute({
		...secured,
		method: "post",
		path: "/exceptions/{id}/withdraw",
		summary: "Withdraw a request, or end an approved exception early",
		request: { params: idParam, body: jsonBody(withdrawExceptionSchema) },
		responses: { 200: exceptionResponse("The exception"), ...problemResponses },
	}),
	renew: createRoute({
		...secured,
		method: "post",
		path: "/exceptions/{id}/renew",
		summary: "Request the renewal of an exception for a new period: a new decision",
		request: { params: idParam, body: jsonBody(renewExceptionSchema) },
		responses: { 201: exceptionResponse("The renewal request"), ...problemResponses },
	}),
};

export function exceptionsRoutes(deps: AppDeps) {
	const desk = (c: Parameters<typeof requireActor>[0]) =>
		openExceptionDesk(deps.db, requireActor(c));
	return createRouter()
		.openapi(routes.options, async (c) => {
			return c.json(await exceptionOptions(deps.db, await desk(c)), 200);
		})
		.openapi(routes.targets, async (c) => {
			return c.json(await exceptionTargets(deps.db, await desk(c), c.req.valid("query")), 200);
		})
		.openapi(routes.reminders, async (c) => {
			const actor = requireActor(c);
			authorize(actor, exceptionsPolicy, "exception.read");
			return c.json({ items: await myExceptionReminders(deps.db, actor) }, 200);
		})
		.openapi(routes.export, async (c) => {
			const file = await exportExceptions(deps.db, await desk(c), c.req.valid("query"));
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.list, async (c) => {
			return c.json(await listVisibleExceptions(deps.db, await desk(c), c.req.valid("query")), 200);
		})
		.openapi(routes.request, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				requestException(tx, d, c.req.valid("json")),
			);
			return c.json(await presentException(deps.db, d, row), 201);
		})
		.openapi(routes.get, async (c) => {
			return c.json(await getException(deps.db, await desk(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.approve, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				decideException(tx, d, c.req.valid("param").id, "approve", body),
			);
			return c.json(await presentException(deps.db, d, row), 200);
		})
		.openapi(routes.refuse, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				decideException(tx, d, c.req.valid("param").id, "refuse", body),
			);
			return c.json(await presentException(deps.db, d, row), 200);
		})
		.openapi(routes.withdraw, async (c) => {
			const d = await desk(c);
			const { version } = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				withdrawException(tx, d, c.req.valid("param").id, version),
			);
			return c.json(await presentException(deps.db, d, row), 200);
		})
		.openapi(routes.renew, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				renewException(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await presentException(deps.db, d, row), 201);
		});
}
