import { createRoute, z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
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
import { type AssetScope, inScope } from "../assets/asset-scope.ts";
import { allowedActions, authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { acceptRisk } from "./accept-risk.ts";
import { acceptanceRoles } from "./acceptance.ts";
import { createRisk } from "./create-risk.ts";
import { exportRisks } from "./export-risks.ts";
import { heatMap } from "./heat-map.ts";
import { BAND_THRESHOLDS } from "./matrix.ts";
import {
	filterContext,
	openRegister,
	presentRisk,
	type Register,
	visibleRisk,
} from "./register.ts";
import { risksPolicy } from "./risks.policy.ts";
import { findRisk, linkedAssets, listAccountNames, listRisks } from "./risks.repository.ts";
import {
	acceptRiskSchema,
	createRiskSchema,
	heatMapSchema,
	riskExportQuerySchema,
	riskFilterSchema,
	riskListSchema,
	riskOptionsSchema,
	riskQuerySchema,
	riskSchema,
	updateRiskSchema,
} from "./risks.schemas.ts";
import { updateRisk } from "./update-risk.ts";

const tags = ["risks"];
const secured = { tags, security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/risks/options",
		summary: "The pack's threats and risk matrix, and the units and people you can choose",
		responses: { 200: jsonResponse(riskOptionsSchema, "Register options"), ...problemResponses },
	}),
	heatMap: createRoute({
		...secured,
		method: "get",
		path: "/risks/heat-map",
		summary: "Counts of your risks per likelihood × impact cell, inherent or residual",
		request: { query: riskFilterSchema },
		responses: { 200: jsonResponse(heatMapSchema, "Heat map"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/risks/export",
		summary: "The register under the current filter, as XLSX or CSV",
		request: { query: riskExportQuerySchema },
		responses: {
			200: {
				description: "File",
				content: { [XLSX]: { schema: z.string() }, "text/csv": { schema: z.string() } },
			},
			...problemResponses,
		},
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/risks",
		summary: "A filtered, sorted page of the risks you may see",
		request: { query: riskQuerySchema },
		responses: { 200: jsonResponse(riskListSchema, "Risks"), ...problemResponses },
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/risks",
		summary: "Enter a risk in the register",
		request: { body: jsonBody(createRiskSchema) },
		responses: { 201: jsonResponse(riskSchema, "The risk"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/risks/{id}",
		summary: "One risk",
		request: { params: idParam },
		responses: { 200: jsonResponse(riskSchema, "The risk"), ...problemResponses },
	}),
	update: createRoute({
		...secured,
		method: "patch",
		path: "/risks/{id}",
		summary: "Change a risk: ratings, treatment, status",
		request: { params: idParam, body: jsonBody(updateRiskSchema) },
		responses: { 200: jsonResponse(riskSchema, "The risk"), ...problemResponses },
	}),
	accept: createRoute({
		...secured,
		method: "post",
		path: "/risks/{id}/acceptance",
		summary: "Accept a risk at its residual level (CISO or the pack's delegate)",
		request: { params: idParam, body: jsonBody(acceptRiskSchema) },
		responses: { 200: jsonResponse(riskSchema, "The risk"), ...problemResponses },
	}),
};

async function riskView(db: Queryable, register: Register, id: string) {
	const row = visibleRisk(register, await findRisk(db, register.actor.tenantId, id));
	return presentRisk(register, row, await linkedAssets(db, register.actor.tenantId, [row.id]));
}

/** The register as it stands after a change (a fresh read, so scopes and dates are current). */
async function freshView(db: Queryable, actor: Actor, id: string) {
	return riskView(db, await openRegister(db, actor), id);
}

export function risksRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.options, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.read");
			const register = await openRegister(deps.db, actor);
			const { pack, size } = register;
			const all = await listOrgUnits(deps.db, actor.tenantId);
			const unitsIn = (scope: AssetScope) =>
				all
					.filter((unit) => inScope(scope, unit.id))
					.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name }));
			const accounts = await listAccountNames(deps.db, actor.tenantId);
			return c.json(
				{
					threats: pack.threats.map((threat) => ({
						code: threat.code,
						label: threat.label,
						description: threat.description,
					})),
					matrix: {
						size,
						likelihood: pack.riskMatrix.likelihood,
						impact: pack.riskMatrix.impact,
						bands: BAND_THRESHOLDS[size],
					},
					units: unitsIn(register.write),
					raiseUnits: can(actor, risksPolicy, "risk.raise") ? unitsIn(register.raise) : [],
					accounts: accounts.map((a) => ({ id: a.id, displayName: a.display_name })),
					acceptanceRoles: acceptanceRoles(pack),
					allowedActions: allowedActions(actor, risksPolicy).filter(
						(action) => action !== "risk.accept" || register.acceptAs !== undefined,
					),
				},
				200,
			);
		})
		.openapi(routes.heatMap, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.read");
			const register = await openRegister(deps.db, actor);
			return c.json(await heatMap(deps.db, register, c.req.valid("query")), 200);
		})
		.openapi(routes.export, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.read");
			const { format, ...query } = c.req.valid("query");
			const register = await openRegister(deps.db, actor);
			const file = await exportRisks(deps.db, register, query, format);
			const disposition = attachmentDisposition(file.fileName);
			if (format === "csv") {
				return c.body(file.body as string, 200, {
					"content-type": "text/csv; charset=utf-8",
					"content-disposition": disposition,
				});
			}
			return c.body(new Uint8Array(file.body as Buffer), 200, {
				"content-type": XLSX,
				"content-disposition": disposition,
			});
		})
		.openapi(routes.list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.read");
			const query = c.req.valid("query");
			const register = await openRegister(deps.db, actor);
			const { rows, total } = await listRisks(deps.db, filterContext(register), query);
			const assets = await linkedAssets(
				deps.db,
				actor.tenantId,
				rows.map((row) => row.id),
			);
			return c.json(
				{
					items: rows.map((row) => presentRisk(register, row, assets)),
					total,
					offset: query.offset,
					limit: query.limit,
					allowedActions: allowedActions(actor, risksPolicy).filter(
						(action) => action !== "risk.accept" || register.acceptAs !== undefined,
					),
				},
				200,
			);
		})
		.openapi(routes.create, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.write");
			const register = await openRegister(deps.db, actor);
			const row = await inTransaction(deps.db, (tx) =>
				createRisk(tx, register, c.req.valid("json")),
			);
			return c.json(await freshView(deps.db, actor, row.id), 201);
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.read");
			const register = await openRegister(deps.db, actor);
			return c.json(await riskView(deps.db, register, c.req.valid("param").id), 200);
		})
		.openapi(routes.update, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.write");
			const { id } = c.req.valid("param");
			const register = await openRegister(deps.db, actor);
			await inTransaction(deps.db, (tx) => updateRisk(tx, register, id, c.req.valid("json")));
			return c.json(await freshView(deps.db, actor, id), 200);
		})
		.openapi(routes.accept, async (c) => {
			const actor = requireActor(c);
			authorize(actor, risksPolicy, "risk.accept");
			const { id } = c.req.valid("param");
			const register = await openRegister(deps.db, actor);
			await inTransaction(deps.db, (tx) => acceptRisk(tx, register, id, c.req.valid("json")));
			return c.json(await freshView(deps.db, actor, id), 200);
		});
}
