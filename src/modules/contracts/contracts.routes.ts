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
import type { ImportKind } from "../../platform/imports/import-kind.ts";
import { importJobSchema } from "../../platform/imports/imports.schemas.ts";
import { readImport } from "../../platform/imports/present-import.ts";
import { requestImport } from "../../platform/imports/request-import.ts";
import { runImportInWorker } from "../../platform/imports/run-import.ts";
import { requestedMapping } from "../../platform/imports/saved-mappings.ts";
import { wakeSchedulers } from "../../platform/jobs/scheduler.ts";
import { tooLarge } from "../../shared/issues.ts";
import { authorize } from "../authz/policy.ts";
import { checkAllClauses } from "./clause-check.ts";
import { readCheckEvidence, recordContractCheck } from "./contract-checks.ts";
import { openContractDesk } from "./contract-desk.ts";
import {
	createContractor,
	getContractor,
	listVisibleContractors,
	presentContractor,
	updateContractor,
} from "./contractors.ts";
import { contractorsImport, contractsImport } from "./contracts.import.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	clauseCheckResultSchema,
	contractCheckInputSchema,
	contractEndSchema,
	contractImportReportSchema,
	contractImportSchema,
	contractInputSchema,
	contractListSchema,
	contractOptionsSchema,
	contractorInputSchema,
	contractorListSchema,
	contractorQuerySchema,
	contractorSchema,
	contractorUpdateSchema,
	contractQuerySchema,
	contractSchema,
	contractUpdateSchema,
	exportQuerySchema,
	subcontractDecisionSchema,
	subcontractInputSchema,
} from "./contracts.schemas.ts";
import { CONTRACT_IMPORT_LIMITS, exportContractors, exportContracts } from "./contracts-io.ts";
import { endContract, readEndCertificate } from "./end-contract.ts";
import {
	contractOptions,
	getContract,
	listVisibleContracts,
	presentContract,
} from "./read-contracts.ts";
import { createContract, updateContract, visibleContract } from "./save-contract.ts";
import { decideSubcontract, requestSubcontract } from "./subcontracts.ts";

