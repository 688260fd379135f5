import { createRoute, z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
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
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { accountsPolicy } from "./accounts.policy.ts";
import { presentAccount } from "./accounts.presenter.ts";
import { listAccounts, listRoleAssignments } from "./accounts.repository.ts";
import {
	accountCreateSchema,
	accountIdParamSchema,
	accountListQuerySchema,
	accountSchema,
	accountUpdateSchema,
	assignmentParamSchema,
	oneTimePasswordSchema,
	roleAssignInputSchema,
} from "./accounts.schemas.ts";
import { assignRole, revokeRole } from "./assign-role.ts";
import { accountOr404, createAccount } from "./create-account.ts";
import { resetMfa, resetPassword } from "./reset-credentials.ts";
import { updateAccountDetails } from "./update-account.ts";

const tags = ["accounts"];
const secured = { tags, security: sessionSecurity } as const;
const idParams = { params: accountIdParamSchema };

const routes = {
	list: createRoute({
		...secured,
		method: "get",
		path: "/accounts",
		summary: "Accounts of the tenant, with their role assignments",
		request: { query: accountListQuerySchema },
		responses: {
			200: jsonResponse(
				z.object({ items: z.array(accountSchema), total: z.number().int() }),
				"Accounts",
			),
			...problemResponses,
		},
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/accounts",
		summary: "Create an account with a one-time password",
		request: { body: jsonBody(accountCreateSchema) },
		responses: { 201: jsonResponse(oneTimePasswordSchema, "Created"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/accounts/{id}",
		summary: "One account",
		request: idParams,
		responses: { 200: jsonResponse(accountSchema, "Account"), ...problemResponses },
	}),
	update: createRoute({
		...secured,
		method: "patch",
		path: "/accounts/{id}",
		summary: "Change an account's details, or disable it",
		request: { ...idParams, body: jsonBody(accountUpdateSchema) },
		responses: { 200: jsonResponse(accountSchema, "Updated"), ...problemResponses },
	}),
	resetPassword: createRoute({
		...secured,
		method: "post",
		path: "/accounts/{id}/password-reset",
		summary: "Issue a new one-time password",
		request: idParams,
		responses: { 200: jsonResponse(oneTimePasswordSchema, "Reset"), ...problemResponses },
	}),
	resetMfa: createRoute({
		...secured,
		method: "post",
		path: "/accounts/{id}/mfa-reset",
		summary: "Remove the account's authenticator and recovery codes",
		request: idParams,
		responses: { 200: jsonResponse(accountSchema, "Reset"), ...problemResponses },
	}),
	assignRole: createRoute({
		...secured,
		method: "post",
		path: "/accounts/{id}/roles",
		summary: "Assign a role",
		request: { ...idParams, body: jsonBody(roleAssignInputSchema) },
		responses: { 201: jsonResponse(accountSchema, "Assigned"), ...problemResponses },
	}),
	revokeRole: createRoute({
		...secured,
		method: "delete",
		path: "/accounts/{id}/roles/{assignmentId}",
		summary: "End a role assignment now",
		request: { params: assignmentParamSchema },
		responses: { 200: jsonResponse(accountSchema, "Revoked"), ...problemResponses },
	}),
};

export function accountsRoutes(deps: AppDeps) {
	async function view(db: Queryable, actor: Actor, accountId: string) {
		const account = await accountOr404(db, actor, accountId);
		return presentAccount(
			account,
			await listRoleAssignments(db, actor.tenantId, [account.id]),
			actor,
		);
	}

	return createRouter()
		.openapi(routes.list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, accountsPolicy, "account.read");
			const query = c.req.valid("query");
			const { rows, total } = await listAccounts(deps.db, actor.tenantId, {
				query: query.q,
				limit: query.limit,
				offset: query.offset,
			});
			const assignments = await listRoleAssignments(
				deps.db,
				actor.tenantId,
				rows.map((r) => r.id),
			);
			return c.json(
				{ items: rows.map((row) => presentAccount(row, assignments, actor)), total },
				200,
			);
		})
		.openapi(routes.create, async (c) => {
			const actor = requireActor(c);
			const result = await inTransaction(deps.db, (tx) =>
				createAccount(tx, actor, c.req.valid("json")),
			);
			return c.json(
				{
					account: presentAccount(result.account, [], actor),
					oneTimePassword: result.oneTimePassword,
				},
				201,
			);
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, accountsPolicy, "account.read");
			return c.json(await view(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(routes.update, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) =>
				updateAccountDetails(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await view(deps.db, actor, id), 200);
		})
		.openapi(routes.resetPassword, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			const { oneTimePassword } = await inTransaction(deps.db, (tx) =>
				resetPassword(tx, actor, id),
			);
			return c.json({ account: await view(deps.db, actor, id), oneTimePassword }, 200);
		})
		.openapi(routes.resetMfa, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => resetMfa(tx, actor, id));
			return c.json(await view(deps.db, actor, id), 200);
		})
		.openapi(routes.assignRole, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => assignRole(tx, actor, id, c.req.valid("json")));
			return c.json(await view(deps.db, actor, id), 201);
		})
		.openapi(routes.revokeRole, async (c) => {
			const actor = requireActor(c);
			const { id, assignmentId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => revokeRole(tx, actor, id, assignmentId));
			return c.json(await view(deps.db, actor, id), 200);
		});
}
