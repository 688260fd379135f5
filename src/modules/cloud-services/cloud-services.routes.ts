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
import { registerCloudService, updateCloudServiceFields } from "./change-cloud-service.ts";
import { openCloudDesk } from "./cloud-desk.ts";
import { decideCloudService, takeServiceStep } from "./cloud-service-steps.ts";
import { cloudServicesImport } from "./cloud-services.import.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";
import {
	approveCloudServiceSchema,
	cloudServiceExportQuerySchema,
	cloudServiceImportReportSchema,
	cloudServiceImportSchema,
	cloudServiceListSchema,
	cloudServiceOptionsSchema,
	cloudServiceQuerySchema,
	cloudServiceSchema,
	cloudServiceStepSchema,
	refuseCloudServiceSchema,
	registerCloudServiceSchema,
	reviewCloudServiceSchema,
	updateCloudServiceSchema,
} from "./cloud-services.schemas.ts";
import { exportCloudServices } from "./export-cloud-services.ts";
import { CLOUD_IMPORT_LIMITS } from "./import-cloud-services.ts";
import {
	cloudServiceOptions,
	getCloudService,
	listVisibleCloudServices,
	presentCloudService,
} from "./read-cloud-services.ts";

const secured = { tags: ["cloud-services"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const serviceResponse = (description: string) => jsonResponse(cloudServiceSchema, description);

const step = (path: string, summary: string, body: z.ZodType = cloudServiceStepSchema) =>
	createRoute({
		...secured,
		method: "post",
		path: `/cloud-services/{id}/${path}`,
		summary,
		request: { params: idParam, body: jsonBody(body) },
		responses: { 200: serviceResponse("The service"), ...problemResponses },
	});

/** Static paths first: `/cloud-services/options` must not be read as `/cloud-services/{id}`. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/cloud-services/options",
		summary: "What the register's forms offer: units, classes of data, the pack's rules, deciders",
		responses: { 200: jsonResponse(cloudServiceOptionsSchema, "Options"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/cloud-services/export",
		summary: "The register of cloud and external services as XLSX or CSV (re-importable)",
		request: { query: cloudServiceExportQuerySchema },
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
	import: createRoute({
		...secured,
		method: "post",
		path: "/cloud-services/import",
		summary:
			"Check a register file (dry run: the report, every error with row and column), or apply " +
			"it as a job (202: follow it at GET /imports/{id})",
		request: { body: jsonBody(cloudServiceImportSchema) },
		responses: {
			200: jsonResponse(cloudServiceImportReportSchema, "The dry run's report"),
			202: jsonResponse(importJobSchema, "The apply is queued as a job"),
			...problemResponses,
		},
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/cloud-services",
		summary: "Cloud and external services in use or asked for, by state, kind, unit, flags",
		request: { query: cloudServiceQuerySchema },
		responses: { 200: jsonResponse(cloudServiceListSchema, "Services"), ...problemResponses },
	}),
	register: createRoute({
		...secured,
		method: "post",
		path: "/cloud-services",
		summary: "Register a service for a unit (draft): data and class, ISMAP, location, SLA",
		request: { body: jsonBody(registerCloudServiceSchema) },
		responses: { 201: serviceResponse("The new service"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/cloud-services/{id}",
		summary: "One service with its approval and flags",
		request: { params: idParam },
		responses: { 200: serviceResponse("The service"), ...problemResponses },
	}),
	update: createRoute({
		...secured,
		method: "patch",
		path: "/cloud-services/{id}",
		summary: "Change a service's register fields (raising its data above the approval flags it)",
		request: { params: idParam, body: jsonBody(updateCloudServiceSchema) },
		responses: { 200: serviceResponse("The service"), ...problemResponses },
	}),
	request: step("request", "Ask the pack's approver to approve the service"),
	approve: step(
		"approve",
		"Approve a requested service up to a class of data (the pack's approver or delegate)",
		approveCloudServiceSchema,
	),
	refuse: step(
		"refuse",
		"Refuse a requested service, with the reason (required)",
		refuseCloudServiceSchema,
	),
	startUse: step("start-use", "Start using an approved service"),
	review: step(
		"review",
		"Record a review of the service and its next review date",
		reviewCloudServiceSchema,
	),
	retire: step("retire", "Stop using the service"),
};

export function cloudServicesRoutes(deps: AppDeps) {
	const desk = (c: Parameters<typeof requireActor>[0]) => openCloudDesk(deps.db, requireActor(c));
	return createRouter()
		.openapi(routes.options, async (c) => {
			return c.json(await cloudServiceOptions(deps.db, await desk(c)), 200);
		})
		.openapi(routes.export, async (c) => {
			const file = await exportCloudServices(deps.db, await desk(c), c.req.valid("query"));
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.import, async (c) => {
			const actor = requireActor(c);
			authorize(actor, cloudServicesPolicy, "cloud_service.import");
			const { filename, contentBase64, mode, ...chosen } = c.req.valid("json");
			const bytes = Buffer.from(contentBase64, "base64");
			if (bytes.length > CLOUD_IMPORT_LIMITS.maxBytes)
				throw tooLarge(
					`the file is larger than ${CLOUD_IMPORT_LIMITS.maxBytes} bytes`,
					CLOUD_IMPORT_LIMITS.maxBytes,
				);
			const options = {
				mapping: await requestedMapping(deps, actor, cloudServicesImport.name, chosen, bytes),
			};
			if (mode === "dry_run") {
				// In the import worker: a large file must not hold up the server.
				const outcome = await runImportInWorker(deps, {
					kind: cloudServicesImport.name,
					bytes,
					actor,
					options,
					dryRun: true,
				});
				return c.json(cloudServiceImportReportSchema.parse(outcome.result), 200);
			}
			const id = await inTransaction(deps.db, (tx) =>
				requestImport(tx, {
					kind: cloudServicesImport,
					actor,
					fileName: filename,
					bytes,
					options,
				}),
			);
			wakeSchedulers();
			return c.json(await readImport(deps.db, actor, id), 202);
		})
		.openapi(routes.list, async (c) => {
			return c.json(
				await listVisibleCloudServices(deps.db, await desk(c), c.req.valid("query")),
				200,
			);
		})
		.openapi(routes.register, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				registerCloudService(tx, d, c.req.valid("json")),
			);
			return c.json(await presentCloudService(deps.db, d, row), 201);
		})
		.openapi(routes.get, async (c) => {
			return c.json(await getCloudService(deps.db, await desk(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.update, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				updateCloudServiceFields(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await presentCloudService(deps.db, d, row), 200);
		})
		.openapi(routes.request, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json") as { version: number };
			const row = await inTransaction(deps.db, (tx) =>
				takeServiceStep(tx, d, c.req.valid("param").id, "request", body),
			);
			return c.json(await presentCloudService(deps.db, d, row), 200);
		})
		.openapi(routes.approve, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json") as z.infer<typeof approveCloudServiceSchema>;
			const row = await inTransaction(deps.db, (tx) =>
				decideCloudService(tx, d, c.req.valid("param").id, "approve", body),
			);
			return c.json(await presentCloudService(deps.db, d, row), 200);
		})
		.openapi(routes.refuse, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json") as z.infer<typeof refuseCloudServiceSchema>;
			const row = await inTransaction(deps.db, (tx) =>
				decideCloudService(tx, d, c.req.valid("param").id, "refuse", body),
			);
			return c.json(await presentCloudService(deps.db, d, row), 200);
		})
		.openapi(routes.startUse, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json") as { version: number };
			const row = await inTransaction(deps.db, (tx) =>
				takeServiceStep(tx, d, c.req.valid("param").id, "start_use", body),
			);
			return c.json(await presentCloudService(deps.db, d, row), 200);
		})
		.openapi(routes.review, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json") as z.infer<typeof reviewCloudServiceSchema>;
			const row = await inTransaction(deps.db, (tx) =>
				takeServiceStep(tx, d, c.req.valid("param").id, "review", body),
			);
			return c.json(await presentCloudService(deps.db, d, row), 200);
		})
		.openapi(routes.retire, async (c) => {
			const d = await desk(c);
			const body = c.req.valid("json") as { version: number };
			const row = await inTransaction(deps.db, (tx) =>
				takeServiceStep(tx, d, c.req.valid("param").id, "retire", body),
			);
			return c.json(await presentCloudService(deps.db, d, row), 200);
		});
}
