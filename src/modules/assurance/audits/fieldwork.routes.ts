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
import { decodeUpload } from "../../../shared/uploaded-file.ts";
import { authorize } from "../../authz/policy.ts";
import { FINDING_SEVERITIES } from "../findings/findings.schemas.ts";
import { exportAuditReportPdf, exportAuditReportXlsx } from "./audit-report.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { auditSchema } from "./audits.schemas.ts";
import { checklistChoicesOf, chooseChecklist } from "./choose-checklist.ts";
import {
	auditEvidenceSchema,
	checklistChoicesSchema,
	chooseChecklistSchema,
	evidenceUploadSchema,
	FIELDWORK_LIMITS,
	fieldworkSchema,
	raiseAuditFindingSchema,
	recordResultSchema,
} from "./fieldwork.schemas.ts";
import { raiseAuditFinding } from "./raise-audit-finding.ts";
import { presentAudit } from "./read-audits.ts";
import { getFieldwork } from "./read-fieldwork.ts";
import {
	addResultEvidence,
	presentAuditEvidence,
	readResultEvidence,
	recordResult,
} from "./record-result.ts";

/** An audit's checklist choice, fieldwork (results, evidence, findings) and its report. */

const secured = { tags: ["assurance"], security: sessionSecurity };
const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const resultParam = z.object({ id, unitId: id, itemId: id });
const evidenceParam = z.object({ id, evidenceId: id });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";
const binary = (type: string) => ({
	[type]: { schema: { type: "string" as const, format: "binary" } },
});
const raisedSchema = z
	.object({
		id: z.string(),
		reference: z.string(),
		severity: z.enum(FINDING_SEVERITIES),
		state: z.string(),
	})
	.openapi("AuditFindingRaised");
const resultOut = z
	.object({
		unitId: z.string(),
		itemId: z.string(),
		result: z.string(),
		levelIndex: z.number().int().nullable(),
		note: z.string().nullable(),
		recordedAt: z.string(),
	})
	.openapi("AuditResultRecorded");

const routes = {
	checklistChoices: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits/{id}/checklist-choices",
		summary: "The audit checklist versions the audit's lead may choose from",
		request: { params: idParam },
		responses: { 200: jsonResponse(checklistChoicesSchema, "Choices"), ...problemResponses },
	}),
	chooseChecklist: createRoute({
		...secured,
		method: "put",
		path: "/assurance/audits/{id}/checklist",
		summary: "Choose the audit checklist version fieldwork answers (the lead, before results)",
		request: { params: idParam, body: jsonBody(chooseChecklistSchema) },
		responses: { 200: jsonResponse(auditSchema, "The audit"), ...problemResponses },
	}),
	fieldwork: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits/{id}/fieldwork",
		summary:
			"The audit's fieldwork: checklist items, results, notes, evidence and findings per unit",
		request: { params: idParam },
		responses: { 200: jsonResponse(fieldworkSchema, "Fieldwork"), ...problemResponses },
	}),
	recordResult: createRoute({
		...secured,
		method: "put",
		path: "/assurance/audits/{id}/fieldwork/{unitId}/{itemId}",
		summary: "Record one item's result and note for an audited unit (an auditor on the team)",
		request: { params: resultParam, body: jsonBody(recordResultSchema) },
		responses: { 200: jsonResponse(resultOut, "The result"), ...problemResponses },
	}),
	addEvidence: createRoute({
		...secured,
		method: "post",
		path: "/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/evidence",
		summary: "Keep an evidence file of one item's result (base64, at most 10 MiB)",
		request: { params: resultParam, body: jsonBody(evidenceUploadSchema) },
		responses: {
			201: jsonResponse(auditEvidenceSchema.extend({ itemId: z.string() }), "The file"),
			...problemResponses,
		},
	}),
	raiseFinding: createRoute({
		...secured,
		method: "post",
		path: "/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/finding",
		summary: "Raise a いいえ as a finding of the register with the severity the auditor grades",
		request: { params: resultParam, body: jsonBody(raiseAuditFindingSchema) },
		responses: { 201: jsonResponse(raisedSchema, "The finding"), ...problemResponses },
	}),
	downloadEvidence: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits/{id}/evidence/{evidenceId}",
		summary: "Download a fieldwork evidence file, checked against its SHA-256",
		request: { params: evidenceParam },
		responses: {
			200: { description: "The file", content: binary("application/octet-stream") },
			...problemResponses,
		},
	}),
	reportPdf: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits/{id}/report.pdf",
		summary: "The audit report as PDF (embedded Japanese font)",
		request: { params: idParam },
		responses: {
			200: { description: "The report", content: binary(PDF) },
			...problemResponses,
		},
	}),
	reportXlsx: createRoute({
		...secured,
		method: "get",
		path: "/assurance/audits/{id}/report.xlsx",
		summary: "The audit report as XLSX: results, conformity per unit, findings",
		request: { params: idParam },
		responses: {
			200: { description: "The report", content: binary(XLSX) },
			...problemResponses,
		},
	}),
};

