import { createRoute } from "@hono/zod-openapi";
import { checkpointDirOf } from "../../config.ts";
import type { AuditEventTable } from "../../db/schema.ts";
import type { AppDeps } from "../../deps.ts";
import { attachmentDisposition } from "../../http/content-disposition.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { authorize } from "../authz/policy.ts";
import { AUDIT_EVENT_TYPES } from "./audit-log.events.ts";
import { auditLogPolicy } from "./audit-log.policy.ts";
import { listAuditEvents } from "./audit-log.repository.ts";
import {
	auditFilterSchema,
	auditListQuerySchema,
	auditPageSchema,
	latestCheckpointSchema,
} from "./audit-log.schemas.ts";
import { exportAuditCsv } from "./export-audit.ts";
import { latestCheckpoint } from "./latest-checkpoint.ts";

const tags = ["audit"];

function present(row: AuditEventTable) {
	return {
		seq: Number(row.seq),
		id: row.id,
		type: row.type,
		occurredAt: row.occurred_at,
		actorId: row.actor_id,
		actorLabel: row.actor_label,
		ip: row.ip,
		recordType: row.record_type,
		recordId: row.record_id,
		data: JSON.parse(row.data) as Record<string, unknown>,
		hash: row.hash,
	};
}

const list = createRoute({
	method: "get",
	path: "/audit-events",
	tags,
	security: sessionSecurity,
	summary: "Audit events, newest first, filtered by actor, type, record and period",
	request: { query: auditListQuerySchema },
	responses: { 200: jsonResponse(auditPageSchema, "Events"), ...problemResponses },
});

const exportCsv = createRoute({
	method: "get",
	path: "/audit-events/export.csv",
	tags,
	security: sessionSecurity,
	summary: "The filtered events as CSV (UTF-8 with BOM, opens in Excel)",
	request: { query: auditFilterSchema },
	responses: {
		200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
		...problemResponses,
	},
});

const latest = createRoute({
	method: "get",
	path: "/audit-checkpoints/latest",
	tags,
	security: sessionSecurity,
	summary:
		"The newest signed checkpoint of the tenant's chain, with its signature and chain checked",
	responses: {
		200: jsonResponse(latestCheckpointSchema, "The checkpoint, or null when none"),
		...problemResponses,
	},
});

export function auditRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, auditLogPolicy, "audit-log.read");
			const { limit, offset, ...filter } = c.req.valid("query");
			const { rows, total } = await listAuditEvents(deps.db, actor.tenantId, filter, {
				limit,
				offset,
			});
			return c.json({ items: rows.map(present), total, types: AUDIT_EVENT_TYPES }, 200);
		})
		.openapi(latest, async (c) => {
			const actor = requireActor(c);
			const checkpoint = await latestCheckpoint(deps.db, actor, checkpointDirOf(deps.config));
			return c.json({ checkpoint }, 200);
		})
		.openapi(exportCsv, async (c) => {
			const actor = requireActor(c);
			const csv = await exportAuditCsv(deps.db, actor, c.req.valid("query"));
			c.header("content-disposition", attachmentDisposition(datedFileName("auditLog", "csv")));
			return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8" });
		});
}
