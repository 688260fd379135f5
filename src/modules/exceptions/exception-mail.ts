import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { type DateStyle, formatDate } from "../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../shared/mail.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import {
	type ExceptionRow,
	findException,
	findExceptionNotice,
	markNoticeMailed,
} from "./exceptions.repository.ts";

/**
 * The mail of one reminder, in Japanese: the reference, the clause and the end date, and a link;
 * the reasons and measures stay in Mamori behind its access rules.
 */
export function expiryMail(
	exception: Pick<ExceptionRow, "id" | "reference" | "clause" | "ends_on">,
	style: DateStyle,
	name: string,
	to: string,
): MailMessage {
	const end = formatDate(exception.ends_on, style);
	const text = [
		`${name} 様`,
		"",
		`例外措置 ${exception.reference}（${exception.clause}）は ${end} に期間が終わります。`,
		"期間の後も例外が必要なときは、更新を申請してください（更新は改めて決定されます）。期間が終わると、例外は自動的に失効し、対象は再び違反として扱われます。",
		"",
		`/exceptions/${exception.id}`,
		"",
	].join("\n");
	return { to, subject: `【例外措置の期限】${exception.reference}（${end}まで）`, text };
}

export type ExceptionMailOutcome = "sent" | "already_sent" | "no_address" | "no_smtp" | "gone";

/**
 * The mail job's work: send one reminder through the SMTP server and record that it went. A
 * refusal throws, so the scheduler retries; a reminder already mailed is not sent again.
 */
export async function mailExceptionNotice(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	noticeId: string,
	now: Date = new Date(),
): Promise<ExceptionMailOutcome> {
	const notice = await findExceptionNotice(deps.db, tenantId, noticeId);
	if (!notice) return "gone";
	if (notice.mailed_at) return "already_sent";
	if (!notice.mail_to) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	const [exception, account, style] = await Promise.all([
		findException(deps.db, tenantId, notice.exception_id),
		findAccount(deps.db, tenantId, notice.account_id),
		tenantDateStyle(deps.db, tenantId),
	]);
	if (!exception || !account) return "gone";
	await sendMail(
		deps.config.smtpUrl,
		expiryMail(exception, style, account.display_name, notice.mail_to),
	);
	await inTransaction(deps.db, (tx) =>
		markNoticeMailed(tx, tenantId, notice.id, now.toISOString()),
	);
	return "sent";
}
