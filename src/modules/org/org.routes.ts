import { createRoute, z } from "@hono/zod-openapi";
import { ReadCache } from "../../db/read-cache.ts";
import type { OrgUnitTable } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sendSerialised,
	sessionSecurity,
} from "../../http/openapi.ts";
import { type Serialised, serialise } from "../../shared/serialised.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { createOrgUnit } from "./create-org-unit.ts";
import { orgPolicy } from "./org.policy.ts";
import { listOrgUnits } from "./org.repository.ts";
import {
	type ORG_UNIT_KINDS,
	orgTreeSchema,
	orgUnitIdParamSchema,
	orgUnitInputSchema,
	orgUnitSchema,
	orgUnitUpdateSchema,
} from "./org.schemas.ts";
import { orgTree } from "./org-tree.ts";
import { rosterRoutes } from "./roster/roster.routes.ts";
import { staffRoutes } from "./staff.routes.ts";
import { updateOrgUnit } from "./update-org-unit.ts";

const tags = ["org"];
/** Serialised org-unit lists by tenant and the caller's allowed actions (see `ReadCache`). */
const orgUnitLists = new ReadCache<Serialised<{ items: ReturnType<typeof present>[] }>>(1000);

/** `actions`: the caller's allowed actions, the same for every unit (a list computes them once). */
function present(row: OrgUnitTable, actor: Actor, actions = allowedActions(actor, orgPolicy)) {
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		kind: row.kind as (typeof ORG_UNIT_KINDS)[number],
		parentId: row.parent_id,
		displayOrder: row.display_order,
		allowedActions: actions,
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

const tree = createRoute({
	method: "get",
	path: "/org-units/tree",
	tags,
	security: sessionSecurity,
	summary: "Org units in tree order, with staff counts and the roles held now",
	responses: { 200: jsonResponse(orgTreeSchema, "The tree"), ...problemResponses },
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

const update = createRoute({
	method: "patch",
	path: "/org-units/{id}",
	tags,
	security: sessionSecurity,
	summary: "Rename an org unit, change its code or display order, or move it under another parent",
	request: { params: orgUnitIdParamSchema, body: jsonBody(orgUnitUpdateSchema) },
	responses: { 200: jsonResponse(orgUnitSchema, "Updated"), ...problemResponses },
});

/** Org units, and (mounted here so the app has one org entry) staff and roster imports. */
export function orgRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, orgPolicy, "org_unit.read");
			const actions = allowedActions(actor, orgPolicy);
			// Every page of the web asks for this list; it is sent as kept until the database changes.
			const body = await orgUnitLists.read(deps.db, `${actor.tenantId} ${actions}`, async () => {
				const rows = await listOrgUnits(deps.db, actor.tenantId);
				return serialise({ items: rows.map((row) => present(row, actor, actions)) });
			});
			return sendSerialised(c, body, 200);
		})
		.openapi(tree, async (c) => c.json(await orgTree(deps.db, requireActor(c)), 200))
		.openapi(create, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				createOrgUnit(tx, actor, c.req.valid("json")),
			);
			return c.json(present(row, actor), 201);
		})
		.openapi(update, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				updateOrgUnit(tx, actor, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(present(row, actor), 200);
		})
		.route("/", staffRoutes(deps))
		.route("/", rosterRoutes(deps));
}
