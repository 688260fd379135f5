import type { AppDeps } from "../../deps.ts";
import type { DateStyle } from "../../shared/dates.ts";
import { formatDate } from "../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../shared/mail.ts";
import { staffPlacements } from "../org/staff-placements.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { findAffair, findNotice, handlersOf } from "./my-number.repository.ts";

const REASON_TEXT: Record<string, string> = {
	transferred: "異動",
	left: "退職等",
	removed: "解除",
};

/** The link of an affair's page. */
export function affairLink(id: string): string {
	return `/my-number/${id}`;
}

/**
 * The mail to the 事務取扱責任者, in Japanese: whose entry ended, from when and why, and a link;
 * no My Number data is ever in it.
 */
export function lapseMail(
	input: {
		affairId: string;
		affairName: string;
		handlerName: string;
		endsOn: string;
		reason: string;
	},
	style: DateStyle,
	name: string,
	to: string,
): MailMessage {
	const text = [
		`${name} 様`,
		"",
		`特定個人情報の事務「${input.affairName}」の事務取扱担当者 ${input.handlerName} さんの指定が、${REASON_TEXT[input.reason] ?? input.reason}により ${formatDate(input.endsOn, style)} で終了しました。`,
		"必要に応じて後任の担当者を指定してください。",
		"",
		affairLink(input.affairId),
		"",
	].join("\n");
	return { to, subject: `【事務取扱担当者の指定終了】${input.affairName}`, text };
}

export type MyNumberMailOutcome = "sent" | "no_address" | "no_smtp" | "gone";

/** The mail job's work: send one notice; a refusal throws, so the scheduler retries. */
export async function mailLapseNotice(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	noticeId: string,
): Promise<MyNumberMailOutcome> {
	const notice = await findNotice(deps.db, tenantId, noticeId);
	if (!notice) return "gone";
	const [affair, handlers, style] = await Promise.all([
		findAffair(deps.db, tenantId, notice.affair_id),
		handlersOf(deps.db, tenantId, [notice.affair_id]),
		tenantDateStyle(deps.db, tenantId),
	]);
	const entry = handlers.find((h) => h.id === notice.handler_id);
	if (!affair || !entry?.ends_on) return "gone";
	const people = await staffPlacements(deps.db, tenantId, [
		affair.responsible_staff_id,
		entry.staff_id,
	]);
	const responsible = people.find((p) => p.staffId === affair.responsible_staff_id);
	const handler = people.find((p) => p.staffId === entry.staff_id);
	if (!responsible || responsible.accountId !== notice.account_id) return "gone";
	if (!responsible.email) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	await sendMail(
		deps.config.smtpUrl,
		lapseMail(
			{
				affairId: affair.id,
				affairName: affair.name,
				handlerName: handler?.displayName ?? "",
				endsOn: entry.ends_on,
				reason: entry.end_reason ?? "",
			},
			style,
			responsible.displayName,
			responsible.email,
		),
	);
	return "sent";
}
