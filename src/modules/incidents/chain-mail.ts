import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { type DateStyle, formatDate } from "../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../shared/mail.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { findNotification, markMailed, type NotificationRow } from "./incident-chain.repository.ts";
import { chainOfPack } from "./incident-chain.ts";
import { findIncident, type IncidentRow } from "./incidents.repository.ts";

/** The title of a role in the tenant's pack (情報セキュリティ管理者…), else its code. */
function roleTitle(pack: PolicyPack, role: string): string {
	return pack.organisation.roles.find((r) => r.code === role)?.title.ja ?? role;
}

function severityLabel(pack: PolicyPack, severity: number | null): string {
	if (severity === null) return "未判定";
	return pack.riskMatrix.impact[severity - 1]?.ja ?? String(severity);
}

interface DeadlineDetail {
	authority?: { ja: string };
	label?: { ja: string };
	due?: string;
	overdue?: boolean;
}

/**
 * The mail of one notification, in Japanese. It names the case by its reference, severity and why
 * the person is told, and links to the case; what happened stays in Mamori, behind its access
 * rules, since mail may leave the LGWAN segment.
 */
export function chainMail(
	pack: PolicyPack,
	style: DateStyle,
	incident: Pick<IncidentRow, "id" | "reference">,
	notification: NotificationRow,
	name: string,
	to: string,
): MailMessage {
	const ref = incident.reference;
	const severity = severityLabel(pack, notification.severity);
	const contact = roleTitle(pack, chainOfPack(pack).contactPoint);
	const detail = JSON.parse(notification.detail) as DeadlineDetail & { afterHours?: number };
	let subject: string;
	let lead: string;
	if (notification.reason === "escalation") {
		subject = `【至急・未確認】インシデント ${ref}（重大度: ${severity}）`;
		lead = `重大度「${severity}」のインシデント ${ref} の連絡が、${detail.afterHours ?? "?"} 時間を過ぎても確認されていません。最高情報セキュリティ責任者としてお知らせします。`;
	} else if (notification.reason === "deadline") {
		const due = detail.due ? formatDate(detail.due, style) : "";
		const what = `${detail.authority?.ja ?? ""}への${detail.label?.ja ?? "報告"}`;
		subject = `【法定報告の期限${detail.overdue ? "超過" : ""}】インシデント ${ref}: ${what}（期限 ${due}）`;
		lead = detail.overdue
			? `インシデント ${ref} の${what}は期限（${due}）を過ぎていますが、提出が記録されていません。`
			: `インシデント ${ref} の${what}の期限は ${due} です。まだ提出が記録されていません。`;
	} else {
		subject = `【インシデント連絡】${ref}（重大度: ${severity}）`;
		lead =
			notification.reason === "severity_raised"
				? `インシデント ${ref} の重大度が「${severity}」に上がりました。${roleTitle(pack, notification.role)}としてお知らせします。`
				: `インシデント ${ref}（重大度「${severity}」）がトリアージされました。${roleTitle(pack, notification.role)}としてお知らせします。`;
	}
	const text = [
		`${name} 様`,
		"",
		lead,
		"Mamori にログインして事案を開き、「確認しました」を押してください。事案の内容はこのメールには書いていません。",
		"",
		`/incidents/${incident.id}`,
		"",
		`窓口: ${contact}`,
		"",
	].join("\n");
	return { to, subject, text };
}

export type MailOutcome = "sent" | "already_sent" | "no_address" | "no_smtp" | "gone";

/**
 * The mail job's work: send one notification's mail through the tenant's SMTP server and record
 * that it went. A refusal throws, so the scheduler retries with backoff and finally keeps the job
 * as failed with the error; a notification already mailed is not sent again.
 *
 * @example
 * await mailNotification(runtime, tenant.id, notificationId);
 */
export async function mailNotification(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	notificationId: string,
	now: Date = new Date(),
): Promise<MailOutcome> {
	const notification = await findNotification(deps.db, tenantId, notificationId);
	if (!notification) return "gone";
	if (notification.mailed_at) return "already_sent";
	if (!notification.mail_to) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	const [incident, account, found, style] = await Promise.all([
		findIncident(deps.db, tenantId, notification.incident_id),
		findAccount(deps.db, tenantId, notification.account_id),
		currentTenantPack(deps.db, tenantId),
		tenantDateStyle(deps.db, tenantId),
	]);
	if (!incident || !account || !found) return "gone";
	await sendMail(
		deps.config.smtpUrl,
		chainMail(
			found.pack,
			style,
			incident,
			notification,
			account.display_name,
			notification.mail_to,
		),
	);
	await inTransaction(deps.db, (tx) =>
		markMailed(tx, tenantId, notification.id, now.toISOString()),
	);
	return "sent";
}
