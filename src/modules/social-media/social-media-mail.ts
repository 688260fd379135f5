import type { AppDeps } from "../../deps.ts";
import type { DateStyle } from "../../shared/dates.ts";
import { formatDate } from "../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../shared/mail.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { accountLink } from "./notify-approval.ts";
import { findSocialAccount, type SocialAccountRow } from "./social-media.repository.ts";

/**
 * The mail of an approval, in Japanese: the service and handle, the decision date and a link;
 * the purpose, procedure and credential holders stay in Mamori behind its access rules.
 */
export function approvalMail(
	account: Pick<SocialAccountRow, "id" | "service" | "handle" | "decided_at">,
	style: DateStyle,
	name: string,
	to: string,
): MailMessage {
	const day = account.decided_at ? formatDate(account.decided_at.slice(0, 10), style) : "";
	const text = [
		`${name} 様`,
		"",
		`公式SNSアカウント ${account.service}（${account.handle}）の開設が ${day} に承認されました。`,
		"運用手順、発信してよい内容、責任者は Mamori で確認してください。",
		"",
		accountLink(account.id),
		"",
	].join("\n");
	return { to, subject: `【公式SNSアカウントの承認】${account.service} ${account.handle}`, text };
}

export type SocialMediaMailOutcome = "sent" | "no_address" | "no_smtp" | "gone";

/** The mail job's work: send one approval notice; a refusal throws, so the scheduler retries. */
export async function mailApprovalNotice(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	notificationId: string,
): Promise<SocialMediaMailOutcome> {
	const notice = await deps.db
		.selectFrom("notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", notificationId)
		.executeTakeFirst();
	if (!notice) return "gone";
	const id = notice.link.split("/").pop() ?? "";
	const [account, person, style] = await Promise.all([
		findSocialAccount(deps.db, tenantId, id),
		findAccount(deps.db, tenantId, notice.account_id),
		tenantDateStyle(deps.db, tenantId),
	]);
	if (!account || !person) return "gone";
	if (!person.email) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	await sendMail(
		deps.config.smtpUrl,
		approvalMail(account, style, person.display_name, person.email),
	);
	return "sent";
}
