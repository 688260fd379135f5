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
import { importJobSchema } from "../../platform/imports/imports.schemas.ts";
import { readImport } from "../../platform/imports/present-import.ts";
import { requestImport } from "../../platform/imports/request-import.ts";
import { runImportInWorker } from "../../platform/imports/run-import.ts";
import { requestedMapping } from "../../platform/imports/saved-mappings.ts";
import { wakeSchedulers } from "../../platform/jobs/scheduler.ts";
import { tooLarge } from "../../shared/issues.ts";
import { authorize } from "../authz/policy.ts";
import { locateAsset, unlocateAsset } from "./area-assets.ts";
import { openAreaDesk } from "./area-desk.ts";
import { dayEntries, monthFlags, presentEntries, recordEntry, recordExit } from "./entry-log.ts";
import { exportEntries } from "./export-entries.ts";
import { ENTRY_IMPORT_LIMITS } from "./import-entries.ts";
import { grantPermit, revokePermit } from "./permits.ts";
import { areaOptions, getArea, listVisibleAreas, presentArea } from "./read-areas.ts";
import { createArea, updateAreaDetails } from "./save-area.ts";
import { secureAreaEntriesImport } from "./secure-areas.import.ts";
import { secureAreasPolicy } from "./secure-areas.policy.ts";
import {
	areaInputSchema,
	areaListSchema,
	areaOptionsSchema,
	areaSchema,
	areaUpdateSchema,
	dayQuerySchema,
	entryDaySchema,
	entryExportQuerySchema,
	entryImportReportSchema,
	entryImportSchema,
	entryInputSchema,
	entrySchema,
	exitInputSchema,
	flagListSchema,
	flagQuerySchema,
	locateAssetSchema,
	permitInputSchema,
} from "./secure-areas.schemas.ts";

const secured = { tags: ["secure-areas"], security: sessionSecurity };
const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const areaResponse = (description: string) => jsonResponse(areaSchema, description);

