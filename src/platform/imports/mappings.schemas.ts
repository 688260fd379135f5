import { z } from "@hono/zod-openapi";
import { columnMappingSchema } from "./mapping.schemas.ts";

export const mappingKindSchema = z.string().trim().min(1).max(64);

export const proposeMappingSchema = z
	.strictObject({
		/** The import the file is for: `assets.ledger`, `contracts.contracts`, … */
		kind: mappingKindSchema,
		filename: z.string().trim().min(1).max(200),
		/** The file's bytes, base64-encoded: XLSX, or CSV in UTF-8 or Shift_JIS. */
		contentBase64: z.string().min(1),
		/** The city's name for where its files come from; a mapping saved for it is tried first. */
		source: z.string().trim().min(1).max(100).optional(),
		/** The import's own options when they choose its layout (training: `courseId`). */
		options: z.record(z.string(), z.string()).optional(),
	})
	.openapi("ProposeMapping");

const mappingValueSchema = z.object({ value: z.string(), label: z.string() });

export const mappingFieldSchema = z
	.object({
		key: z.string(),
		/** Its header in Mamori's own layout. */
		header: z.string(),
		required: z.boolean(),
		/** For a field spread over columns (C・I・A), how many parts; null otherwise. */
		parts: z.number().int().nullable(),
		/** A closed list's values: one list, or one per part. */
		values: z.array(z.array(mappingValueSchema)),
	})
	.openapi("MappingField");

export const mappingProposalSchema = z
	.object({
		kind: z.string(),
		/** none: no mapping saved for the source; fits: the saved one reads this file as it is; changed: the header differs. */
		saved: z.object({
			status: z.enum(["none", "fits", "changed"]),
			added: z.array(z.string()),
			removed: z.array(z.string()),
		}),
		mapping: columnMappingSchema,
		labels: z.array(z.string()),
		ignored: z.array(z.string()),
		missing: z.array(z.string()),
		unmatchedValues: z.record(z.string(), z.array(z.string())),
		sample: z.array(z.array(z.string())),
		fields: z.array(mappingFieldSchema),
	})
	.openapi("MappingProposal");

export const savedMappingSchema = z
	.object({
		id: z.string(),
		kind: z.string(),
		source: z.string(),
		mapping: columnMappingSchema,
		updatedBy: z.string(),
		updatedAt: z.string(),
	})
	.openapi("SavedMapping");

export const savedMappingListSchema = z
	.object({ items: z.array(savedMappingSchema) })
	.openapi("SavedMappingList");

export const mappingListQuerySchema = z.object({ kind: mappingKindSchema.optional() });
export const mappingIdParamSchema = z.object({ id: z.string().min(1).max(64) });
