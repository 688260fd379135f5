import { z } from "@hono/zod-openapi";
import { mappingChoiceFields } from "../../platform/imports/mapping-choice.schema.ts";
import { skippedRowsFields } from "../../platform/imports/skipped-rows.schema.ts";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import {
	CLOUD_SERVICE_FLAGS,
	CLOUD_SERVICE_KINDS,
	CLOUD_SERVICE_STATES,
	DATA_LOCATIONS,
	ISMAP_STATUSES,
	STRICT_REQUIREMENTS,
} from "./cloud-rules.ts";

/** Length limits shared by the forms, the import and the API. */
export const CLOUD_LIMITS = {
	code: 40,
	name: 200,
	provider: 200,
	purpose: 2000,
	dataDescription: 2000,
	locationDetail: 200,
	sla: 200,
	notes: 4000,
	decisionReason: 2000,
} as const;

const idSchema = z.string().min(1).max(64);
const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default("");
const versionSchema = z.number().int().min(1);

const serviceFields = {
	/** The tenant's number of the service (サービス番号), unique in the tenant. */
	code: z
		.string()
		.trim()
		.min(1)
		.max(CLOUD_LIMITS.code)
		.regex(/^[^\s,]+$/, "no spaces or commas"),
	name: text(CLOUD_LIMITS.name),
	provider: text(CLOUD_LIMITS.provider),
	kind: z.enum(CLOUD_SERVICE_KINDS),
	orgUnitId: idSchema,
	purpose: optionalText(CLOUD_LIMITS.purpose),
	dataDescription: optionalText(CLOUD_LIMITS.dataDescription),
	/** A level code of the pack's default scheme (confidentiality axis of a CIA scheme). */
	dataLevel: z.string().trim().min(1).max(20),
	ismap: z.enum(ISMAP_STATUSES),
	dataLocation: z.enum(DATA_LOCATIONS),
	locationDetail: optionalText(CLOUD_LIMITS.locationDetail),
	slaUptime: optionalText(CLOUD_LIMITS.sla),
	slaRecovery: optionalText(CLOUD_LIMITS.sla),
	backups: z.boolean(),
	notes: optionalText(CLOUD_LIMITS.notes),
	/** Absent: the pack's review interval from today. */
	nextReviewOn: daySchema.optional(),
};

export const registerCloudServiceSchema = z
	.strictObject(serviceFields)
	.openapi("CloudServiceRegistration");
export type RegisterCloudServiceInput = z.infer<typeof registerCloudServiceSchema>;

export const updateCloudServiceSchema = z
	.strictObject({ ...serviceFields, version: versionSchema })
	.openapi("CloudServiceUpdate");
export type UpdateCloudServiceInput = z.infer<typeof updateCloudServiceSchema>;

export const approveCloudServiceSchema = z
	.strictObject({
		version: versionSchema,
		/** The highest class of data the approval allows. */
		maxLevel: z.string().trim().min(1).max(20),
		reason: z.string().trim().max(CLOUD_LIMITS.decisionReason).default(""),
	})
	.openapi("CloudServiceApproval");
export type ApproveCloudServiceInput = z.infer<typeof approveCloudServiceSchema>;

export const refuseCloudServiceSchema = z
	.strictObject({
		version: versionSchema,
		reason: z.string().trim().max(CLOUD_LIMITS.decisionReason),
	})
	.openapi("CloudServiceRefusal");

export const cloudServiceStepSchema = z
	.strictObject({ version: versionSchema })
	.openapi("CloudServiceStep");

export const reviewCloudServiceSchema = z
	.strictObject({ version: versionSchema, nextReviewOn: daySchema.optional() })
	.openapi("CloudServiceReview");

const flaggedParam = z
	.enum(["true", "false"])
	.transform((value) => value === "true")
	.optional();

