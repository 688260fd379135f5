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
import { allowedActions, authorize } from "../authz/policy.ts";
import { mailPolicy } from "./mail.policy.ts";
import { presentMessage, presentReleaseRequest } from "./mail.presenter.ts";
import { listVisibleReleaseRequests, mailMessageDetail, mailSummary } from "./mail.queries.ts";
import { listScopedMessages } from "./mail.repository.ts";
import {
	decideReleaseSchema,
	mailListQuerySchema,
	mailMessageDetailSchema,
	mailMessageListSchema,
	mailSettingsInputSchema,
	mailSettingsSchema,
	mailSummarySchema,
	releaseListQuerySchema,
	releaseRequestListSchema,
	releaseRequestSchema,
	requestReleaseSchema,
} from "./mail.schemas.ts";
import { mailScopeOf } from "./mail.scope.ts";
import { changeMailSettings, readMailSettings } from "./mail-settings.ts";
import { decideReleaseRequest } from "./release/decide-release.ts";
import { requestRelease } from "./release/request-release.ts";
import { resendRelease } from "./release/retry-release.ts";

const tags = ["mail"];
const idParam = z.object({ id: z.string().min(1).max(64) });

const list = createRoute({
	method: "get",
	path: "/mail/messages",
	tags,
	security: sessionSecurity,
	summary: "Mail through the 無害化 gateway: one's own; a unit's for its manager; all for officers",
	request: { query: mailListQuerySchema },
	responses: { 200: jsonResponse(mailMessageListSchema, "Messages"), ...problemResponses },
});

const get = createRoute({
	method: "get",
	path: "/mail/messages/{id}",
	tags,
	security: sessionSecurity,
	summary: "One message: what the engine did, each attachment's outcome, release requests",
	request: { params: idParam },
	responses: { 200: jsonResponse(mailMessageDetailSchema, "The message"), ...problemResponses },
});

const request = createRoute({
	method: "post",
	path: "/mail/messages/{id}/release-requests",
	tags,
	security: sessionSecurity,
	summary: "As a recipient, ask for the original of a removed or sanitised attachment",
	request: { params: idParam, body: jsonBody(requestReleaseSchema) },
	responses: { 201: jsonResponse(releaseRequestSchema, "The request"), ...problemResponses },
});

const requests = createRoute({
	method: "get",
	path: "/mail/release-requests",
	tags,
	security: sessionSecurity,
	summary: "Release requests: one's own, and those one may decide",
	request: { query: releaseListQuerySchema },
	responses: { 200: jsonResponse(releaseRequestListSchema, "Requests"), ...problemResponses },
});

const decide = createRoute({
	method: "post",
	path: "/mail/release-requests/{id}/decision",
	tags,
	security: sessionSecurity,
	summary: "Approve (the file is mailed to the recipient) or refuse a release, with a reason",
	request: { params: idParam, body: jsonBody(decideReleaseSchema) },
	responses: { 200: jsonResponse(releaseRequestSchema, "The request"), ...problemResponses },
});

const summary = createRoute({
	method: "get",
	path: "/mail/summary",
	tags,
	security: sessionSecurity,
	summary: "Gateway volumes, actions taken, held messages and pending requests (30 days)",
	responses: { 200: jsonResponse(mailSummarySchema, "Summary"), ...problemResponses },
});

const resend = createRoute({
	method: "post",
	path: "/mail/release-requests/{id}/resend",
	tags,
	security: sessionSecurity,
	summary: "Mail an approved file again when it did not go out (by whoever may decide it)",
	request: { params: idParam },
	responses: { 200: jsonResponse(releaseRequestSchema, "The request"), ...problemResponses },
});

const settings = createRoute({
	method: "get",
	path: "/mail/settings",
	tags,
	security: sessionSecurity,
	summary: "The tenant's gateway settings: 無害化 rule per attachment type, limits, retention",
	responses: { 200: jsonResponse(mailSettingsSchema, "Settings"), ...problemResponses },
});

const changeSettings = createRoute({
	method: "put",
	path: "/mail/settings",
	tags,
	security: sessionSecurity,
	summary: "Replace the tenant's gateway settings (tenant administrator, CISO); audited",
	request: { body: jsonBody(mailSettingsInputSchema) },
	responses: { 200: jsonResponse(mailSettingsSchema, "Settings"), ...problemResponses },
});

export function mailRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, mailPolicy, "mail.read");
			const query = c.req.valid("query");
			const scope = await mailScopeOf(deps.db, actor);
			const { rows, total } = await listScopedMessages(deps.db, actor.tenantId, scope, query);
			return c.json(
				{
					items: rows.map(presentMessage),
					total,
					limit: query.limit,
					offset: query.offset,
					allowedActions: allowedActions(actor, mailPolicy),
				},
				200,
			);
		})
		.openapi(get, async (c) => {
			const actor = requireActor(c);
			return c.json(await mailMessageDetail(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(request, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				requestRelease(tx, actor, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(presentReleaseRequest(row, false), 201);
		})
		.openapi(requests, async (c) => {
			const actor = requireActor(c);
			const items = await listVisibleReleaseRequests(deps.db, actor, c.req.valid("query").status);
			return c.json({ items }, 200);
		})
		.openapi(decide, async (c) => {
			const actor = requireActor(c);
			const row = await decideReleaseRequest(
				deps,
				actor,
				c.req.valid("param").id,
				c.req.valid("json"),
			);
			return c.json(presentReleaseRequest(row, false), 200);
		})
		.openapi(resend, async (c) => {
			const actor = requireActor(c);
			const row = await resendRelease(deps, actor, c.req.valid("param").id);
			return c.json(presentReleaseRequest(row, true), 200);
		})
		.openapi(summary, async (c) => {
			const actor = requireActor(c);
			return c.json(await mailSummary(deps.db, actor), 200);
		})
		.openapi(settings, async (c) => {
			const actor = requireActor(c);
			return c.json(await readMailSettings(deps.db, actor), 200);
		})
		.openapi(changeSettings, async (c) => {
			const actor = requireActor(c);
			return c.json(await changeMailSettings(deps.db, actor, c.req.valid("json")), 200);
		});
}
