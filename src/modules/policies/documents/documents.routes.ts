import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { auditContextOf } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { documentOr404, policyFor, readersOf, rulesFor, seesWorkflow } from "./access.ts";
import { acknowledgementsRoutes } from "./acknowledgements.routes.ts";
import { approveVersion } from "./approve-version.ts";
import { citation, type PolicySection } from "./content.ts";
import { createDocument } from "./create-document.ts";
import { createDraftVersion } from "./create-draft.ts";
import { diffVersions } from "./diff-versions.ts";
import type { DocumentsPolicy } from "./documents.policy.ts";
import {
	presentDocument,
	presentRevision,
	presentSections,
	presentVersionSummary,
	shortName,
} from "./documents.presenter.ts";
import {
	listDocuments,
	listRevisions,
	listVersions,
	type VersionRow,
} from "./documents.repository.ts";
import {
	diffQuerySchema,
	diffSchema,
	documentCreateSchema,
	documentDetailSchema,
	documentSummarySchema,
	draftCreateSchema,
	draftUpdateSchema,
	idParamSchema,
	importDraftResultSchema,
	importUploadSchema,
	publishSchema,
	versionDetailSchema,
	versionSummarySchema,
} from "./documents.schemas.ts";
import { editDraft } from "./edit-draft.ts";
import { importDraft } from "./import-draft.ts";
import { publishVersion } from "./publish-version.ts";
import { readVersion } from "./read-version.ts";
import { documentsMissing, ensureDocuments } from "./seed-documents.ts";
import { returnToDraft, submitForReview } from "./submit-for-review.ts";

const tags = ["policy documents"];
const secured = { tags, security: sessionSecurity } as const;
const idParams = { params: idParamSchema };
const versionOut = (description: string) => jsonResponse(versionSummarySchema, description);

function transitionRoute(path: string, summary: string) {
	return createRoute({
		...secured,
		method: "post",
		path,
		summary,
		request: idParams,
		responses: { 200: versionOut("The version after the change"), ...problemResponses },
	});
}

