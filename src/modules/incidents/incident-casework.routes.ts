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
import { decodeUpload } from "../../shared/uploaded-file.ts";
import { authorize } from "../authz/policy.ts";
import { addIncidentEvidence } from "./add-incident-evidence.ts";
import { completeIncidentTask } from "./complete-incident-task.ts";
import { createIncidentTask } from "./create-incident-task.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import { findNamedTask } from "./incident-casework.repository.ts";
import {
	CASEWORK_LIMITS,
	createTaskSchema,
	evidenceUploadSchema,
	incidentEvidenceListSchema,
	incidentEvidenceSchema,
	incidentTaskListSchema,
	incidentTaskSchema,
	myTaskListSchema,
	myTasksQuerySchema,
	updateTaskSchema,
} from "./incident-casework.schemas.ts";
import { type IncidentDesk, openIncidentDesk } from "./incident-desk.ts";
import { listEvidenceOfCase, presentEvidence, readEvidenceFile } from "./incident-evidence.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import { listMyIncidentTasks, listTasksOfCase, presentTask } from "./list-incident-tasks.ts";
import { exportReportDraft } from "./report-draft-files.ts";
import { updateIncidentTask } from "./update-incident-task.ts";

/** The casework of a case: tasks, evidence files and the draft of the legal report. */

const secured = { tags: ["incidents"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const taskParam = idParam.extend({ taskId: z.string().min(1).max(64) });
const evidenceParam = idParam.extend({ evidenceId: z.string().min(1).max(64) });
const binary = (type: string) => ({
	[type]: { schema: { type: "string" as const, format: "binary" } },
});
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const routes = {
	myTasks: createRoute({
		...secured,
		method: "get",
		path: "/incident-tasks/mine",
		summary: "Your open tasks on incident cases, soonest due first",
		request: { query: myTasksQuerySchema },
		responses: { 200: jsonResponse(myTaskListSchema, "Your open tasks"), ...problemResponses },
	}),
	tasks: createRoute({
		...secured,
		method: "get",
		path: "/incidents/{id}/tasks",
		summary: "A case's tasks, open ones first",
		request: { params: idParam },
		responses: { 200: jsonResponse(incidentTaskListSchema, "Tasks"), ...problemResponses },
	}),
	createTask: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/tasks",
		summary: "Give a case a task with an owner and a due date (CSIRT, CISO)",
		request: { params: idParam, body: jsonBody(createTaskSchema) },
		responses: { 201: jsonResponse(incidentTaskSchema, "The task"), ...problemResponses },
	}),
	updateTask: createRoute({
		...secured,
		method: "patch",
		path: "/incidents/{id}/tasks/{taskId}",
		summary: "Change a task's title, owner or due date, or mark it done or open (CSIRT, CISO)",
		request: { params: taskParam, body: jsonBody(updateTaskSchema) },
		responses: { 200: jsonResponse(incidentTaskSchema, "The task"), ...problemResponses },
	}),
	completeTask: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/tasks/{taskId}/complete",
		summary: "Mark a task done (its owner, or CSIRT / CISO)",
		request: { params: taskParam },
		responses: { 200: jsonResponse(incidentTaskSchema, "The task"), ...problemResponses },
	}),
	evidence: createRoute({
		...secured,
		method: "get",
		path: "/incidents/{id}/evidence",
		summary: "A case's evidence files with their SHA-256",
		request: { params: idParam },
		responses: {
			200: jsonResponse(incidentEvidenceListSchema, "Evidence files"),
			...problemResponses,
		},
	}),
	addEvidence: createRoute({
		...secured,
		method: "post",
		path: "/incidents/{id}/evidence",
		summary: "Keep an evidence file with a case (base64, at most 10 MiB; CSIRT, CISO)",
		request: { params: idParam, body: jsonBody(evidenceUploadSchema) },
		responses: { 201: jsonResponse(incidentEvidenceSchema, "The file"), ...problemResponses },
	}),
	downloadEvidence: createRoute({
		...secured,
		method: "get",
		path: "/incidents/{id}/evidence/{evidenceId}",
		summary: "Download an evidence file, checked against its SHA-256",
		request: { params: evidenceParam },
		responses: {
			200: { description: "The file", content: binary("application/octet-stream") },
			...problemResponses,
		},
	}),
	draftPdf: createRoute({
		...secured,
		method: "get",
		path: "/incidents/{id}/report-draft.pdf",
		summary: "Draft of the leak report (漏えい等報告) from the case, as PDF",
		request: { params: idParam },
		responses: {
			200: { description: "The draft", content: binary("application/pdf") },
			...problemResponses,
		},
	}),
	draftXlsx: createRoute({
		...secured,
		method: "get",
		path: "/incidents/{id}/report-draft.xlsx",
		summary: "Draft of the leak report (漏えい等報告) from the case, as an Excel workbook",
		request: { params: idParam },
		responses: { 200: { description: "The draft", content: binary(XLSX) }, ...problemResponses },
	}),
};

