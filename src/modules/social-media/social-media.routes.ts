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
import {
	decideAccount,
	endOrResumeAccount,
	requestApproval,
	reviewAccount,
} from "./account-steps.ts";
import { exportSocialAccounts } from "./export-accounts.ts";
import {
	getSocialAccount,
	listVisibleAccounts,
	presentAccount,
	socialAccountOptions,
} from "./read-accounts.ts";
import { registerSocialAccount } from "./register-account.ts";
import {
	approveSocialAccountSchema,
	reasonedStepSchema,
	registerSocialAccountSchema,
	reviewSocialAccountSchema,
	socialAccountExportQuerySchema,
	socialAccountListSchema,
	socialAccountOptionsSchema,
	socialAccountQuerySchema,
	socialAccountSchema,
	socialAccountVersionSchema,
} from "./social-media.schemas.ts";
import { openSocialMediaDesk } from "./social-media-desk.ts";

const secured = { tags: ["social-media"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const accountResponse = (description: string) => jsonResponse(socialAccountSchema, description);

const step = <T extends z.ZodType>(path: string, summary: string, body: T) =>
	createRoute({
		...secured,
		method: "post",
		path: `/social-media/accounts/{id}/${path}`,
		summary,
		request: { params: idParam, body: jsonBody(body) },
		responses: { 200: accountResponse("The account"), ...problemResponses },
	});

/**
 * Static paths first. Every route answers 404 (`social_media_not_in_policy`) for a tenant whose
 * pack has no social-media provision.
 */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/social-media/options",
		summary: "Units, staff and documents for registering an account; who decides and is told",
		responses: { 200: jsonResponse(socialAccountOptionsSchema, "Options"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/social-media/export",
		summary: "The register of official social-media accounts, as XLSX or CSV",
		request: { query: socialAccountExportQuerySchema },
		responses: {
			200: {
				description: "The register",
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
		path: "/social-media/accounts",
		summary: "Official social-media accounts the caller sees, by state, 休眠 and unit",
		request: { query: socialAccountQuerySchema },
		responses: { 200: jsonResponse(socialAccountListSchema, "Accounts"), ...problemResponses },
	}),
	register: createRoute({
		...secured,
		method: "post",
		path: "/social-media/accounts",
		summary: "Register an official social-media account (never its credentials)",
		request: { body: jsonBody(registerSocialAccountSchema) },
		responses: { 201: accountResponse("The new account"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/social-media/accounts/{id}",
		summary: "One account with its decision and reviews",
		request: { params: idParam },
		responses: { 200: accountResponse("The account"), ...problemResponses },
	}),
	request: step(
		"request",
		"Ask the pack's approver to approve the account",
		socialAccountVersionSchema,
	),
	approve: step("approve", "Approve the account (the pack's approver)", approveSocialAccountSchema),
	refuse: step("refuse", "Refuse the account, with the reason (required)", reasonedStepSchema),
	review: step("review", "Record a review (見直し): date and note", reviewSocialAccountSchema),
	suspend: step("suspend", "Suspend the account, with the reason", reasonedStepSchema),
	reinstate: step("reinstate", "Reinstate a suspended account", socialAccountVersionSchema),
	close: step("close", "Close the account, with the reason", reasonedStepSchema),
};

export function socialMediaRoutes(deps: AppDeps) {
	const desk = (c: Parameters<typeof requireActor>[0]) =>
		openSocialMediaDesk(deps.db, requireActor(c));
	return createRouter()
		.openapi(routes.options, async (c) => {
			return c.json(await socialAccountOptions(deps.db, await desk(c)), 200);
		})
		.openapi(routes.export, async (c) => {
			const file = await exportSocialAccounts(deps.db, await desk(c), c.req.valid("query"));
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.list, async (c) => {
			return c.json(await listVisibleAccounts(deps.db, await desk(c), c.req.valid("query")), 200);
		})
		.openapi(routes.register, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				registerSocialAccount(tx, d, c.req.valid("json")),
			);
			return c.json(await presentAccount(deps.db, d, row), 201);
		})
		.openapi(routes.get, async (c) => {
			return c.json(await getSocialAccount(deps.db, await desk(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.request, async (c) => {
			const d = await desk(c);
			const { version } = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				requestApproval(tx, d, c.req.valid("param").id, version),
			);
			return c.json(await presentAccount(deps.db, d, row), 200);
		})
		.openapi(routes.approve, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				decideAccount(tx, d, c.req.valid("param").id, "approve", body),
			);
			return c.json(await presentAccount(deps.db, d, row), 200);
		})
		.openapi(routes.refuse, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				decideAccount(tx, d, c.req.valid("param").id, "refuse", body),
			);
			return c.json(await presentAccount(deps.db, d, row), 200);
		})
		.openapi(routes.review, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				reviewAccount(tx, d, c.req.valid("param").id, body),
			);
			return c.json(await presentAccount(deps.db, d, row), 200);
		})
		.openapi(routes.suspend, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				endOrResumeAccount(tx, d, c.req.valid("param").id, "suspend", body),
			);
			return c.json(await presentAccount(deps.db, d, row), 200);
		})
		.openapi(routes.reinstate, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				endOrResumeAccount(tx, d, c.req.valid("param").id, "reinstate", body),
			);
			return c.json(await presentAccount(deps.db, d, row), 200);
		})
		.openapi(routes.close, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				endOrResumeAccount(tx, d, c.req.valid("param").id, "close", body),
			);
			return c.json(await presentAccount(deps.db, d, row), 200);
		});
}