/** Static paths first: `/secure-areas/options` must not be read as `/secure-areas/{id}`. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/secure-areas/options",
		summary: "Staff to pick (manager, permits, escorts) and the area levels",
		responses: { 200: jsonResponse(areaOptionsSchema, "The options"), ...problemResponses },
	}),
	flags: createRoute({
		...secured,
		method: "get",
		path: "/secure-areas/flags",
		summary:
			"A month's flagged entries of the areas the caller sees: people not allowed (or past their " +
			"permit), escorts not allowed, stays without an exit after their day",
		request: { query: flagQuerySchema },
		responses: { 200: jsonResponse(flagListSchema, "The flagged entries"), ...problemResponses },
	}),
	import: createRoute({
		...secured,
		method: "post",
		path: "/secure-areas/entries/import",
		summary:
			"Check a card reader's entry log (dry run: the report, every error with row and column), " +
			"or apply it as a job (202: follow it at GET /imports/{id})",
		request: { body: jsonBody(entryImportSchema) },
		responses: {
			200: jsonResponse(entryImportReportSchema, "The dry run's report"),
			202: jsonResponse(importJobSchema, "The apply is queued as a job"),
			...problemResponses,
		},
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/secure-areas",
		summary: "The secure areas (管理区域) the caller manages, or all for the CISO, 統括, auditors",
		responses: { 200: jsonResponse(areaListSchema, "The areas"), ...problemResponses },
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/secure-areas",
		summary: "Set up a secure area with its level and manager",
		request: { body: jsonBody(areaInputSchema) },
		responses: { 201: areaResponse("The area"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/secure-areas/{id}",
		summary: "One area with its permits and the assets located in it",
		request: { params: idParam },
		responses: { 200: areaResponse("The area"), ...problemResponses },
	}),
	update: createRoute({
		...secured,
		method: "put",
		path: "/secure-areas/{id}",
		summary: "Change an area's code, name, level, location or manager",
		request: { params: idParam, body: jsonBody(areaUpdateSchema) },
		responses: { 200: areaResponse("The area"), ...problemResponses },
	}),
	grant: createRoute({
		...secured,
		method: "post",
		path: "/secure-areas/{id}/permits",
		summary: "Allow a member of staff to enter until a date (or move the date)",
		request: { params: idParam, body: jsonBody(permitInputSchema) },
		responses: { 200: areaResponse("The area"), ...problemResponses },
	}),
	revoke: createRoute({
		...secured,
		method: "delete",
		path: "/secure-areas/{id}/permits/{permitId}",
		summary: "Take a permit away",
		request: { params: idParam.extend({ permitId: id }) },
		responses: { 200: areaResponse("The area"), ...problemResponses },
	}),
	day: createRoute({
		...secured,
		method: "get",
		path: "/secure-areas/{id}/entries",
		summary: "The area's entries of one Japan day",
		request: { params: idParam, query: dayQuerySchema },
		responses: { 200: jsonResponse(entryDaySchema, "The day's entries"), ...problemResponses },
	}),
	record: createRoute({
		...secured,
		method: "post",
		path: "/secure-areas/{id}/entries",
		summary: "Record a stay: a member of staff, or a visitor with an allowed escort",
		request: { params: idParam, body: jsonBody(entryInputSchema) },
		responses: { 201: jsonResponse(entrySchema, "The entry"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/secure-areas/{id}/entries/export",
		summary: "The area's entry log over Japan days [from, to] with its flags, as XLSX (入退室記録)",
		request: { params: idParam, query: entryExportQuerySchema },
		responses: {
			200: {
				description: "The entry log",
				content: {
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
						schema: { type: "string" as const, format: "binary" },
					},
				},
			},
			...problemResponses,
		},
	}),
	exit: createRoute({
		...secured,
		method: "post",
		path: "/secure-areas/{id}/entries/{entryId}/exit",
		summary: "Record the exit of a stay",
		request: { params: idParam.extend({ entryId: id }), body: jsonBody(exitInputSchema) },
		responses: { 200: jsonResponse(entrySchema, "The entry"), ...problemResponses },
	}),
	locate: createRoute({
		...secured,
		method: "post",
		path: "/secure-areas/{id}/assets",
		summary: "Locate a ledger asset (by its 資産番号) in the area",
		request: { params: idParam, body: jsonBody(locateAssetSchema) },
		responses: { 200: areaResponse("The area"), ...problemResponses },
	}),
	unlocate: createRoute({
		...secured,
		method: "delete",
		path: "/secure-areas/{id}/assets/{assetId}",
		summary: "The asset no longer sits in the area",
		request: { params: idParam.extend({ assetId: id }) },
		responses: { 200: areaResponse("The area"), ...problemResponses },
	}),
};

type Ctx = Parameters<typeof requireActor>[0];

export function secureAreasRoutes(deps: AppDeps) {
	const desk = (c: Ctx) => openAreaDesk(deps.db, requireActor(c));
	const fresh = async (c: Ctx, areaId: string) => getArea(deps.db, await desk(c), areaId);
	return createRouter()
		.openapi(routes.options, async (c) => c.json(await areaOptions(deps.db, await desk(c)), 200))
		.openapi(routes.flags, async (c) =>
			c.json(await monthFlags(deps.db, await desk(c), c.req.valid("query").month), 200),
		)
		.openapi(routes.import, async (c) => {
			const actor = requireActor(c);
			authorize(actor, secureAreasPolicy, "secure_area.keep");
			const body = c.req.valid("json");
			const bytes = Buffer.from(body.contentBase64, "base64");
			if (bytes.length > ENTRY_IMPORT_LIMITS.maxBytes)
				throw tooLarge(
					`the file is larger than ${ENTRY_IMPORT_LIMITS.maxBytes} bytes`,
					ENTRY_IMPORT_LIMITS.maxBytes,
				);
			const mapping = await requestedMapping(
				deps,
				actor,
				secureAreaEntriesImport.name,
				body,
				bytes,
			);
			if (body.mode === "dry_run") {
				// In the import worker: a large file must not hold up the server.
				const outcome = await runImportInWorker(deps, {
					kind: secureAreaEntriesImport.name,
					bytes,
					actor,
					options: { mapping },
					dryRun: true,
				});
				return c.json(entryImportReportSchema.parse(outcome.result), 200);
			}
			const importId = await inTransaction(deps.db, (tx) =>
				requestImport(tx, {
					kind: secureAreaEntriesImport,
					actor,
					fileName: body.filename,
					bytes,
					options: { mapping },
				}),
			);
			wakeSchedulers();
			return c.json(await readImport(deps.db, actor, importId), 202);
		})
		.openapi(routes.list, async (c) => c.json(await listVisibleAreas(deps.db, await desk(c)), 200))
		.openapi(routes.create, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) => createArea(tx, d, c.req.valid("json")));
			return c.json(await presentArea(deps.db, d, row), 201);
		})
		.openapi(routes.get, async (c) => c.json(await fresh(c, c.req.valid("param").id), 200))
		.openapi(routes.update, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				updateAreaDetails(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await presentArea(deps.db, d, row), 200);
		})
		.openapi(routes.grant, async (c) => {
			const d = await desk(c);
			const areaId = c.req.valid("param").id;
			await inTransaction(deps.db, (tx) => grantPermit(tx, d, areaId, c.req.valid("json")));
			return c.json(await getArea(deps.db, d, areaId), 200);
		})
		.openapi(routes.revoke, async (c) => {
			const d = await desk(c);
			const { id: areaId, permitId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => revokePermit(tx, d, areaId, permitId));
			return c.json(await getArea(deps.db, d, areaId), 200);
		})
		.openapi(routes.day, async (c) => {
			const d = await desk(c);
			return c.json(
				await dayEntries(deps.db, d, c.req.valid("param").id, c.req.valid("query").day),
				200,
			);
		})
		.openapi(routes.record, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				recordEntry(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			const [entry] = await presentEntries(deps.db, d, [row]);
			return c.json(entry as NonNullable<typeof entry>, 201);
		})
		.openapi(routes.export, async (c) => {
			const file = await exportEntries(
				deps.db,
				await desk(c),
				c.req.valid("param").id,
				c.req.valid("query"),
			);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.exit, async (c) => {
			const d = await desk(c);
			const { id: areaId, entryId } = c.req.valid("param");
			const row = await inTransaction(deps.db, (tx) =>
				recordExit(tx, d, areaId, entryId, c.req.valid("json").exitedAt),
			);
			const [entry] = await presentEntries(deps.db, d, [row]);
			return c.json(entry as NonNullable<typeof entry>, 200);
		})
		.openapi(routes.locate, async (c) => {
			const d = await desk(c);
			const areaId = c.req.valid("param").id;
			await inTransaction(deps.db, (tx) =>
				locateAsset(tx, d, areaId, c.req.valid("json").assetCode),
			);
			return c.json(await getArea(deps.db, d, areaId), 200);
		})
		.openapi(routes.unlocate, async (c) => {
			const d = await desk(c);
			const { id: areaId, assetId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => unlocateAsset(tx, d, areaId, assetId));
			return c.json(await getArea(deps.db, d, areaId), 200);
		});
}
