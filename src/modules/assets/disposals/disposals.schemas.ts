import { z } from "@hono/zod-openapi";
import { ASSET_KINDS } from "../assets.schemas.ts";
import { calendarDateSchema } from "../take-outs/take-outs.schemas.ts";
import { DISPOSAL_METHODS, FILE_KINDS } from "./disposal-rules.ts";

export const DISPOSAL_STATUSES = ["recorded", "closed"] as const;

export const DISPOSAL_LIMITS = {
	witness: 200,
	contractor: 200,
	serial: 100,
	serials: 200,
	notes: 2000,
	fileName: 200,
	/** Decoded bytes of one certificate or photo. */
	fileBytes: 10 * 1024 * 1024,
} as const;

const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const recordDisposalSchema = z
	.strictObject({
		method: z.enum(DISPOSAL_METHODS),
		performedOn: calendarDateSchema,
		witness: z.string().trim().min(1).max(DISPOSAL_LIMITS.witness),
		contractor: optionalText(DISPOSAL_LIMITS.contractor),
		serialNumbers: z
			.array(z.string().trim().min(1).max(DISPOSAL_LIMITS.serial))
			.max(DISPOSAL_LIMITS.serials),
		notes: optionalText(DISPOSAL_LIMITS.notes),
	})
	.openapi("RecordDisposal");
export type RecordDisposalInput = z.infer<typeof recordDisposalSchema>;

export const disposalFileUploadSchema = z
	.strictObject({
		kind: z.enum(FILE_KINDS),
		fileName: z.string().trim().min(1).max(DISPOSAL_LIMITS.fileName),
		contentBase64: z.string().min(1),
	})
	.openapi("DisposalFileUpload");

export const disposalFileSchema = z
	.object({
		id: z.string(),
		kind: z.enum(FILE_KINDS),
		fileName: z.string(),
		mediaType: z.string(),
		size: z.number().int(),
		sha256: z.string(),
		uploadedBy: z.string(),
		uploadedAt: z.string(),
	})
	.openapi("DisposalFile");

export const disposalSchema = z
	.object({
		id: z.string(),
		asset: z.object({
			id: z.string(),
			code: z.string(),
			name: z.string(),
			kind: z.enum(ASSET_KINDS),
			classKey: z.string(),
			unitName: z.string(),
		}),
		status: z.enum(DISPOSAL_STATUSES),
		method: z.enum(DISPOSAL_METHODS),
		performedOn: z.string(),
		witness: z.string(),
		contractor: z.string().nullable(),
		serialNumbers: z.array(z.string()),
		notes: z.string().nullable(),
		recordedBy: z.string(),
		recordedAt: z.string(),
		closedBy: z.string().nullable(),
		closedAt: z.string().nullable(),
		/** Closing needs at least one erasure certificate. */
		certificateRequired: z.boolean(),
		files: z.array(disposalFileSchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("Disposal");
export type DisposalView = z.infer<typeof disposalSchema>;

export const disposalQuerySchema = z.object({
	from: calendarDateSchema.optional(),
	to: calendarDateSchema.optional(),
	assetId: z.string().max(64).optional(),
	status: z.enum(DISPOSAL_STATUSES).optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type DisposalQuery = z.infer<typeof disposalQuerySchema>;

export const disposalListSchema = z
	.object({ items: z.array(disposalSchema), allowedActions: z.array(z.string()) })
	.openapi("DisposalList");

export const disposalExportQuerySchema = z.object({
	format: z.enum(["xlsx", "csv"]).default("xlsx"),
	from: calendarDateSchema.optional(),
	to: calendarDateSchema.optional(),
});