const secured = { tags: ["contracts"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const subParam = idParam.extend({ subId: z.string().min(1).max(64) });
const checkParam = idParam.extend({ checkId: z.string().min(1).max(64) });
const contractResponse = (description: string) => jsonResponse(contractSchema, description);
const fileContent = {
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
		schema: { type: "string" as const, format: "binary" },
	},
	"text/csv": { schema: { type: "string" as const } },
};
const binary = {
	"application/octet-stream": { schema: { type: "string" as const, format: "binary" } },
};

const importRoute = (path: string, what: string) =>
	createRoute({
		...secured,
		method: "post",
		path,
		summary:
			`Check a file of ${what} (dry run: the report, every error with row and column), or apply ` +
			"it as a job (202: follow it at GET /imports/{id})",
		request: { body: jsonBody(contractImportSchema) },
		responses: {
			200: jsonResponse(contractImportReportSchema, "The dry run's report"),
			202: jsonResponse(importJobSchema, "The apply is queued as a job"),
			...problemResponses,
		},
	});

/** Static paths first: `/contracts/options` must not be read as `/contracts/{id}`. */
const routes = {
	contractorImport: importRoute("/contractors/import", "contractors (委託先)"),
	import: importRoute("/contracts/import", "contracts (業務委託)"),
	contractorExport: createRoute({
		...secured,
		method: "get",
		path: "/contractors/export",
		summary: "The contractors (委託先) as XLSX or CSV, in the layout the import reads",
		request: { query: exportQuerySchema },
		responses: { 200: { description: "The file", content: fileContent }, ...problemResponses },
	}),
	contractors: createRoute({
		...secured,
		method: "get",
		path: "/contractors",
		summary: "Contractors (委託先) by code, with how many contracts each has",
		request: { query: contractorQuerySchema },
		responses: { 200: jsonResponse(contractorListSchema, "Contractors"), ...problemResponses },
	}),
	createContractor: createRoute({
		...secured,
		method: "post",
		path: "/contractors",
		summary: "Register a contractor",
		request: { body: jsonBody(contractorInputSchema) },
		responses: { 201: jsonResponse(contractorSchema, "The contractor"), ...problemResponses },
	}),
	contractor: createRoute({
		...secured,
		method: "get",
		path: "/contractors/{id}",
		summary: "One contractor",
		request: { params: idParam },
		responses: { 200: jsonResponse(contractorSchema, "The contractor"), ...problemResponses },
	}),
	updateContractor: createRoute({
		...secured,
		method: "put",
		path: "/contractors/{id}",
		summary: "Change a contractor",
		request: { params: idParam, body: jsonBody(contractorUpdateSchema) },
		responses: { 200: jsonResponse(contractorSchema, "The contractor"), ...problemResponses },
	}),
	options: createRoute({
		...secured,
		method: "get",
		path: "/contracts/options",
		summary: "The pack's clause checklist, the units one registers for, who decides 再委託",
		responses: { 200: jsonResponse(contractOptionsSchema, "Options"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/contracts/export",
		summary: "The contracts as XLSX or CSV, in the layout the import reads",
		request: { query: exportQuerySchema },
		responses: { 200: { description: "The file", content: fileContent }, ...problemResponses },
	}),
	checkClauses: createRoute({
		...secured,
		method: "post",
		path: "/contracts/clause-check",
		summary: "Check every contract's clauses against the classification of its assets now",
		responses: { 200: jsonResponse(clauseCheckResultSchema, "The result"), ...problemResponses },
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/contracts",
		summary: "Contracts (業務委託) the caller sees, by state, contractor, unit and clause gaps",
		request: { query: contractQuerySchema },
		responses: { 200: jsonResponse(contractListSchema, "Contracts"), ...problemResponses },
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/contracts",
		summary: "Register a contract: contractor, purpose, assets handled, clauses it contains",
		request: { body: jsonBody(contractInputSchema) },
		responses: { 201: contractResponse("The contract"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/contracts/{id}",
		summary: "One contract with its clause gaps, 再委託 requests, checks and end",
		request: { params: idParam },
		responses: { 200: contractResponse("The contract"), ...problemResponses },
	}),
	update: createRoute({
		...secured,
		method: "put",
		path: "/contracts/{id}",
		summary: "Change a contract (clauses, assets, period…); its gaps are worked out anew",
		request: { params: idParam, body: jsonBody(contractUpdateSchema) },
		responses: { 200: contractResponse("The contract"), ...problemResponses },
	}),
	requestSubcontract: createRoute({
		...secured,
		method: "post",
		path: "/contracts/{id}/subcontracts",
		summary: "Record a 再委託 request, for the pack's approver to decide",
		request: { params: idParam, body: jsonBody(subcontractInputSchema) },
		responses: { 201: contractResponse("The contract"), ...problemResponses },
	}),
	decideSubcontract: createRoute({
		...secured,
		method: "post",
		path: "/contracts/{id}/subcontracts/{subId}/decision",
		summary: "Approve or refuse a 再委託 request (the pack's approver or delegate)",
		request: { params: subParam, body: jsonBody(subcontractDecisionSchema) },
		responses: { 200: contractResponse("The contract"), ...problemResponses },
	}),
	recordCheck: createRoute({
		...secured,
		method: "post",
		path: "/contracts/{id}/checks",
		summary: "Record a periodic check of the contractor; a failed item raises a finding",
		request: { params: idParam, body: jsonBody(contractCheckInputSchema) },
		responses: { 201: contractResponse("The contract"), ...problemResponses },
	}),
	checkEvidence: createRoute({
		...secured,
		method: "get",
		path: "/contracts/{id}/checks/{checkId}/evidence",
		summary: "Download a check's evidence, with its SHA-256",
		request: { params: checkParam },
		responses: { 200: { description: "The file", content: binary }, ...problemResponses },
	}),
	end: createRoute({
		...secured,
		method: "post",
		path: "/contracts/{id}/end",
		summary: "End a contract: data returned or erased, with the certificate",
		request: { params: idParam, body: jsonBody(contractEndSchema) },
		responses: { 200: contractResponse("The contract"), ...problemResponses },
	}),
	certificate: createRoute({
		...secured,
		method: "get",
		path: "/contracts/{id}/end/certificate",
		summary: "Download the return or erasure certificate, with its SHA-256",
		request: { params: idParam },
		responses: { 200: { description: "The file", content: binary }, ...problemResponses },
	}),
};

type Ctx = Parameters<typeof requireActor>[0];

/** A dry run in the import worker (the report), or an apply queued as a job (202). */
async function importFile(deps: AppDeps, c: Ctx, kind: ImportKind, body: ImportBody) {
	const actor = requireActor(c);
	authorize(actor, contractsPolicy, "contract.import");
	const bytes = Buffer.from(body.contentBase64, "base64");
	if (bytes.length > CONTRACT_IMPORT_LIMITS.maxBytes)
		throw tooLarge(
			`the file is larger than ${CONTRACT_IMPORT_LIMITS.maxBytes} bytes`,
			CONTRACT_IMPORT_LIMITS.maxBytes,
		);
	const options = { mapping: await requestedMapping(deps, actor, kind.name, body, bytes) };
	if (body.mode === "dry_run") {
		// In the import worker: a large file must not hold up the server.
		const outcome = await runImportInWorker(deps, {
			kind: kind.name,
			bytes,
			actor,
			options,
			dryRun: true,
		});
		return { status: 200 as const, body: contractImportReportSchema.parse(outcome.result) };
	}
	const id = await inTransaction(deps.db, (tx) =>
		requestImport(tx, { kind, actor, fileName: body.filename, bytes, options }),
	);
	wakeSchedulers();
	return { status: 202 as const, job: await readImport(deps.db, actor, id) };
}
type ImportBody = z.infer<typeof contractImportSchema>;

export function contractsRoutes(deps: AppDeps) {
	const desk = (c: Ctx) => openContractDesk(deps.db, requireActor(c));
	return createRouter()
		.openapi(routes.contractorImport, async (c) => {
			const out = await importFile(deps, c, contractorsImport, c.req.valid("json"));
			return out.status === 200 ? c.json(out.body, 200) : c.json(out.job, 202);
		})
		.openapi(routes.import, async (c) => {
			const out = await importFile(deps, c, contractsImport, c.req.valid("json"));
			return out.status === 200 ? c.json(out.body, 200) : c.json(out.job, 202);
		})
		.openapi(routes.contractorExport, async (c) => {
			const file = await exportContractors(deps.db, await desk(c), c.req.valid("query").format);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.contractors, async (c) => {
			return c.json(
				await listVisibleContractors(deps.db, await desk(c), c.req.valid("query")),
				200,
			);
		})
		.openapi(routes.createContractor, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				createContractor(tx, d, c.req.valid("json")),
			);
			return c.json(presentContractor(row), 201);
		})
		.openapi(routes.contractor, async (c) => {
			return c.json(await getContractor(deps.db, await desk(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.updateContractor, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				updateContractor(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(presentContractor(row), 200);
		})
		.openapi(routes.options, async (c) => {
			return c.json(await contractOptions(deps.db, await desk(c)), 200);
		})
		.openapi(routes.export, async (c) => {
			const file = await exportContracts(deps.db, await desk(c), c.req.valid("query").format);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.checkClauses, async (c) => {
			return c.json(await checkAllClauses(deps.db, await desk(c)), 200);
		})
		.openapi(routes.list, async (c) => {
			return c.json(await listVisibleContracts(deps.db, await desk(c), c.req.valid("query")), 200);
		})
		.openapi(routes.create, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) => createContract(tx, d, c.req.valid("json")));
			return c.json(await presentContract(deps.db, d, row), 201);
		})
		.openapi(routes.get, async (c) => {
			return c.json(await getContract(deps.db, await desk(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.update, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				updateContract(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await presentContract(deps.db, d, row), 200);
		})
		.openapi(routes.requestSubcontract, async (c) => {
			const d = await desk(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => requestSubcontract(tx, d, id, c.req.valid("json")));
			return c.json(await presentContract(deps.db, d, await visibleContract(deps.db, d, id)), 201);
		})
		.openapi(routes.decideSubcontract, async (c) => {
			const d = await desk(c);
			const { id, subId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) =>
				decideSubcontract(tx, d, id, subId, c.req.valid("json")),
			);
			return c.json(await presentContract(deps.db, d, await visibleContract(deps.db, d, id)), 200);
		})
		.openapi(routes.recordCheck, async (c) => {
			const d = await desk(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => recordContractCheck(tx, d, id, c.req.valid("json")));
			return c.json(await presentContract(deps.db, d, await visibleContract(deps.db, d, id)), 201);
		})
		.openapi(routes.checkEvidence, async (c) => {
			const { id, checkId } = c.req.valid("param");
			const file = await readCheckEvidence(deps.db, await desk(c), id, checkId);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			c.header("x-content-sha256", file.sha256);
			return c.body(file.bytes, 200, { "content-type": file.mediaType });
		})
		.openapi(routes.end, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				endContract(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await presentContract(deps.db, d, row), 200);
		})
		.openapi(routes.certificate, async (c) => {
			const file = await readEndCertificate(deps.db, await desk(c), c.req.valid("param").id);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			c.header("x-content-sha256", file.sha256);
			return c.body(file.bytes, 200, { "content-type": file.mediaType });
		});
}
