import { createRoute, z } from "@hono/zod-openapi";
import type { RosterImportTable } from "../../../db/schema.ts";
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
import { requestedMapping } from "../../../platform/imports/saved-mappings.ts";
import { wakeSchedulers } from "../../../platform/jobs/scheduler.ts";
import { datedFileName, templateFileName } from "../../../shared/export-name.ts";
import { tooLarge } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { allowedActions, authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { orgPolicy } from "../org.policy.ts";
import { applicableRoster } from "./apply-roster.ts";
import { discardRoster } from "./discard-roster.ts";
import { downloadRosterPasswords } from "./download-passwords.ts";
import { previewRoster, ROSTER_LIMITS, readRoster } from "./preview-roster.ts";
import { revealRosterPasswords } from "./reveal-passwords.ts";
import { rosterImport } from "./roster.import.ts";
import { findRosterImport } from "./roster.repository.ts";
import {
	importIdParamSchema,
	oneTimePasswordsSchema,
	rosterImportSchema,
	rosterPlanSchema,
	rosterUploadSchema,
} from "./roster.schemas.ts";
import { rosterTemplate } from "./roster-template.ts";

const tags = ["org"];
const STATUSES = ["previewed", "applied", "discarded"] as const;

function present(row: RosterImportTable, actor: Actor): z.infer<typeof rosterImportSchema> {
	const plan = rosterPlanSchema.parse(JSON.parse(row.plan));
	const status = row.status as (typeof STATUSES)[number];
	return {
		id: row.id,
		fileName: row.file_name,
		sha256: row.sha256,
		status,
		createdAt: row.created_at,
		appliedAt: row.applied_at,
		plan,
		allowedActions:
			status === "previewed" && plan.errors.length === 0
				? allowedActions(actor, orgPolicy, ["roster.import"])
				: [],
	};
}

const fileResponse = (type: string, description: string) => ({
	description,
	content: { [type]: { schema: { type: "string" as const } } },
});

const template = createRoute({
	method: "get",
	path: "/roster-template",
	tags,
	security: sessionSecurity,
	summary: "An empty roster with the documented headers and one example row",
	request: { query: z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }) },
	responses: {
		200: {
			description: "The template",
			content: {
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
					schema: { type: "string" as const, format: "binary" },
				},
				"text/csv": { schema: { type: "string" as const } },
			},
		},
		...problemResponses,
	},
});

const upload = createRoute({
	method: "post",
	path: "/roster-imports",
	tags,
	security: sessionSecurity,
	summary: "Upload a roster (XLSX or CSV, base64) and get the preview of every change",
	request: { body: jsonBody(rosterUploadSchema) },
	responses: { 201: jsonResponse(rosterImportSchema, "The stored preview"), ...problemResponses },
});

const get = createRoute({
	method: "get",
	path: "/roster-imports/{id}",
	tags,
	security: sessionSecurity,
	summary: "A stored roster preview",
	request: { params: importIdParamSchema },
	responses: { 200: jsonResponse(rosterImportSchema, "The preview"), ...problemResponses },
});

const apply = createRoute({
	method: "post",
	path: "/roster-imports/{id}/apply",
	tags,
	security: sessionSecurity,
	summary:
		"Apply exactly the previewed changes in one transaction, as a job (202: follow it at " +
		"GET /imports/{id}; then the one-time passwords once)",
	request: { params: importIdParamSchema },
	responses: {
		202: jsonResponse(importJobSchema, "The apply is queued as a job"),
		...problemResponses,
	},
});

const reveal = createRoute({
	method: "post",
	path: "/roster-imports/{id}/one-time-passwords",
	tags,
	security: sessionSecurity,
	summary: "The one-time passwords of the accounts an applied roster created, shown once",
	request: { params: importIdParamSchema },
	responses: {
		200: jsonResponse(oneTimePasswordsSchema, "The passwords (once)"),
		...problemResponses,
	},
});

const discard = createRoute({
	method: "post",
	path: "/roster-imports/{id}/discard",
	tags,
	security: sessionSecurity,
	summary: "Set a preview aside without applying it",
	request: { params: importIdParamSchema },
	responses: { 200: jsonResponse(rosterImportSchema, "Discarded"), ...problemResponses },
});

const passwords = createRoute({
	method: "post",
	path: "/roster-imports/{id}/passwords.csv",
	tags,
	security: sessionSecurity,
	summary: "The one-time passwords of the new accounts as CSV, downloadable once",
	request: { params: importIdParamSchema },
	responses: { 200: fileResponse("text/csv", "CSV (UTF-8 with BOM)"), ...problemResponses },
});

function decodeBase64(text: string): Uint8Array {
	const bytes = Buffer.from(text, "base64");
	if (bytes.length > ROSTER_LIMITS.maxBytes) {
		throw tooLarge(
			`the roster is larger than ${ROSTER_LIMITS.maxBytes} bytes`,
			ROSTER_LIMITS.maxBytes,
		);
	}
	return bytes;
}

export function rosterRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(template, async (c) => {
			const actor = requireActor(c);
			authorize(actor, orgPolicy, "roster.import");
			const { format } = c.req.valid("query");
			const file = await rosterTemplate(deps.db, actor.tenantId, format);
			c.header(
				"content-disposition",
				attachmentDisposition(templateFileName("rosterTemplate", format)),
			);
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(upload, async (c) => {
			const actor = requireActor(c);
			const { fileName, contentBase64, ...chosen } = c.req.valid("json");
			const bytes = decodeBase64(contentBase64);
			// The file is read and bounded before the transaction: a refused file holds no lock.
			const table = await readRoster(actor, bytes, deps.config.xlsx);
			const mapping = await requestedMapping(deps, actor, rosterImport.name, chosen, bytes);
			const row = await inTransaction(deps.db, (tx) =>
				previewRoster(tx, actor, { fileName, bytes, table, mapping }),
			);
			return c.json(present(row, actor), 201);
		})
		.openapi(get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, orgPolicy, "roster.import");
			const { id } = c.req.valid("param");
			const row = await findRosterImport(deps.db, actor.tenantId, id);
			if (!row) throw new Problem("not_found", `roster import ${id} does not exist`);
			return c.json(present(row, actor), 200);
		})
		.openapi(apply, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			// Refused at once when it cannot apply; checked again in the apply's transaction.
			const { found } = await applicableRoster(deps.db, actor, id);
			const jobId = await inTransaction(deps.db, (tx) =>
				requestImport(tx, {
					kind: rosterImport,
					actor,
					fileName: found.file_name,
					bytes: new Uint8Array(0),
					options: { rosterImportId: id },
				}),
			);
			wakeSchedulers();
			return c.json(await readImport(deps.db, actor, jobId), 202);
		})
		.openapi(reveal, async (c) => {
			const actor = requireActor(c);
			const oneTimePasswords = await inTransaction(deps.db, (tx) =>
				revealRosterPasswords(tx, actor, c.req.valid("param").id, deps.secrets),
			);
			return c.json({ oneTimePasswords }, 200);
		})
		.openapi(discard, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				discardRoster(tx, actor, c.req.valid("param").id),
			);
			return c.json(present(row, actor), 200);
		})
		.openapi(passwords, async (c) => {
			const actor = requireActor(c);
			const csv = await inTransaction(deps.db, (tx) =>
				downloadRosterPasswords(tx, actor, c.req.valid("param").id, deps.secrets),
			);
			c.header(
				"content-disposition",
				attachmentDisposition(datedFileName("rosterPasswords", "csv")),
			);
			return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8" });
		});
}
