import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam } from "../../shared/paging.schema.ts";
import { AUDIT_EVENT_TYPES } from "./audit-log.events.ts";

export const auditFilterSchema = z.object({
	actor: z.string().max(100).optional(),
	type: z.enum(AUDIT_EVENT_TYPES as [string, ...string[]]).optional(),
	recordId: z.string().max(64).optional(),
	from: z.iso
		.datetime({ offset: true })
		.optional()
		.openapi({ description: "Inclusive start (ISO 8601)" }),
	to: z.iso
		.datetime({ offset: true })
		.optional()
		.openapi({ description: "Exclusive end (ISO 8601)" }),
});

export const auditListQuerySchema = auditFilterSchema.extend({
	limit: limitParam(50),
	offset: offsetParam,
});

export const auditEventSchema = z
	.object({
		seq: z.number().int(),
		id: z.string(),
		type: z.string(),
		occurredAt: z.string(),
		actorId: z.string().nullable(),
		actorLabel: z.string().nullable(),
		ip: z.string().nullable(),
		recordType: z.string().nullable(),
		recordId: z.string().nullable(),
		data: z.record(z.string(), z.unknown()),
		hash: z.string(),
	})
	.openapi("AuditEvent");

export const latestCheckpointSchema = z
	.object({
		checkpoint: z
			.object({
				at: z.string().openapi({ description: "When the head was signed (ISO 8601, UTC)" }),
				seq: z.number().int(),
				hash: z.string(),
				keyId: z.string(),
				file: z.string(),
				signatureValid: z.boolean(),
				inChain: z
					.boolean()
					.openapi({ description: "The chain still holds the signed sequence and hash" }),
			})
			.nullable(),
	})
	.openapi("AuditLatestCheckpoint");

export const auditPageSchema = z
	.object({ items: z.array(auditEventSchema), total: z.number().int(), types: z.array(z.string()) })
	.openapi("AuditEventPage");
