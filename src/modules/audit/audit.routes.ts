import { createRoute } from "@hono/zod-openapi";
import type { Db } from "../../db/connection.ts";
import type { AuditEventTable } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import { toCsv } from "../../http/csv.ts";
import { refuseOversizedExport } from "../../http/export-limit.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { formatJapanTime } from "../../shared/dates.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { AUDIT_EVENT_TYPES } from "./audit.events.ts";
import { auditPolicy } from "./audit.policy.ts";
import { type AuditFilter, listAuditEvents } from "./audit.repository.ts";
import { auditFilterSchema, auditListQuerySchema, auditPageSchema } from "./audit.schemas.ts";
import { auditContextOf, recordAudit } from "./record-audit.ts";

const tags = ["audit"];
const EXPORT_LIMIT = 100_000;

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

/**
 * The caller's tenant's events under the filter, newest first, as CSV (UTF-8 with BOM) with
 * Japan-time and UTC columns; the export is itself audit-logged. A filter matching more than
 * `maxRows` is refused, never cut short: narrow the period instead.
 */
export async function exportAuditCsv(
	db: Db,
	actor: Actor,
	filter: AuditFilter,
	maxRows: number = EXPORT_LIMIT,
): Promise<string> {
	authorize(actor, auditPolicy, "audit.export");
	const { rows, total } = await listAuditEvents(db, actor.tenantId, filter, {
		limit: maxRows,
		offset: 0,
	});
	refuseOversizedExport(total, maxRows);
	const csv = toCsv(
		[
			"seq",
			"日時(JST)",
			"occurred_at(UTC)",
			"種別",
			"実行者",
			"実行者ID",
			"IPアドレス",
			"対象種別",
			"対象ID",
			"内容",
			"hash",
		],
		rows.map((r) => [
			String(r.seq),
			formatJapanTime(r.occurred_at),
			r.occurred_at,
			r.type,
			r.actor_label ?? "",
			r.actor_id ?? "",
			r.ip ?? "",
			r.record_type ?? "",
			r.record_id ?? "",
			r.data,
			r.hash,
		]),
	);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(actor), "audit.exported", {
			format: "csv",
			rows: rows.length,
		}),
	);
	return csv;
}

export function auditRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, auditPolicy, "audit.read");
			const { limit, offset, ...filter } = c.req.valid("query");
			const { rows, total } = await listAuditEvents(deps.db, actor.tenantId, filter, {
				limit,
				offset,
			});
			return c.json({ items: rows.map(present), total, types: AUDIT_EVENT_TYPES }, 200);
		})
		.openapi(exportCsv, async (c) => {
			const actor = requireActor(c);
			const csv = await exportAuditCsv(deps.db, actor, c.req.valid("query"));
			c.header("content-disposition", `attachment; filename="audit-events.csv"`);
			return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8" });
		});
}