export const cloudServiceQuerySchema = z.object({
	state: z.enum(CLOUD_SERVICE_STATES).optional(),
	kind: z.enum(CLOUD_SERVICE_KINDS).optional(),
	orgUnitId: idSchema.optional(),
	flagged: flaggedParam,
	q: z.string().trim().max(100).optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type CloudServiceQuery = z.infer<typeof cloudServiceQuerySchema>;

export const cloudServiceExportQuerySchema = z.object({
	format: z.enum(["csv", "xlsx"]).default("xlsx"),
	state: z.enum(CLOUD_SERVICE_STATES).optional(),
	kind: z.enum(CLOUD_SERVICE_KINDS).optional(),
	flagged: flaggedParam,
});

export const cloudServiceSummarySchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		provider: z.string(),
		kind: z.enum(CLOUD_SERVICE_KINDS),
		state: z.enum(CLOUD_SERVICE_STATES),
		unit: z.object({ id: z.string(), name: z.string() }),
		dataLevel: z.string(),
		approvedMaxLevel: z.string().nullable(),
		ismap: z.enum(ISMAP_STATUSES),
		dataLocation: z.enum(DATA_LOCATIONS),
		nextReviewOn: z.string(),
		/** Within the pack's warning days of the review date. */
		reviewDueSoon: z.boolean(),
		flags: z.array(z.enum(CLOUD_SERVICE_FLAGS)),
	})
	.openapi("CloudServiceSummary");

export const cloudServiceSchema = cloudServiceSummarySchema
	.extend({
		purpose: z.string(),
		dataDescription: z.string(),
		locationDetail: z.string(),
		slaUptime: z.string(),
		slaRecovery: z.string(),
		backups: z.boolean(),
		notes: z.string(),
		lastReviewedOn: z.string().nullable(),
		/** The stricter requirements the service misses for its data. */
		strictUnmet: z.array(z.enum(STRICT_REQUIREMENTS)),
		decision: z
			.object({ by: z.string(), as: z.string(), at: z.string(), reason: z.string().nullable() })
			.nullable(),
		createdBy: z.string(),
		createdAt: z.string(),
		updatedAt: z.string(),
		version: z.number().int(),
		allowedActions: z.array(z.string()),
	})
	.openapi("CloudService");
export type CloudServiceView = z.infer<typeof cloudServiceSchema>;

/** `allowedActions`: `cloud_service.manage`, `cloud_service.export`, … as the caller holds them. */
export const cloudServiceListSchema =
	pagedListSchema(cloudServiceSummarySchema).openapi("CloudServiceList");

export const cloudServiceOptionsSchema = z
	.object({
		/** The units the caller may register services for. */
		units: z.array(z.object({ id: z.string(), name: z.string() })),
		/** The classes of data, strictest first, as the pack names them. */
		levels: z.array(
			z.object({
				code: z.string(),
				label: z.object({ ja: z.string(), en: z.string() }),
				/** Under the stricter requirements. */
				strict: z.boolean(),
			}),
		),
		strict: z.object({
			ismap: z.enum(["ismap", "ismap_or_liu", "not_required"]),
			dataInJapan: z.boolean(),
			backups: z.boolean(),
		}),
		freeMail: z.enum(["allowed_with_approval", "prohibited"]),
		deciders: z.array(z.string()),
		defaultReviewOn: z.string(),
		today: z.string(),
	})
	.openapi("CloudServiceOptions");

export const cloudServiceImportSchema = z
	.strictObject({
		filename: z.string().trim().min(1).max(200),
		/** The file's bytes, base64-encoded: XLSX, or CSV in UTF-8 (with or without BOM) or Shift_JIS. */
		contentBase64: z.string().min(1),
		mode: z.enum(["dry_run", "apply"]),
		...mappingChoiceFields,
	})
	.openapi("CloudServiceImport");

export const cloudServiceImportReportSchema = z
	.object({
		format: z.enum(["xlsx", "csv"]).nullable(),
		/** At most 1,000 errors, in file order, each with its row and column header. */
		errors: z.array(
			z.object({
				row: z.number().int().nullable(),
				column: z.string().nullable(),
				message: z.string(),
				code: z.string(),
				params: z.record(z.string(), z.union([z.string(), z.number()])),
			}),
		),
		errorCount: z.number().int(),
		...skippedRowsFields,
		rows: z.number().int(),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
		applied: z.boolean(),
	})
	.openapi("CloudServiceImportReport");
