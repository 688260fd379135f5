import { createRoute } from "@hono/zod-openapi";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { attachmentDisposition } from "../../http/content-disposition.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionOrToken,
} from "../../http/openapi.ts";
import { importJobSchema } from "../../platform/imports/imports.schemas.ts";
import { readImport } from "../../platform/imports/present-import.ts";
import { requestImport } from "../../platform/imports/request-import.ts";
import { runImportInWorker } from "../../platform/imports/run-import.ts";
import { requestedMapping } from "../../platform/imports/saved-mappings.ts";
import { wakeSchedulers } from "../../platform/jobs/scheduler.ts";
import { datedFileName, templateFileName } from "../../shared/export-name.ts";
import { tooLarge } from "../../shared/issues.ts";
import { authorize } from "../authz/policy.ts";
import {
	assetExportQuerySchema,
	assetImportReportSchema,
	assetImportSchema,
	fileFormatSchema,
} from "./asset-transfer.schemas.ts";
import { assetsPolicy } from "./assets.policy.ts";
import { exportAssets, ledgerTemplate, XLSX_TYPE } from "./export-assets.ts";
import { ASSET_IMPORT_LIMITS } from "./import-assets.ts";
import { ledgerImport } from "./ledger.import.ts";

const tags = ["assets"];

const fileResponse = (description: string) => ({
	description,
	content: {
		[XLSX_TYPE]: { schema: { type: "string" as const, format: "binary" } },
		"text/csv": { schema: { type: "string" as const } },
	},
});

const importRoute = createRoute({
	method: "post",
	path: "/assets/import",
	tags,
	security: sessionOrToken("assets:import"),
	summary:
		"Check a ledger file (dry run: the report, every row's errors with row and column), or " +
		"apply it as a job (202: follow it at GET /imports/{id})",
	request: { body: jsonBody(assetImportSchema) },
	responses: {
		200: jsonResponse(assetImportReportSchema, "The dry run's report"),
		202: jsonResponse(importJobSchema, "The apply is queued as a job"),
		...problemResponses,
	},
});

const exportRoute = createRoute({
	method: "get",
	path: "/assets/export",
	tags,
	security: sessionOrToken("assets:read"),
	summary: "The assets you may see under the ledger's filters, as XLSX or CSV",
	request: { query: assetExportQuerySchema },
	responses: { 200: fileResponse("The ledger file"), ...problemResponses },
});

const templateRoute = createRoute({
	method: "get",
	path: "/assets/template",
	tags,
	security: sessionOrToken("assets:import"),
	summary: "An empty ledger in the documented layout (XLSX adds a sheet of allowed values)",
	request: { query: fileFormatSchema },
	responses: { 200: fileResponse("The template"), ...problemResponses },
});

function decodeBase64(text: string): Uint8Array {
	const bytes = Buffer.from(text, "base64");
	if (bytes.length > ASSET_IMPORT_LIMITS.maxBytes) {
		throw tooLarge(
			`the file is larger than ${ASSET_IMPORT_LIMITS.maxBytes} bytes`,
			ASSET_IMPORT_LIMITS.maxBytes,
		);
	}
	return bytes;
}

export function assetTransferRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(importRoute, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.import");
			const { filename, contentBase64, mode, skipInvalid, ...chosen } = c.req.valid("json");
			const bytes = decodeBase64(contentBase64);
			// A saved mapping is checked against this file's header first (refused when it changed).
			const mapping = await requestedMapping(deps, actor, ledgerImport.name, chosen, bytes);
			if (mode === "dry_run") {
				// Checked in the import worker too: a large file must not hold up the server.
				const outcome = await runImportInWorker(deps, {
					kind: ledgerImport.name,
					bytes,
					actor,
					options: { skipInvalid, mapping },
					dryRun: true,
				});
				return c.json(assetImportReportSchema.parse(outcome.result), 200);
			}
			const id = await inTransaction(deps.db, (tx) =>
				requestImport(tx, {
					kind: ledgerImport,
					actor,
					fileName: filename,
					bytes,
					options: { skipInvalid, mapping },
				}),
			);
			wakeSchedulers();
			return c.json(await readImport(deps.db, actor, id), 202);
		})
		.openapi(exportRoute, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.read");
			const { format, ...filter } = c.req.valid("query");
			const file = await exportAssets(deps.db, actor, filter, format);
			return c.body(new Uint8Array(file.bytes), 200, {
				"Content-Type": file.type,
				"Content-Disposition": attachmentDisposition(datedFileName("assetLedger", format)),
			});
		})
		.openapi(templateRoute, async (c) => {
			const actor = requireActor(c);
			authorize(actor, assetsPolicy, "asset.import");
			const { format } = c.req.valid("query");
			const file = await ledgerTemplate(deps.db, actor, format);
			return c.body(new Uint8Array(file.bytes), 200, {
				"Content-Type": file.type,
				"Content-Disposition": attachmentDisposition(
					templateFileName("assetLedgerTemplate", format),
				),
			});
		});
}
