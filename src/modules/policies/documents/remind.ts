import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit/record-audit.ts";
import type { Actor } from "../../authz/roles.ts";
import { acknowledgementStatus } from "./acknowledgement-status.ts";
import { insertNotifications } from "./documents.repository.ts";

/**
 * Remind everyone who has not acknowledged a version yet, in the app (a notification linking to
 * the version). Returns the recipients, so that mail can be sent after commit when configured
 * (see {@link reminderMails}).
 */
export async function remindUnacknowledged(tx: Tx, actor: Actor, versionId: string) {
	const status = await acknowledgementStatus(tx, actor, versionId);
	const now = new Date().toISOString();
	await insertNotifications(
		tx,
		status.pending.map((member) => ({
			id: randomUUID(),
			tenant_id: actor.tenantId,
			account_id: member.accountId,
			kind: "policy_acknowledgement_reminder",
			link: `/policies/versions/${status.version.id}`,
			created_at: now,
			read_at: null,
		})),
	);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.reminders_sent",
		{ versionId: status.version.id, recipients: status.pending.length },
		{ recordType: "policy_version", recordId: status.version.id },
	);
	return { pending: status.pending, document: status.document, version: status.version };
}

/** The reminder mails for those pending who have an address; sent after commit. */
export function reminderMails(reminded: Awaited<ReturnType<typeof remindUnacknowledged>>) {
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
