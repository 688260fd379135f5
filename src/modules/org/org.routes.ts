import { createRoute, z } from "@hono/zod-openapi";
import type { OrgUnitTable } from "../../db/schema.ts";
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
import type { Actor } from "../authz/roles.ts";
import { createOrgUnit } from "./create-org-unit.ts";
import { orgPolicy } from "./org.policy.ts";
import { listOrgUnits } from "./org.repository.ts";
import { type ORG_UNIT_KINDS, orgUnitInputSchema, orgUnitSchema } from "./org.schemas.ts";

const tags = ["org"];

function present(row: OrgUnitTable, actor: Actor) {
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		kind: row.kind as (typeof ORG_UNIT_KINDS)[number],
		parentId: row.parent_id,
		allowedActions: allowedActions(actor, orgPolicy),
	};
}

const list = createRoute({
	method: "get",
	path: "/org-units",
	tags,
	security: sessionSecurity,
	summary: "Org units of the tenant",
	responses: {
		200: jsonResponse(z.object({ items: z.array(orgUnitSchema) }), "Org units"),
		...problemResponses,
	},
});

const create = createRoute({
	method: "post",
	path: "/org-units",
	tags,
	security: sessionSecurity,
	summary: "Add an org unit",
	request: { body: jsonBody(orgUnitInputSchema) },
	responses: { 201: jsonResponse(orgUnitSchema, "Created"), ...problemResponses },
});

export function orgRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, orgPolicy, "org_unit.read");
			const rows = await listOrgUnits(deps.db, actor.tenantId);
			return c.json({ items: rows.map((row) => present(row, actor)) }, 200);
		})
		.openapi(create, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				createOrgUnit(tx, actor, c.req.valid("json")),
			);
			return c.json(present(row, actor), 201);
		});
}
