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
	sessionOrToken,
	sessionSecurity,
} from "../../http/openapi.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { activeExceptionsForAsset } from "../exceptions/active-exceptions.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { AXES } from "../policies/pack/classification.schema.ts";
import { areaOfAsset } from "../secure-areas/area-assets.ts";
import { inScope } from "./asset-scope.ts";
import { assetsPolicy } from "./assets.policy.ts";
import { findAsset, listAssets, listClassificationChanges } from "./assets.repository.ts";
import {
	assetListSchema,
	assetQuerySchema,
	assetSchema,
	classificationChangeSchema,
	createAssetSchema,
	ledgerOptionsSchema,
	reclassifyAssetSchema,
	updateAssetSchema,
} from "./assets.schemas.ts";
import { levelLists } from "./classification.ts";
import { createAsset } from "./create-asset.ts";
import { openLedger, presentAsset, visible } from "./ledger.ts";
import { reclassifyAsset, updateAsset } from "./update-asset.ts";

const tags = ["assets"];
const idParam = z.object({ id: z.string().min(1).max(64) });

const options = createRoute({
	method: "get",
	path: "/asset-ledger/options",
	tags,
	security: sessionOrToken("assets:read"),
	summary: "The tenant's classification choices with their handling, and the units you manage",
	responses: { 200: jsonResponse(ledgerOptionsSchema, "Ledger options"), ...problemResponses },
});

const list = createRoute({
	method: "get",
	path: "/assets",
	tags,
	security: sessionOrToken("assets:read"),
	summary: "A filtered, sorted page of the assets you may see",
	request: { query: assetQuerySchema },
	responses: { 200: jsonResponse(assetListSchema, "Assets"), ...problemResponses },
});

const create = createRoute({
	method: "post",
	path: "/assets",
	tags,
	security: sessionSecurity,
	summary: "Enter an asset in the ledger",
	request: { body: jsonBody(createAssetSchema) },
	responses: { 201: jsonResponse(assetSchema, "The asset"), ...problemResponses },
});

const get = createRoute({
	method: "get",
	path: "/assets/{id}",
	tags,
	security: sessionOrToken("assets:read"),
	summary: "One asset with the handling its class requires",
	request: { params: idParam },
	responses: { 200: jsonResponse(assetSchema, "The asset"), ...problemResponses },
});

const update = createRoute({
	method: "patch",
	path: "/assets/{id}",
	tags,
	security: sessionSecurity,
	summary: "Change an asset's fields (not its class)",
	request: { params: idParam, body: jsonBody(updateAssetSchema) },
	responses: { 200: jsonResponse(assetSchema, "The asset"), ...problemResponses },
});

const reclassify = createRoute({
	method: "post",
	path: "/assets/{id}/classification",
	tags,
	security: sessionSecurity,
	summary: "Change an asset's class, with the reason",
	request: { params: idParam, body: jsonBody(reclassifyAssetSchema) },
	responses: { 200: jsonResponse(assetSchema, "The asset"), ...problemResponses },
});

const history = createRoute({
	method: "get",
	path: "/assets/{id}/classification-history",
	tags,
	security: sessionSecurity,
	summary: "Who changed the asset's class, when and why",
	request: { params: idParam },
	responses: {
		200: jsonResponse(
			z.object({ items: z.array(classificationChangeSchema) }),
			"Classification changes, newest first",
		),
		...problemResponses,
	},
});

/** One asset as the API sends it, with the exceptions in force that cover it and its secure area. */
async function assetView(db: Queryable, actor: Actor, id: string) {
	const ledger = await openLedger(db, actor);
	const asset = presentAsset(ledger, visible(ledger, await findAsset(db, actor.tenantId, id)));
	const exceptions = await activeExceptionsForAsset(db, actor.tenantId, asset.id);
	return {
		...asset,
		secureArea: await areaOfAsset(db, actor.tenantId, asset.id),
		exceptions: exceptions.map((e) => ({
			id: e.id,
			reference: e.reference,
			clause: e.clause,
			networkRule: e.networkRule,
			startsOn: e.startsOn,
			endsOn: e.endsOn,
		})),
	};
}

export function assetsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(options, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.read");
			const ledger = await openLedger(deps.db, actor);
			const { scheme } = ledger;
			const units = (await listOrgUnits(deps.db, actor.tenantId)).filter((unit) =>
				inScope(ledger.write, unit.id),
			);
			const axes = levelLists(scheme).map((levels, index) => ({
				axis: scheme.kind === "cia" ? (AXES[index] ?? "confidentiality") : ("importance" as const),
				levels: levels.map((level) => ({
					code: level.code,
					label: level.label,
					description: level.description,
					handling: {
						...level.handling,
						notes: level.handling.note ? [level.handling.note] : [],
					},
				})),
			}));
			return c.json(
				{
					scheme: { code: scheme.code, kind: scheme.kind, name: scheme.name },
					axes,
					units: units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name })),
					allowedActions: allowedActions(actor, assetsPolicy),
				},
				200,
			);
		})
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.read");
			const query = c.req.valid("query");
			const ledger = await openLedger(deps.db, actor);
			const { rows, total } = await listAssets(deps.db, actor.tenantId, ledger.read, query);
			return c.json(
				{
					items: rows.map((row) => presentAsset(ledger, row)),
					total,
					offset: query.offset,
					limit: query.limit,
					allowedActions: allowedActions(actor, assetsPolicy),
				},
				200,
			);
		})
		.openapi(create, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.write");
			const ledger = await openLedger(deps.db, actor);
			const row = await inTransaction(deps.db, (tx) =>
				createAsset(tx, ledger, c.req.valid("json")),
			);
			return c.json(await assetView(deps.db, actor, row.id), 201);
		})
		.openapi(get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.read");
			return c.json(await assetView(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(update, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.write");
			const { id } = c.req.valid("param");
			const ledger = await openLedger(deps.db, actor);
			await inTransaction(deps.db, (tx) => updateAsset(tx, ledger, id, c.req.valid("json")));
			return c.json(await assetView(deps.db, actor, id), 200);
		})
		.openapi(reclassify, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.write");
			const { id } = c.req.valid("param");
			const ledger = await openLedger(deps.db, actor);
			await inTransaction(deps.db, (tx) => reclassifyAsset(tx, ledger, id, c.req.valid("json")));
			return c.json(await assetView(deps.db, actor, id), 200);
		})
		.openapi(history, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.read");
			const { id } = c.req.valid("param");
			await assetView(deps.db, actor, id);
			const rows = await listClassificationChanges(deps.db, actor.tenantId, id);
			return c.json(
				{
					items: rows.map((row) => ({
						id: row.id,
						scheme: row.scheme,
						fromKey: row.from_key,
						toKey: row.to_key,
						reason: row.reason,
						changedBy: row.changed_by_label,
						changedAt: row.changed_at,
					})),
				},
				200,
			);
		});
}
