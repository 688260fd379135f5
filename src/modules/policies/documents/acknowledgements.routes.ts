import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { attachmentDisposition } from "../../../http/content-disposition.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { sendMails } from "../../../shared/mail.ts";
import { Problem } from "../../../shared/problem.ts";
import { authorize } from "../../authz/policy.ts";
import { policyFor } from "./access.ts";
import { acknowledgeVersion } from "./acknowledge.ts";
import { acknowledgementStatus, myAcknowledgements } from "./acknowledgement-status.ts";
import { listNotifications, markNotificationRead } from "./documents.repository.ts";
import {
	completionSchema,
	idParamSchema,
	myAcknowledgementSchema,
	notificationSchema,
} from "./documents.schemas.ts";
import { exportUnacknowledged } from "./export-unacknowledged.ts";
import { reminderMails, remindUnacknowledged } from "./remind.ts";

const tags = ["policy acknowledgements"];
const secured = { tags, security: sessionSecurity } as const;
const idParams = { params: idParamSchema };

const fileResponse = (type: string) => ({
	description: "File",
	content: { [type]: { schema: z.string() } },
});

const routes = {
	mine: createRoute({
		...secured,
		method: "get",
		path: "/policy-acknowledgements",
		summary: "Published versions the caller must acknowledge (要確認), and those done",
		responses: {
			200: jsonResponse(
				z.object({ items: z.array(myAcknowledgementSchema), pending: z.number().int() }),
				"Acknowledgements",
			),
			...problemResponses,
		},
	}),
	acknowledge: createRoute({
		...secured,
		method: "post",
		path: "/policy-versions/{id}/acknowledgement",
		summary: "Acknowledge a published version (遵守義務)",
		request: idParams,
		responses: {
			200: jsonResponse(z.object({ acknowledgedAt: z.string() }), "Acknowledged"),
			...problemResponses,
		},
	}),
	completion: createRoute({
		...secured,
		method: "get",
		path: "/policy-versions/{id}/completion",
		summary: "Acknowledgement completion per unit, and who has not acknowledged",
		request: idParams,
		responses: { 200: jsonResponse(completionSchema, "Completion"), ...problemResponses },
	}),
	remind: createRoute({
		...secured,
		method: "post",
		path: "/policy-versions/{id}/reminders",
		summary: "Remind everyone who has not acknowledged: in the app, and by e-mail when SMTP is set",
		request: idParams,
		responses: {
			200: jsonResponse(
				z.object({
					recipients: z.number().int(),
					/** Mails the SMTP server accepted (0 without `MAMORI_SMTP_URL`). */
					mailed: z.number().int(),
				}),
				"Reminded",
			),
			...problemResponses,
		},
	}),
	exportCsv: createRoute({
		...secured,
		method: "get",
		path: "/policy-versions/{id}/unacknowledged.csv",
		summary: "Who has not acknowledged, as CSV",
		request: idParams,
		responses: { 200: fileResponse("text/csv"), ...problemResponses },
	}),
	exportXlsx: createRoute({
		...secured,
		method: "get",
		path: "/policy-versions/{id}/unacknowledged.xlsx",
		summary: "Who has not acknowledged, as XLSX",
		request: idParams,
		responses: {
			200: fileResponse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			...problemResponses,
		},
	}),
	notifications: createRoute({
		...secured,
		method: "get",
		path: "/notifications",
		summary: "The caller's in-app notifications, newest first",
		responses: {
			200: jsonResponse(
				z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
				"Notifications",
			),
			...problemResponses,
		},
	}),
	readNotification: createRoute({
		...secured,
		method: "post",
		path: "/notifications/{id}/read",
		summary: "Mark a notification read",
		request: idParams,
		responses: { 204: { description: "Marked" }, ...problemResponses },
	}),
};

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function acknowledgementsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.mine, async (c) => {
			const actor = requireActor(c);
			const items = (await myAcknowledgements(deps.db, actor)).map(
				({ publication: p, acknowledgedAt }) => ({
					versionId: p.version_id,
					documentId: p.document_id,
					documentTitle: p.document_title,
					number: p.number,
					title: p.title,
					publishedAt: p.published_at,
					acknowledgedAt,
				}),
			);
			return c.json({ items, pending: items.filter((i) => i.acknowledgedAt === null).length }, 200);
		})
		.openapi(routes.acknowledge, async (c) => {
			const actor = requireActor(c);
			const id = c.req.valid("param").id;
			const at = await inTransaction(deps.db, (tx) => acknowledgeVersion(tx, actor, id));
			return c.json({ acknowledgedAt: at }, 200);
		})
		.openapi(routes.completion, async (c) => {
			const actor = requireActor(c);
			const s = await acknowledgementStatus(deps.db, actor, c.req.valid("param").id);
			return c.json(
				{
					versionId: s.version.id,
					documentTitle: s.document.title,
					number: s.version.number,
					audience: s.publication.audience as "all" | "units",
					unitIds: JSON.parse(s.publication.unit_ids) as string[],
					total: s.total,
					acknowledged: s.acknowledged,
					units: s.units,
					pending: s.pending.map((m) => ({
						accountId: m.accountId,
						username: m.username,
						displayName: m.displayName,
						unitName: m.unitName,
					})),
				},
				200,
			);
		})
		.openapi(routes.remind, async (c) => {
			const actor = requireActor(c);
			const id = c.req.valid("param").id;
			const reminded = await inTransaction(deps.db, (tx) => remindUnacknowledged(tx, actor, id));
			const mailed = deps.config.smtpUrl
				? await sendMails(deps.config.smtpUrl, reminderMails(reminded))
				: 0;
			return c.json({ recipients: reminded.pending.length, mailed }, 200);
		})
		.openapi(routes.exportCsv, async (c) => {
			const actor = requireActor(c);
			const file = await exportUnacknowledged(deps.db, actor, c.req.valid("param").id, "csv");
			return c.body(file.body as string, 200, {
				"content-type": "text/csv; charset=utf-8",
				"content-disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(routes.exportXlsx, async (c) => {
			const actor = requireActor(c);
			const file = await exportUnacknowledged(deps.db, actor, c.req.valid("param").id, "xlsx");
			return c.body(new Uint8Array(file.body as Buffer), 200, {
				"content-type": XLSX,
				"content-disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(routes.notifications, async (c) => {
			const actor = requireActor(c);
			authorize(actor, await policyFor(deps.db, actor), "notification.read");
			const rows = await listNotifications(deps.db, actor.tenantId, actor.accountId);
			return c.json(
				{
					items: rows.map((n) => ({
						id: n.id,
						kind: n.kind,
						link: n.link,
						createdAt: n.created_at,
						readAt: n.read_at,
					})),
					unread: rows.filter((n) => n.read_at === null).length,
				},
				200,
			);
		})
		.openapi(routes.readNotification, async (c) => {
			const actor = requireActor(c);
			authorize(actor, await policyFor(deps.db, actor), "notification.read");
			const id = c.req.valid("param").id;
			const found = await inTransaction(deps.db, (tx) =>
				markNotificationRead(tx, actor.tenantId, actor.accountId, id),
			);
			if (!found) throw new Problem("not_found", `notification ${id} does not exist`);
			return c.body(null, 204);
		});
}
