import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import { daySchema } from "./incidents.schemas.ts";

export const CASEWORK_LIMITS = {
	taskTitle: 200,
	fileName: 200,
	description: 500,
	/** Decoded bytes of one evidence file. */
	fileBytes: 10 * 1024 * 1024,
} as const;

const accountId = z.string().min(1).max(64);

export const createTaskSchema = z
	.strictObject({
		title: z.string().trim().min(1).max(CASEWORK_LIMITS.taskTitle),
		/** An active account of the tenant. */
		ownerId: accountId,
		/** The Japan date it is due; not before today. */
		dueOn: daySchema,
	})
	.openapi("IncidentTaskCreate");
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

/** Fields left out stay as they are; `done: false` reopens a task, `done: true` completes it. */
export const updateTaskSchema = z
	.strictObject({
		version: z.number().int().min(1),
		title: z.string().trim().min(1).max(CASEWORK_LIMITS.taskTitle).optional(),
		ownerId: accountId.optional(),
		dueOn: daySchema.optional(),
		done: z.boolean().optional(),
	})
	.openapi("IncidentTaskUpdate");
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

export const incidentTaskSchema = z
	.object({
		id: z.string(),
		incidentId: z.string(),
		/** The case's reference (INC-2026-0001) and title: all an owner who may not see the case sees. */
		reference: z.string(),
		caseTitle: z.string(),
		title: z.string(),
		owner: z.object({ id: z.string(), label: z.string() }),
		dueOn: z.string(),
		/** Open and its due date has passed (Japan time). */
		overdue: z.boolean(),
		done: z.boolean(),
		doneAt: z.string().nullable(),
		doneBy: z.string().nullable(),
		createdBy: z.string(),
		createdAt: z.string(),
		version: z.number().int(),
		/** `update` (title, owner, due date, reopen) and `complete`, as the caller may. */
		allowedActions: z.array(z.enum(["update", "complete"])),
	})
	.openapi("IncidentTask");
export type IncidentTaskView = z.infer<typeof incidentTaskSchema>;

export const incidentTaskListSchema = z
	.object({ items: z.array(incidentTaskSchema), allowedActions: z.array(z.string()) })
	.openapi("IncidentTaskList");

export const myTasksQuerySchema = z.object({
	offset: offsetParam,
	limit: limitParam(20, 100),
});
export type MyTasksQuery = z.infer<typeof myTasksQuerySchema>;

export const myTaskListSchema = pagedListSchema(incidentTaskSchema).openapi("MyIncidentTasks");

export const evidenceUploadSchema = z
	.strictObject({
		fileName: z.string().trim().min(1).max(CASEWORK_LIMITS.fileName),
		/** What the file shows (a log extract, a photo of the scene). */
		description: z.string().trim().max(CASEWORK_LIMITS.description).optional(),
		contentBase64: z.string().min(1),
	})
	.openapi("IncidentEvidenceUpload");

export const incidentEvidenceSchema = z
	.object({
		id: z.string(),
		fileName: z.string(),
		mediaType: z.string(),
		size: z.number().int(),
		sha256: z.string(),
		description: z.string().nullable(),
		uploadedBy: z.string(),
		uploadedAt: z.string(),
	})
	.openapi("IncidentEvidence");
export type IncidentEvidenceView = z.infer<typeof incidentEvidenceSchema>;

export const incidentEvidenceListSchema = z
	.object({ items: z.array(incidentEvidenceSchema), allowedActions: z.array(z.string()) })
	.openapi("IncidentEvidenceList");