export function auditFieldworkRoutes(deps: AppDeps) {
	const { db } = deps;
	return createRouter()
		.openapi(routes.checklistChoices, async (c) => {
			return c.json(await checklistChoicesOf(db, requireActor(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.chooseChecklist, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(db, (tx) =>
				chooseChecklist(tx, actor, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await presentAudit(db, actor, row), 200);
		})
		.openapi(routes.fieldwork, async (c) => {
			return c.json(await getFieldwork(db, requireActor(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.recordResult, async (c) => {
			const actor = requireActor(c);
			const { id: auditId, unitId, itemId } = c.req.valid("param");
			const row = await inTransaction(db, (tx) =>
				recordResult(tx, actor, { auditId, unitId, itemId }, c.req.valid("json")),
			);
			return c.json(
				{
					unitId: row.org_unit_id,
					itemId: row.item_id,
					result: row.result,
					levelIndex: row.level_index,
					note: row.note,
					recordedAt: row.recorded_at,
				},
				200,
			);
		})
		.openapi(routes.addEvidence, async (c) => {
			const actor = requireActor(c);
			authorize(actor, auditsPolicy, "assurance_audit.fieldwork");
			const { id: auditId, unitId, itemId } = c.req.valid("param");
			const { fileName, contentBase64 } = c.req.valid("json");
			const bytes = decodeUpload(contentBase64, FIELDWORK_LIMITS.fileBytes);
			const file = await inTransaction(db, (tx) =>
				addResultEvidence(tx, actor, { auditId, unitId, itemId }, { fileName, bytes }),
			);
			return c.json(presentAuditEvidence(file), 201);
		})
		.openapi(routes.raiseFinding, async (c) => {
			const actor = requireActor(c);
			const { id: auditId, unitId, itemId } = c.req.valid("param");
			const finding = await inTransaction(db, (tx) =>
				raiseAuditFinding(tx, actor, { auditId, unitId, itemId }, c.req.valid("json")),
			);
			return c.json(
				{
					id: finding.id,
					reference: finding.reference,
					severity: finding.severity as (typeof FINDING_SEVERITIES)[number],
					state: finding.state,
				},
				201,
			);
		})
		.openapi(routes.downloadEvidence, async (c) => {
			const { id: auditId, evidenceId } = c.req.valid("param");
			const { file, bytes } = await readResultEvidence(db, requireActor(c), auditId, evidenceId);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			c.header("x-content-sha256", file.sha256);
			return c.body(bytes, 200, { "content-type": file.mediaType });
		})
		.openapi(routes.reportPdf, async (c) => {
			const file = await exportAuditReportPdf(db, requireActor(c), c.req.valid("param").id);
			return c.body(new Uint8Array(file.body), 200, {
				"content-type": PDF,
				"content-disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(routes.reportXlsx, async (c) => {
			const file = await exportAuditReportXlsx(db, requireActor(c), c.req.valid("param").id);
			return c.body(new Uint8Array(file.body), 200, {
				"content-type": XLSX,
				"content-disposition": attachmentDisposition(file.fileName),
			});
		});
}
