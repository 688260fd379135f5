import { createRoute } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { attachmentDisposition } from "../../../http/content-disposition.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { importJobSchema } from "../../../platform/imports/imports.schemas.ts";
import { readImport } from "../../../platform/imports/present-import.ts";
import { requestImport } from "../../../platform/imports/request-import.ts";
import { runImportInWorker } from "../../../platform/imports/run-import.ts";
import { wakeSchedulers } from "../../../platform/jobs/scheduler.ts";
import { datedFileName, templateFileName } from "../../../shared/export-name.ts";
import { tooLarge } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { authorize } from "../../authz/policy.ts";
import { addBundledChecklist } from "./add-bundled-checklist.ts";
import { checklistImport } from "./checklist.import.ts";
import { XLSX_TYPE } from "./checklist-workbook.ts";
import { checklistsPolicy } from "./checklists.policy.ts";
import { findChecklist } from "./checklists.repository.ts";
import {
	addBundledSchema,
	checklistDetailSchema,
	checklistIdParamSchema,
	checklistImportReportSchema,
	checklistImportSchema,
	checklistListSchema,
	checklistSummarySchema,
	checklistVersionDetailSchema,
	checklistVersionParamSchema,
} from "./checklists.schemas.ts";
import { CHECKLIST_IMPORT_LIMITS } from "./read-checklist-workbook.ts";
import {
	checklistTemplate,
	exportChecklistVersion,
	getChecklist,
	getChecklistVersion,
	listTenantChecklists,
	presentChecklist,
} from "./read-checklists.ts";

const secured = { tags: ["assurance checklists"], security: sessionSecurity };
const xlsxResponse = (description: string) => ({
	description,
	content: { [XLSX_TYPE]: { schema: { type: "string" as const, format: "binary" } } },
});

/** Static paths first: `/assurance/checklists/template` must not be read as `{id}`. */
const routes = {
	list: createRoute({
		...secured,
		method: "get",
		path: "/assurance/checklists",
		summary:
			"The tenant's checklists of self-inspection and audit (its pack's bundled ones are added on first visit), and the bundled ones it may add",
		responses: { 200: jsonResponse(checklistListSchema, "Checklists"), ...problemResponses },
	}),
	addBundled: createRoute({
		...secured,
		method: "post",
		path: "/assurance/checklists/bundled",
		summary: "Add a bundled checklist, or take its items as the next version of the tenant's copy",
		request: { body: jsonBody(addBundledSchema) },
		responses: {
			201: jsonResponse(checklistSummarySchema, "The checklist"),
			...problemResponses,
		},
	}),
	import: createRoute({
		...secured,
		method: "post",
		path: "/assurance/checklists/import",
		summary:
			"Check a checklist workbook (dry run: every error with sheet, row and column), or save it as a new checklist or the next version of one, as a job (202: follow it at GET /imports/{id})",
		request: { body: jsonBody(checklistImportSchema) },
		responses: {
			200: jsonResponse(checklistImportReportSchema, "The dry run's report"),
			202: jsonResponse(importJobSchema, "The import is queued as a job"),
			...problemResponses,
		},
	}),
	template: createRoute({
		...secured,
		method: "get",
		path: "/assurance/checklists/template",
		summary: "An empty checklist workbook in the documented layout, with its codes sheet",
		responses: { 200: xlsxResponse("The template"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/assurance/checklists/{id}",
		summary: "One checklist with its versions, latest first",
		request: { params: checklistIdParamSchema },
		responses: { 200: jsonResponse(checklistDetailSchema, "The checklist"), ...problemResponses },
	}),
	version: createRoute({
		...secured,
		method: "get",
		path: "/assurance/checklists/{id}/versions/{version}",
		summary: "A version of a checklist with its items",
		request: { params: checklistVersionParamSchema },
		responses: {
			200: jsonResponse(checklistVersionDetailSchema, "The version"),
			...problemResponses,
		},
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/assurance/checklists/{id}/versions/{version}/export",
		summary: "A version of a checklist as an XLSX workbook in the documented layout",
		request: { params: checklistVersionParamSchema },
		responses: { 200: xlsxResponse("The checklist"), ...problemResponses },
	}),
};

function decodeBase64(text: string): Uint8Array {
	const bytes = Buffer.from(text, "base64");
	const max = CHECKLIST_IMPORT_LIMITS.maxBytes;
	if (bytes.length > max) throw tooLarge(`the file is larger than ${max} bytes`, max);
	return bytes;
}

/** A name part of a file: no separators, not too long. */
function namePart(text: string): string {
	return text.replace(/[\\/:*?"<>|\s]+/gu, "_").slice(0, 60);
}

export function checklistsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.list, async (c) => {
			return c.json(await listTenantChecklists(deps.db, requireActor(c)), 200);
		})
		.openapi(routes.addBundled, async (c) => {
			const actor = requireActor(c);
			const { bundledId } = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) => addBundledChecklist(tx, actor, bundledId));
			const detail = await getChecklist(deps.db, actor, row.id);
			return c.json(presentChecklist(row, detail.itemCount), 201);
		})
		.openapi(routes.import, async (c) => {
			const actor = requireActor(c);
			authorize(actor, checklistsPolicy, "assurance_checklist.manage");
			const { filename, contentBase64, mode, checklistId } = c.req.valid("json");
			if (checklistId && !(await findChecklist(deps.db, actor.tenantId, checklistId))) {
				throw new Problem("not_found", `checklist ${checklistId} does not exist`);
			}
			const bytes = decodeBase64(contentBase64);
			const options = { checklistId: checklistId ?? null, fileName: filename };
			if (mode === "dry_run") {
				// Read in the import worker: parsing a workbook must not hold up the server.
				const outcome = await runImportInWorker(deps, {
					kind: checklistImport.name,
					bytes,
					actor,
					options,
					dryRun: true,
				});
				return c.json(checklistImportReportSchema.parse(outcome.result), 200);
			}
			const id = await inTransaction(deps.db, (tx) =>
				requestImport(tx, { kind: checklistImport, actor, fileName: filename, bytes, options }),
			);
			wakeSchedulers();
			return c.json(await readImport(deps.db, actor, id), 202);
		})
		.openapi(routes.template, async (c) => {
			const bytes = await checklistTemplate(deps.db, requireActor(c));
			return c.body(new Uint8Array(bytes), 200, {
				"Content-Type": XLSX_TYPE,
				"Content-Disposition": attachmentDisposition(templateFileName("checklistTemplate", "xlsx")),
			});
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			return c.json(await getChecklist(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(routes.version, async (c) => {
			const actor = requireActor(c);
			const { id, version } = c.req.valid("param");
			return c.json(await getChecklistVersion(deps.db, actor, id, version), 200);
		})
		.openapi(routes.export, async (c) => {
			const actor = requireActor(c);
			const { id, version } = c.req.valid("param");
			const file = await exportChecklistVersion(deps.db, actor, id, version);
			const name = datedFileName("checklist", "xlsx", new Date(), [
				namePart(file.title),
				`第${version}版`,
			]);
			return c.body(new Uint8Array(file.bytes), 200, {
				"Content-Type": XLSX_TYPE,
				"Content-Disposition": attachmentDisposition(name),
			});
		});
}
