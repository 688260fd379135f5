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
	sessionSecurity,
} from "../../http/openapi.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { activeExceptions } from "../exceptions/active-exceptions.ts";
import { exportNetworkReport } from "./export-report.ts";
import { importFirewall } from "./import-firewall.ts";
import { importModel } from "./import-model.ts";
import { networkDrift } from "./model-drift.ts";
import { networkPolicy } from "./network.policy.ts";
import { presentCheck } from "./network.presenter.ts";
import { listNetworkModelRevisions } from "./network.repository.ts";
import {
	checkModelSchema,
	driftSchema,
	firewallImportResultSchema,
	firewallImportSchema,
	importModelResultSchema,
	importModelSchema,
	networkCheckSchema,
	networkModelViewSchema,
	reportQuerySchema,
	saveModelSchema,
} from "./network.schemas.ts";
import { readStoredModel, requireTenantPack } from "./read-model.ts";
import { SAVE_SOURCES, type SaveSource, saveNetworkModel } from "./save-model.ts";
import { validateModel } from "./validate-model.ts";

const tags = ["network"];

const getModel = createRoute({
	method: "get",
	path: "/network/model",
	tags,
	security: sessionSecurity,
	summary:
		"The tenant's three-tier network model with its compliance check (a starter model before the first save)",
	responses: { 200: jsonResponse(networkModelViewSchema, "The model"), ...problemResponses },
});

const putModel = createRoute({
	method: "put",
	path: "/network/model",
	tags,
	security: sessionSecurity,
	summary: "Save the whole model as the next revision; every problem is named by its path",
	request: { body: jsonBody(saveModelSchema) },
	responses: { 200: jsonResponse(networkModelViewSchema, "The saved model"), ...problemResponses },
});

const importRoute = createRoute({
	method: "post",
	path: "/network/model/import",
	tags,
	security: sessionSecurity,
	summary: "Import a model file (YAML or JSON); a dry run lists its problems with line and column",
	request: { body: jsonBody(importModelSchema, "The file as text, or its bytes in base64") },
	responses: { 200: jsonResponse(importModelResultSchema, "The import"), ...problemResponses },
});

const firewallRoute = createRoute({
	method: "post",
	path: "/network/firewall-import",
	tags,
	security: sessionSecurity,
	summary:
		"Add the flows of a firewall rule export (CSV) to the model; a dry run previews row errors",
	request: { body: jsonBody(firewallImportSchema, "The CSV as text, or its bytes in base64") },
	responses: { 200: jsonResponse(firewallImportResultSchema, "The import"), ...problemResponses },
});

const checkRoute = createRoute({
	method: "post",
	path: "/network/check",
	tags,
	security: sessionSecurity,
	summary: "Check a model against the tenant's policy pack without saving it",
	request: { body: jsonBody(checkModelSchema) },
	responses: { 200: jsonResponse(networkCheckSchema, "The check"), ...problemResponses },
});

const binary = (type: string) => ({
	200: {
		description: "The file",
		content: { [type]: { schema: { type: "string" as const, format: "binary" } } },
	},
	...problemResponses,
});
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const reportPdf = createRoute({
	method: "get",
	path: "/network/report.pdf",
	tags,
	security: sessionSecurity,
	summary: "The compliance report of the saved model as a PDF (Japanese font embedded)",
	request: { query: reportQuerySchema },
	responses: binary("application/pdf"),
});

const reportXlsx = createRoute({
	method: "get",
	path: "/network/report.xlsx",
	tags,
	security: sessionSecurity,
	summary: "The compliance report of the saved model as an Excel workbook",
	request: { query: reportQuerySchema },
	responses: binary(XLSX),
});

const driftRoute = createRoute({
	method: "get",
	path: "/network/drift",
	tags,
	security: sessionSecurity,
	summary: "Systems whose tier in the asset ledger differs from where the model places them",
	responses: { 200: jsonResponse(driftSchema, "The differences"), ...problemResponses },
});

function saveSource(stored: string): SaveSource {
	return SAVE_SOURCES.find((source) => source === stored) ?? "edit";
}

export function networkRoutes(deps: AppDeps) {
	async function view(actor: Actor) {
		authorize(actor, networkPolicy, "network.read");
		const pack = await requireTenantPack(deps.db, actor.tenantId);
		const stored = await readStoredModel(deps.db, actor.tenantId);
		const history = await listNetworkModelRevisions(deps.db, actor.tenantId);
		const exceptions = await activeExceptions(deps.db, actor.tenantId);
		return {
			model: stored.model,
			revision: stored.revision,
			updatedAt: stored.updatedAt,
			updatedBy: stored.updatedBy,
			check: presentCheck(stored.model, pack.pack, exceptions),
			history: history.map((row) => ({
				revision: Number(row.revision),
				source: saveSource(row.source),
				savedBy: row.saved_by_label,
				savedAt: row.saved_at,
			})),
			allowedActions: allowedActions(actor, networkPolicy),
		};
	}

	return createRouter()
		.openapi(getModel, async (c) => c.json(await view(requireActor(c)), 200))
		.openapi(putModel, async (c) => {
			const actor = requireActor(c);
			authorize(actor, networkPolicy, "network.edit");
			const { model, baseRevision } = c.req.valid("json");
			const valid = validateModel(model);
			await inTransaction(deps.db, (tx) =>
				saveNetworkModel(tx, actor, valid, { source: "edit", baseRevision }),
			);
			return c.json(await view(actor), 200);
		})
		.openapi(importRoute, async (c) => {
			const actor = requireActor(c);
			return c.json(await importModel(deps.db, actor, c.req.valid("json")), 200);
		})
		.openapi(firewallRoute, async (c) => {
			const actor = requireActor(c);
			const body = c.req.valid("json");
			const result = await importFirewall(deps.db, actor, {
				content:
					body.fileBase64 !== undefined
						? Buffer.from(body.fileBase64, "base64")
						: Buffer.from(body.text ?? "", "utf8"),
				dryRun: body.dryRun,
				baseRevision: body.baseRevision,
			});
			return c.json(result, 200);
		})
		.openapi(checkRoute, async (c) => {
			const actor = requireActor(c);
			authorize(actor, networkPolicy, "network.read");
			const model = validateModel(c.req.valid("json").model);
			const pack = await requireTenantPack(deps.db, actor.tenantId);
			const exceptions = await activeExceptions(deps.db, actor.tenantId);
			return c.json(presentCheck(model, pack.pack, exceptions), 200);
		})
		.openapi(reportPdf, async (c) => {
			const actor = requireActor(c);
			const { lang } = c.req.valid("query");
			const file = await exportNetworkReport(deps.db, actor, "pdf", lang);
			return c.body(new Uint8Array(file.bytes), 200, {
				"Content-Type": "application/pdf",
				"Content-Disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(reportXlsx, async (c) => {
			const actor = requireActor(c);
			const { lang } = c.req.valid("query");
			const file = await exportNetworkReport(deps.db, actor, "xlsx", lang);
			return c.body(new Uint8Array(file.bytes), 200, {
				"Content-Type": XLSX,
				"Content-Disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(driftRoute, async (c) => c.json(await networkDrift(deps.db, requireActor(c)), 200));
}