/** The task as it stands after a change, read afresh. */
async function freshTask(deps: AppDeps, desk: IncidentDesk, taskId: string, seesCase: boolean) {
	const row = await findNamedTask(deps.db, desk.actor.tenantId, taskId);
	if (!row) throw new Error(`task ${taskId} vanished after its change`);
	return presentTask(desk.actor, desk.today, row, seesCase);
}

export function incidentCaseworkRoutes(deps: AppDeps) {
	const { db } = deps;
	return createRouter()
		.openapi(routes.myTasks, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentCaseworkPolicy, "incident.task_mine");
			return c.json(await listMyIncidentTasks(db, actor, c.req.valid("query")), 200);
		})
		.openapi(routes.tasks, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.read");
			const desk = await openIncidentDesk(db, actor);
			return c.json(await listTasksOfCase(db, desk, c.req.valid("param").id), 200);
		})
		.openapi(routes.createTask, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentCaseworkPolicy, "incident.task_manage");
			const desk = await openIncidentDesk(db, actor);
			const task = await inTransaction(db, (tx) =>
				createIncidentTask(tx, desk, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(await freshTask(deps, desk, task.id, true), 201);
		})
		.openapi(routes.updateTask, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentCaseworkPolicy, "incident.task_manage");
			const { id, taskId } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			await inTransaction(db, (tx) =>
				updateIncidentTask(tx, desk, id, taskId, c.req.valid("json")),
			);
			return c.json(await freshTask(deps, desk, taskId, true), 200);
		})
		.openapi(routes.completeTask, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentCaseworkPolicy, "incident.task_complete");
			const { id, taskId } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			await inTransaction(db, (tx) => completeIncidentTask(tx, desk, id, taskId));
			// An owner may complete a task of a case they do not otherwise see.
			return c.json(await freshTask(deps, desk, taskId, desk.cases.all), 200);
		})
		.openapi(routes.evidence, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.read");
			const desk = await openIncidentDesk(db, actor);
			return c.json(await listEvidenceOfCase(db, desk, c.req.valid("param").id), 200);
		})
		.openapi(routes.addEvidence, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentCaseworkPolicy, "incident.evidence_add");
			const { fileName, description, contentBase64 } = c.req.valid("json");
			const bytes = decodeUpload(contentBase64, CASEWORK_LIMITS.fileBytes);
			const desk = await openIncidentDesk(db, actor);
			const file = await inTransaction(db, (tx) =>
				addIncidentEvidence(tx, desk, c.req.valid("param").id, { fileName, description, bytes }),
			);
			return c.json(presentEvidence(file), 201);
		})
		.openapi(routes.downloadEvidence, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentsPolicy, "incident.read");
			const { id, evidenceId } = c.req.valid("param");
			const desk = await openIncidentDesk(db, actor);
			const { file, bytes } = await readEvidenceFile(db, desk, id, evidenceId);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			c.header("x-content-sha256", file.sha256);
			return c.body(bytes, 200, { "content-type": file.mediaType });
		})
		.openapi(routes.draftPdf, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentCaseworkPolicy, "incident.report_draft");
			const desk = await openIncidentDesk(db, actor);
			const file = await exportReportDraft(db, desk, c.req.valid("param").id, "pdf");
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.draftXlsx, async (c) => {
			const actor = requireActor(c);
			authorize(actor, incidentCaseworkPolicy, "incident.report_draft");
			const desk = await openIncidentDesk(db, actor);
			const file = await exportReportDraft(db, desk, c.req.valid("param").id, "xlsx");
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		});
}
