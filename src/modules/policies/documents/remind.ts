import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { type AuditContext, auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import type { Actor } from "../../authz/roles.ts";
import { acknowledgementStatus, type Completion } from "./acknowledgement-status.ts";
import { insertNotifications, REMINDER_KIND, versionLink } from "./documents.repository.ts";

/**
 * Remind everyone who has not acknowledged a version yet, in the app (a notification linking to
 * the version). Returns the recipients, so that mail can be sent after commit when configured
 * (see {@link reminderMails}).
 */
export async function remindUnacknowledged(tx: Tx, actor: Actor, versionId: string) {
	const status = await acknowledgementStatus(tx, actor, versionId);
	return recordReminders(tx, auditContextOf(actor), status);
}

/**
 * The reminders themselves, once the caller is authorised: the notifications and the audit event
 * of who reminded (a person's button, or the daily sweep acting for the module).
 */
export async function recordReminders(tx: Tx, context: AuditContext, status: Completion) {
	const now = new Date().toISOString();
	await insertNotifications(
		tx,
		status.pending.map((member) => ({
			id: randomUUID(),
			tenant_id: context.tenantId,
			account_id: member.accountId,
			kind: REMINDER_KIND,
			link: versionLink(status.version.id),
			created_at: now,
			read_at: null,
		})),
	);
	await recordAudit(
		tx,
		context,
		"policy.reminders_sent",
		{ versionId: status.version.id, recipients: status.pending.length },
		{ recordType: "policy_version", recordId: status.version.id },
	);
	return { pending: status.pending, document: status.document, version: status.version };
}

/** The reminder mails for those pending who have an address; sent after commit. */
export function reminderMails(reminded: Awaited<ReturnType<typeof recordReminders>>) {
	const title = `${reminded.document.title} 第${reminded.version.number}版`;
	return reminded.pending.flatMap((member) =>
		member.email
			? [
					{
						to: member.email,
						subject: `【要確認】${title}`,
						text: `${member.displayName} 様\n\n公開された「${title}」をまだ確認していません。Mamori にログインし、ポリシー文書の「要確認」から内容を読んで確認してください。\n\n/policies/versions/${reminded.version.id}\n`,
					},
				]
			: [],
	);
}
