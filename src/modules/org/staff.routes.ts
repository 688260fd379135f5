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
import { listStaff, viewStaff } from "./list-staff.ts";
import {
	staffIdParamSchema,
	staffListQuerySchema,
	staffPageSchema,
	staffSchema,
	staffUpdateSchema,
} from "./staff.schemas.ts";
import { updateStaffDetails } from "./update-staff.ts";

const tags = ["org"];

const list = createRoute({
	method: "get",
	path: "/staff",
	tags,
	security: sessionSecurity,
	summary: "Staff, filtered by unit (with the units under it), category and status",
	request: { query: staffListQuerySchema },
	responses: { 200: jsonResponse(staffPageSchema, "Staff"), ...problemResponses },
});

const get = createRoute({
	method: "get",
	path: "/staff/{id}",
	tags,
	security: sessionSecurity,
	summary: "One staff member",
	request: { params: staffIdParamSchema },
	responses: { 200: jsonResponse(staffSchema, "Staff member"), ...problemResponses },
});

const update = createRoute({
	method: "patch",
	path: "/staff/{id}",
	tags,
	security: sessionSecurity,
	summary: "Change a staff member's category, 所属 or 役職",
	request: { params: staffIdParamSchema, body: jsonBody(staffUpdateSchema) },
	responses: { 200: jsonResponse(staffSchema, "Updated"), ...problemResponses },
});

export function staffRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) =>
			c.json(await listStaff(deps.db, requireActor(c), c.req.valid("query")), 200),
		)
		.openapi(get, async (c) =>
			c.json(await viewStaff(deps.db, requireActor(c), c.req.valid("param").id), 200),
		)
		.openapi(update, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => updateStaffDetails(tx, actor, id, c.req.valid("json")));
			return c.json(await viewStaff(deps.db, actor, id), 200);
		});
}