const routes = {
	list: createRoute({
		...secured,
		method: "get",
		path: "/policy-documents",
		summary:
			"The tenant's policy documents in hierarchy order (created from the pack on first use)",
		responses: {
			200: jsonResponse(z.object({ items: z.array(documentSummarySchema) }), "Documents"),
			...problemResponses,
		},
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/policy-documents",
		summary: "Add a document, such as another set of rules",
		request: { body: jsonBody(documentCreateSchema) },
		responses: { 201: jsonResponse(documentSummarySchema, "Created"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/policy-documents/{id}",
		summary: "One document: its versions (as far as the caller may see) and its 改定履歴",
		request: idParams,
		responses: { 200: jsonResponse(documentDetailSchema, "Document"), ...problemResponses },
	}),
	draft: createRoute({
		...secured,
		method: "post",
		path: "/policy-documents/{id}/drafts",
		summary: "Open a new draft version, blank or copied from the latest",
		request: { ...idParams, body: jsonBody(draftCreateSchema) },
		responses: { 201: versionOut("Draft"), ...problemResponses },
	}),
	importDraft: createRoute({
		...secured,
		method: "post",
		path: "/policy-documents/{id}/imports",
		summary: "Build a draft version from the plain text of an existing policy",
		request: { ...idParams, body: jsonBody(importUploadSchema) },
		responses: { 201: jsonResponse(importDraftResultSchema, "Draft"), ...problemResponses },
	}),
	version: createRoute({
		...secured,
		method: "get",
		path: "/policy-versions/{id}",
		summary: "A version with its sections; reads of non-public documents are audit-logged",
		request: idParams,
		responses: { 200: jsonResponse(versionDetailSchema, "Version"), ...problemResponses },
	}),
	edit: createRoute({
		...secured,
		method: "patch",
		path: "/policy-versions/{id}",
		summary: "Edit a draft",
		request: { ...idParams, body: jsonBody(draftUpdateSchema) },
		responses: { 200: versionOut("Edited"), ...problemResponses },
	}),
	submit: transitionRoute("/policy-versions/{id}/submit", "Send a draft for review"),
	sendBack: transitionRoute("/policy-versions/{id}/return", "Return a version in review to draft"),
	approve: transitionRoute(
		"/policy-versions/{id}/approve",
		"Approve a version in review (the approver the pack names)",
	),
	publish: createRoute({
		...secured,
		method: "post",
		path: "/policy-versions/{id}/publish",
		summary: "Publish an approved version to all staff or chosen units",
		request: { ...idParams, body: jsonBody(publishSchema) },
		responses: { 200: versionOut("Published"), ...problemResponses },
	}),
	diff: createRoute({
		...secured,
		method: "get",
		path: "/policy-versions/{id}/diff",
		summary: "新旧対照表: this version against another version of the same document",
		request: { ...idParams, query: diffQuerySchema },
		responses: { 200: jsonResponse(diffSchema, "Diff"), ...problemResponses },
	}),
};

function visibleVersions(actor: Actor, policy: DocumentsPolicy, versions: VersionRow[]) {
	return seesWorkflow(actor, policy)
		? versions
		: versions.filter((v) => v.status === "published" || v.status === "superseded");
}

export function documentsRoutes(deps: AppDeps) {
	const summary = async (actor: Actor, version: VersionRow) =>
		presentVersionSummary(version, actor, await rulesFor(deps.db, actor));

	return createRouter()
		.openapi(routes.list, async (c) => {
			const actor = requireActor(c);
			const policy = await policyFor(deps.db, actor);
			authorize(actor, policy, "policy_document.read");
			let documents = await listDocuments(deps.db, actor.tenantId);
			if (await documentsMissing(deps.db, actor.tenantId, documents)) {
				await inTransaction(deps.db, (tx) => ensureDocuments(tx, auditContextOf(actor)));
				documents = await listDocuments(deps.db, actor.tenantId);
			}
			const versions = await listVersions(
				deps.db,
				actor.tenantId,
				documents.map((d) => d.id),
			);
			return c.json(
				{ items: documents.map((d) => presentDocument(d, versions, actor, policy)) },
				200,
			);
		})
		.openapi(routes.create, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				createDocument(tx, actor, c.req.valid("json")),
			);
			return c.json(presentDocument(row, [], actor, await policyFor(deps.db, actor)), 201);
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			const rules = await rulesFor(deps.db, actor);
			const { policy } = rules;
			authorize(actor, policy, "policy_document.read");
			const document = await documentOr404(deps.db, actor, c.req.valid("param").id);
			const versions = visibleVersions(
				actor,
				policy,
				await listVersions(deps.db, actor.tenantId, [document.id]),
			);
			const revisions = await listRevisions(deps.db, actor.tenantId, document.id);
			return c.json(
				{
					...presentDocument(document, versions, actor, policy),
					versions: versions.map((v) => presentVersionSummary(v, actor, rules)),
					revisions: revisions.map((r) => presentRevision(r, versions)),
					readerRoles: [...(readersOf(policy, document) ?? ["staff"])],
					drafterRoles: [...policy["policy_version.draft"]],
				},
				200,
			);
		})
		.openapi(routes.draft, async (c) => {
			const actor = requireActor(c);
			const input = c.req.valid("json");
			const version = await inTransaction(deps.db, (tx) =>
				createDraftVersion(tx, actor, c.req.valid("param").id, {
					title: null,
					changeSummary: input.changeSummary,
					sections: [],
					source: input.from,
					warnings: 0,
				}),
			);
			return c.json(await summary(actor, version), 201);
		})
		.openapi(routes.importDraft, async (c) => {
			const actor = requireActor(c);
			const result = await inTransaction(deps.db, (tx) =>
				importDraft(tx, actor, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(
				{ version: await summary(actor, result.version), warnings: result.warnings },
				201,
			);
		})
		.openapi(routes.version, async (c) => {
			const actor = requireActor(c);
			const { version, document, rules } = await readVersion(
				deps.db,
				actor,
				c.req.valid("param").id,
			);
			const versions = await listVersions(deps.db, actor.tenantId, [document.id]);
			const sections = JSON.parse(version.content) as PolicySection[];
			return c.json(
				{
					...presentVersionSummary(version, actor, rules),
					document: presentDocument(document, versions, actor, rules.policy),
					sections: presentSections(shortName(document), sections),
				},
				200,
			);
		})
		.openapi(routes.edit, async (c) => {
			const actor = requireActor(c);
			const version = await inTransaction(deps.db, (tx) =>
				editDraft(tx, actor, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await summary(actor, version), 200);
		})
		.openapi(routes.submit, async (c) => {
			const actor = requireActor(c);
			const id = c.req.valid("param").id;
			const version = await inTransaction(deps.db, (tx) => submitForReview(tx, actor, id));
			return c.json(await summary(actor, version), 200);
		})
		.openapi(routes.sendBack, async (c) => {
			const actor = requireActor(c);
			const id = c.req.valid("param").id;
			const version = await inTransaction(deps.db, (tx) => returnToDraft(tx, actor, id));
			return c.json(await summary(actor, version), 200);
		})
		.openapi(routes.approve, async (c) => {
			const actor = requireActor(c);
			const id = c.req.valid("param").id;
			const version = await inTransaction(deps.db, (tx) => approveVersion(tx, actor, id));
			return c.json(await summary(actor, version), 200);
		})
		.openapi(routes.publish, async (c) => {
			const actor = requireActor(c);
			const id = c.req.valid("param").id;
			const version = await inTransaction(deps.db, (tx) =>
				publishVersion(tx, actor, id, c.req.valid("json")),
			);
			return c.json(await summary(actor, version), 200);
		})
		.openapi(routes.diff, async (c) => {
			const actor = requireActor(c);
			const rules = await rulesFor(deps.db, actor);
			const result = await diffVersions(
				deps.db,
				actor,
				c.req.valid("param").id,
				c.req.valid("query").against,
			);
			const versions = await listVersions(deps.db, actor.tenantId, [result.document.id]);
			const name = shortName(result.document);
			return c.json(
				{
					document: presentDocument(result.document, versions, actor, rules.policy),
					before: presentVersionSummary(result.before, actor, rules),
					after: presentVersionSummary(result.after, actor, rules),
					rows: result.rows.map((row) => ({ ...row, citation: citation(name, row.anchor) })),
				},
				200,
			);
		})
		.route("/", acknowledgementsRoutes(deps));
}
