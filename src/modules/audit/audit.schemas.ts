import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam } from "../../shared/paging.schema.ts";
import { AUDIT_EVENT_TYPES } from "./audit.events.ts";

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

export const auditPageSchema = z
	.object({ items: z.array(auditEventSchema), total: z.number().int(), types: z.array(z.string()) })
	.openapi("AuditEventPage");
