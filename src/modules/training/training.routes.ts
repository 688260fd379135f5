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
import { japanDate } from "../../shared/dates.ts";
import { tooLarge } from "../../shared/issues.ts";
import { authorize } from "../authz/policy.ts";
import { planCourse } from "./plan-course.ts";
import {
	completion,
	drillResults,
	listAttendees,
	listCourses,
	myTraining,
} from "./read-training.ts";
import { recordAttendance } from "./record-attendance.ts";
import { takeQuiz } from "./take-quiz.ts";
import { trainingImport } from "./training.import.ts";
import { trainingPolicy } from "./training.policy.ts";
import {
	attendeeListSchema,
	completionQuerySchema,
	completionSchema,
	courseListSchema,
	createCourseSchema,
	drillResultsSchema,
	myTrainingSchema,
	quizAnswersSchema,
	quizResultSchema,
	recordAttendanceSchema,
	recordOutcomeSchema,
	trainingImportReportSchema,
	trainingImportSchema,
	trainingYearSchema,
	updateCourseSchema,
	yearQuerySchema,
} from "./training.schemas.ts";
import { courseOf, openTrainingDesk } from "./training-desk.ts";
import { exportCompletion, TRAINING_IMPORT_LIMITS } from "./training-io.ts";
import { trainingYear } from "./training-year.ts";
import { updateCourseDetails } from "./update-course.ts";

const secured = { tags: ["training"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });

/** Static paths first: `/training/courses/mine` style paths never meet `{id}`. */
const routes = {
	mine: createRoute({
		...secured,
		method: "get",
		path: "/training/mine",
		summary: "My training: what I owe, due dates, the e-learning quiz (without its answers)",
		responses: { 200: jsonResponse(myTrainingSchema, "My training"), ...problemResponses },
	}),
	completion: createRoute({
		...secured,
		method: "get",
		path: "/training/completion",
		summary: "Completion per unit and per staff category, counted live",
		request: { query: completionQuerySchema },
		responses: { 200: jsonResponse(completionSchema, "Completion"), ...problemResponses },
	}),
	year: createRoute({
		...secured,
		method: "get",
		path: "/training/year",
		summary: "The fiscal year's figures for the yearly review and the status report",
		request: { query: yearQuerySchema },
		responses: { 200: jsonResponse(trainingYearSchema, "The year's figures"), ...problemResponses },
	}),
	export: createRoute({
		...secured,
		method: "get",
		path: "/training/export",
		summary: "Completion per unit and course of the fiscal year, as XLSX",
		request: { query: yearQuerySchema },
		responses: {
			200: {
				description: "The workbook",
				content: {
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
						schema: { type: "string" as const, format: "binary" },
					},
				},
			},
			...problemResponses,
		},
	}),
	import: createRoute({
		...secured,
		method: "post",
		path: "/training/import",
		summary:
			"Check a roster of attendance or a drill tool's CSV for a course (dry run: the report, " +
			"every error with row and column), or apply it as a job (202: follow it at GET /imports/{id})",
		request: { body: jsonBody(trainingImportSchema) },
		responses: {
			200: jsonResponse(trainingImportReportSchema, "The dry run's report"),
			202: jsonResponse(importJobSchema, "The apply is queued as a job"),
			...problemResponses,
		},
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/training/courses",
		summary: "The fiscal year's courses with their completion over the staff the caller sees",
		request: { query: yearQuerySchema },
		responses: { 200: jsonResponse(courseListSchema, "Courses"), ...problemResponses },
	}),
	create: createRoute({
		...secured,
		method: "post",
		path: "/training/courses",
		summary: "Plan a course of the fiscal year; its audience owes it from now",
		request: { body: jsonBody(createCourseSchema) },
		responses: {
			201: jsonResponse(z.object({ id: z.string() }), "The new course"),
			...problemResponses,
		},
	}),
	update: createRoute({
		...secured,
		method: "put",
		path: "/training/courses/{id}",
		summary:
			"Change a course at the version read (409 when someone changed it since); its fiscal " +
			"year stays and completions stay",
		request: { params: idParam, body: jsonBody(updateCourseSchema) },
		responses: {
			200: jsonResponse(
				z.object({ id: z.string(), version: z.number().int() }),
				"The changed course",
			),
			...problemResponses,
		},
	}),
	attendees: createRoute({
		...secured,
		method: "get",
		path: "/training/courses/{id}/attendees",
		summary: "Who owes the course in the units the caller sees, and who completed it",
		request: { params: idParam },
		responses: { 200: jsonResponse(attendeeListSchema, "Attendees"), ...problemResponses },
	}),
	record: createRoute({
		...secured,
		method: "post",
		path: "/training/courses/{id}/attendance",
		summary: "Record attendance by hand (the course's owner, or a unit's manager for the unit)",
		request: { params: idParam, body: jsonBody(recordAttendanceSchema) },
		responses: { 200: jsonResponse(recordOutcomeSchema, "Recorded"), ...problemResponses },
	}),
	quiz: createRoute({
		...secured,
		method: "post",
		path: "/training/courses/{id}/quiz",
		summary: "Answer the course's quiz; a pass completes it, a fail is kept and completes nothing",
		request: { params: idParam, body: jsonBody(quizAnswersSchema) },
		responses: { 200: jsonResponse(quizResultSchema, "The result"), ...problemResponses },
	}),
	drill: createRoute({
		...secured,
		method: "get",
		path: "/training/courses/{id}/drill",
		summary: "A phishing drill's opened / clicked / reported per unit",
		request: { params: idParam },
		responses: { 200: jsonResponse(drillResultsSchema, "Drill results"), ...problemResponses },
	}),
};

