import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { type DateStyle, formatDate } from "../../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../../shared/mail.ts";
import { term } from "../../../shared/vocabulary.ts";
import { findAccount } from "../../accounts/accounts.repository.ts";
import { findOrgUnit } from "../../org/org.repository.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";
import {
	type FindingNotificationRow,
	type FindingRow,
	findFinding,
	findFindingNotification,
	markFindingMailed,
} from "./findings.repository.ts";

/**
 * The mail of one overdue notice, in Japanese. It names the finding by its reference, severity,
 * owner unit and due date, and links to it; what the finding says stays in Mamori, behind its
 * access rules, since mail may leave the LGWAN segment.
 */
export function overdueMail(
	finding: Pick<FindingRow, "id" | "reference" | "severity">,
	notification: Pick<FindingNotificationRow, "due_on" | "role">,
	unitName: string,
	style: DateStyle,
	name: string,
	to: string,
): MailMessage {
	const due = formatDate(notification.due_on, style);
	const severity = term("findingSeverity", finding.severity);
	const why =
		notification.role === "ciso"
			? "最高情報セキュリティ責任者としてお知らせします。"
			: `${unitName}の情報セキュリティ管理者としてお知らせします。`;
	const text = [
		`${name} 様`,
		"",
		`指摘事項 ${finding.reference}（重大度: ${severity}、所管: ${unitName}）の是正処置は期限（${due}）を過ぎていますが、完了が記録されていません。${why}`,
		"Mamori にログインして指摘事項を開き、是正の状況を確認してください。指摘の内容はこのメールには書いていません。",
		"",
		`/findings/${finding.id}`,
		"",
	].join("\n");
	return { to, subject: `【是正期限超過】指摘事項 ${finding.reference}（期限 ${due}）`, text };
}

export type FindingMailOutcome = "sent" | "already_sent" | "no_address" | "no_smtp" | "gone";

/**
 * The mail job's work: send one overdue notice through the tenant's SMTP server and record that
 * it went. A refusal throws, so the scheduler retries with backoff and finally keeps the job as
 * failed with the error; a notice already mailed is not sent again.
 */
export async function mailFindingNotice(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	notificationId: string,
	now: Date = new Date(),
): Promise<FindingMailOutcome> {
	const notification = await findFindingNotification(deps.db, tenantId, notificationId);
	if (!notification) return "gone";
	if (notification.mailed_at) return "already_sent";
	if (!notification.mail_to) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	const [finding, account, style] = await Promise.all([
		findFinding(deps.db, tenantId, notification.finding_id),
		findAccount(deps.db, tenantId, notification.account_id),
		tenantDateStyle(deps.db, tenantId),
	]);
	if (!finding || !account) return "gone";
	const unit = await findOrgUnit(deps.db, tenantId, finding.owner_unit_id);
	await sendMail(
		deps.config.smtpUrl,
		overdueMail(
			finding,
			notification,
			unit?.name ?? "",
			style,
			account.display_name,
			notification.mail_to,
		),
	);
	await inTransaction(deps.db, (tx) =>
		markFindingMailed(tx, tenantId, notification.id, now.toISOString()),
	);
	return "sent";
}
