import { createRoute, z } from "@hono/zod-openapi";
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
import { allowedActions, authorize } from "../../authz/policy.ts";
import { openLedger } from "../ledger.ts";
import { addDisposalFile, decodeUpload } from "./add-disposal-file.ts";
import { closeDisposal } from "./close-disposal.ts";
import {
	exportDisposalRegister,
	findDisposals,
	findDisposalView,
	readDisposalFile,
} from "./disposal-register.ts";
import { disposalsPolicy } from "./disposals.policy.ts";
import {
	disposalExportQuerySchema,
	disposalFileSchema,
	disposalFileUploadSchema,
	disposalListSchema,
	disposalQuerySchema,
	disposalSchema,
	recordDisposalSchema,
} from "./disposals.schemas.ts";
import { recordDisposal } from "./record-disposal.ts";

const tags = ["assets"];
const idParam = z.object({ id: z.string().min(1).max(64) });
const fileParam = idParam.extend({ fileId: z.string().min(1).max(64) });

const binary = (type: string) => ({
	[type]: { schema: { type: "string" as const, format: "binary" } },
});

const list = createRoute({
	method: "get",
	path: "/disposals",
	tags,
	security: sessionSecurity,
	summary: "The disposal and lease-return register (廃棄・返却記録簿) of the assets you may see",
	request: { query: disposalQuerySchema },
	responses: { 200: jsonResponse(disposalListSchema, "Disposal records"), ...problemResponses },
});

const exportRegister = createRoute({
	method: "get",
	path: "/disposals/export",
	tags,
	security: sessionSecurity,
	summary: "The disposal register for audits, as XLSX or CSV",
	request: { query: disposalExportQuerySchema },
	responses: {
		200: {
			description: "The register",
			content: {
				...binary("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
				"text/csv": { schema: { type: "string" as const } },
			},
		},
		...problemResponses,
	},
});

const record = createRoute({
	method: "post",
	path: "/assets/{id}/disposals",
	tags,
	security: sessionSecurity,
	summary: "Record the disposal or lease return of an asset",
	request: { params: idParam, body: jsonBody(recordDisposalSchema) },
	responses: { 201: jsonResponse(disposalSchema, "The record"), ...problemResponses },
});

const get = createRoute({
	method: "get",
	path: "/disposals/{id}",
	tags,
	security: sessionSecurity,
	summary: "One disposal record with its files and their SHA-256",
	request: { params: idParam },
	responses: { 200: jsonResponse(disposalSchema, "The record"), ...problemResponses },
});

const upload = createRoute({
	method: "post",
	path: "/disposals/{id}/files",
	tags,
	security: sessionSecurity,
	summary: "Attach an erasure certificate (消去証明書) or a photo (base64)",
	request: { params: idParam, body: jsonBody(disposalFileUploadSchema) },
	responses: { 201: jsonResponse(disposalFileSchema, "The stored file"), ...problemResponses },
});

const download = createRoute({
	method: "get",
	path: "/disposals/{id}/files/{fileId}",
	tags,
	security: sessionSecurity,
	summary: "Download a certificate or photo, checked against its SHA-256",
	request: { params: fileParam },
	responses: {
		200: { description: "The file", content: binary("application/octet-stream") },
		...problemResponses,
	},
});

const close = createRoute({
	method: "post",
	path: "/disposals/{id}/close",
	tags,
	security: sessionSecurity,
	summary: "Close the record: the asset becomes disposed (or returned)",
	request: { params: idParam },
	responses: { 200: jsonResponse(disposalSchema, "The closed record"), ...problemResponses },
});

export function disposalsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, disposalsPolicy, "disposal.read");
			const ledger = await openLedger(deps.db, actor);
			const items = await findDisposals(deps.db, ledger, c.req.valid("query"));
			return c.json({ items, allowedActions: allowedActions(actor, disposalsPolicy) }, 200);
		})
		.openapi(exportRegister, async (c) => {
			const actor = requireActor(c);
			authorize(actor, disposalsPolicy, "disposal.export");
			const ledger = await openLedger(deps.db, actor);
			const file = await exportDisposalRegister(deps.db, ledger, c.req.valid("query"));
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(record, async (c) => {
			const actor = requireActor(c);
			authorize(actor, disposalsPolicy, "disposal.record");
			const ledger = await openLedger(deps.db, actor);
			const row = await inTransaction(deps.db, (tx) =>
				recordDisposal(tx, ledger, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await findDisposalView(deps.db, ledger, row.id), 201);
		})
		.openapi(get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, disposalsPolicy, "disposal.read");
			const ledger = await openLedger(deps.db, actor);
			return c.json(await findDisposalView(deps.db, ledger, c.req.valid("param").id), 200);
		})
		.openapi(upload, async (c) => {
			const actor = requireActor(c);
			authorize(actor, disposalsPolicy, "disposal.record");
			const ledger = await openLedger(deps.db, actor);
			const { kind, fileName, contentBase64 } = c.req.valid("json");
			const bytes = decodeUpload(contentBase64);
			const file = await inTransaction(deps.db, (tx) =>
				addDisposalFile(tx, ledger, c.req.valid("param").id, { kind, fileName, bytes }),
			);
			return c.json(
				{
					id: file.id,
					kind,
					fileName: file.file_name,
					mediaType: file.media_type,
					size: file.size,
					sha256: file.sha256,
					uploadedBy: file.uploaded_by_label,
					uploadedAt: file.uploaded_at,
				},
				201,
			);
		})
		.openapi(download, async (c) => {
			const actor = requireActor(c);
			authorize(actor, disposalsPolicy, "disposal.read");
			const ledger = await openLedger(deps.db, actor);
			const { id, fileId } = c.req.valid("param");
			const { file, bytes } = await readDisposalFile(deps.db, ledger, id, fileId);
			c.header("content-disposition", attachmentDisposition(file.file_name));
			c.header("x-content-sha256", file.sha256);
			return c.body(bytes, 200, { "content-type": file.media_type });
		})
		.openapi(close, async (c) => {
			const actor = requireActor(c);
			authorize(actor, disposalsPolicy, "disposal.record");
			const ledger = await openLedger(deps.db, actor);
			const row = await inTransaction(deps.db, (tx) =>
				closeDisposal(tx, ledger, c.req.valid("param").id),
			);
			return c.json(await findDisposalView(deps.db, ledger, row.id), 200);
		});
}