type Ctx = Parameters<typeof requireActor>[0];

export function trainingRoutes(deps: AppDeps) {
	const desk = (c: Ctx) => openTrainingDesk(deps.db, requireActor(c));
	return createRouter()
		.openapi(routes.mine, async (c) => {
			return c.json(await myTraining(deps.db, requireActor(c), japanDate(new Date())), 200);
		})
		.openapi(routes.completion, async (c) => {
			const { fiscalYear, courseId } = c.req.valid("query");
			return c.json(await completion(deps.db, await desk(c), fiscalYear, courseId), 200);
		})
		.openapi(routes.year, async (c) => {
			const d = await desk(c);
			authorize(d.actor, trainingPolicy, "training.export");
			return c.json(await trainingYear(deps.db, d, c.req.valid("query").fiscalYear), 200);
		})
		.openapi(routes.export, async (c) => {
			const file = await exportCompletion(deps.db, await desk(c), c.req.valid("query").fiscalYear);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type });
		})
		.openapi(routes.import, async (c) => {
			const actor = requireActor(c);
			authorize(actor, trainingPolicy, "training.record");
			const body = c.req.valid("json");
			// The course must be the caller's tenant's before anything is queued.
			await courseOf(deps.db, await openTrainingDesk(deps.db, actor), body.courseId);
			const bytes = Buffer.from(body.contentBase64, "base64");
			if (bytes.length > TRAINING_IMPORT_LIMITS.maxBytes)
				throw tooLarge(
					`the file is larger than ${TRAINING_IMPORT_LIMITS.maxBytes} bytes`,
					TRAINING_IMPORT_LIMITS.maxBytes,
				);
			const mapping = await requestedMapping(deps, actor, trainingImport.name, body, bytes, {
				courseId: body.courseId,
			});
			const options = { courseId: body.courseId, mapping };
			if (body.mode === "dry_run") {
				const outcome = await runImportInWorker(deps, {
					kind: trainingImport.name,
					bytes,
					actor,
					options,
					dryRun: true,
				});
				return c.json(trainingImportReportSchema.parse(outcome.result), 200);
			}
			const id = await inTransaction(deps.db, (tx) =>
				requestImport(tx, { kind: trainingImport, actor, fileName: body.filename, bytes, options }),
			);
			wakeSchedulers();
			return c.json(await readImport(deps.db, actor, id), 202);
		})
		.openapi(routes.list, async (c) => {
			return c.json(
				await listCourses(deps.db, await desk(c), c.req.valid("query").fiscalYear),
				200,
			);
		})
		.openapi(routes.create, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) => planCourse(tx, d, c.req.valid("json")));
			return c.json({ id: row.id }, 201);
		})
		.openapi(routes.update, async (c) => {
			const d = await desk(c);
			const row = await inTransaction(deps.db, (tx) =>
				updateCourseDetails(tx, d, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json({ id: row.id, version: row.version }, 200);
		})
		.openapi(routes.attendees, async (c) => {
			return c.json(await listAttendees(deps.db, await desk(c), c.req.valid("param").id), 200);
		})
		.openapi(routes.record, async (c) => {
			const d = await desk(c);
			const { staffIds, attendedOn } = c.req.valid("json");
			const out = await inTransaction(deps.db, (tx) =>
				recordAttendance(tx, d, c.req.valid("param").id, staffIds, attendedOn),
			);
			return c.json(out, 200);
		})
		.openapi(routes.quiz, async (c) => {
			const actor = requireActor(c);
			const { answers } = c.req.valid("json");
			const out = await inTransaction(deps.db, (tx) =>
				takeQuiz(tx, actor, c.req.valid("param").id, answers),
			);
			return c.json(out, 200);
		})
		.openapi(routes.drill, async (c) => {
			return c.json(await drillResults(deps.db, await desk(c), c.req.valid("param").id), 200);
		});
}
