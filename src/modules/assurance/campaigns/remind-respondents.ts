import { randomUUID } from "node:crypto";
import { systemActor } from "../../../bootstrap.ts";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { enqueueJob } from "../../../platform/jobs/enqueue-job.ts";
import { type DateStyle, formatDate, japanDate } from "../../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../../shared/mail.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";

/** The daily reminder sweep of open campaigns; declared in campaigns.jobs.ts. */
export const CAMPAIGN_REMINDER_JOB = "assurance.campaign-reminders";
/** The job that mails one reminder; queued with it. */
export const CAMPAIGN_MAIL_JOB = "assurance.campaign-mail";
/** Respondents with open items are reminded this many days before the due date, and on it. */
export const REMIND_DAYS_BEFORE = 3;

/** The days from `today` to `dueOn` (both Japan dates). */
export function daysUntil(today: string, dueOn: string): number {
	return Math.round(
		(Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
	);
}

/** Whether a campaign due on `dueOn` reminds today: N days before, and on the due date. */
export function remindsToday(today: string, dueOn: string): boolean {
	const left = daysUntil(today, dueOn);
	return left === REMIND_DAYS_BEFORE || left === 0;
}

export interface CampaignReminded {
	campaignId: string;
	reminded: number;
}

/**
 * The daily sweep of one tenant: in every open campaign due in `REMIND_DAYS_BEFORE` days or
 * today, each respondent who has not submitted gets a reminder in the app (a reminder row, which
 * Home's count of items to submit goes with) and a queued mail when they have an address, with
 * one audit event per campaign by the scheduler. A respondent is reminded once per Japan day
 * (a unique key), so a rerun or a second process reminds nobody twice.
 *
 * @example
 * await remindRespondents(runtime, tenant.id, new Date());
 */
export async function remindRespondents(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<CampaignReminded[]> {
	const today = japanDate(now);
	const campaigns = await deps.db
		.selectFrom("assurance_campaigns")
		.select(["id", "title", "due_on"])
		.where("tenant_id", "=", tenantId)
		.where("state", "=", "open")
		.where("due_on", ">=", today)
		.execute();
	const done: CampaignReminded[] = [];
	const actor = systemActor(tenantId, `scheduler (${CAMPAIGN_REMINDER_JOB})`);
	const at = now.toISOString();
	for (const campaign of campaigns) {
		if (!remindsToday(today, campaign.due_on)) continue;
		const reminded = await inTransaction(deps.db, async (tx) => {
			const open = await tx
				.selectFrom("assurance_campaign_respondents as r")
				.innerJoin("accounts as a", "a.id", "r.account_id")
				.select(["r.id", "r.account_id", "r.assigned_items", "r.answered_items", "a.email"])
				.where("r.campaign_id", "=", campaign.id)
				.where("r.submitted_at", "is", null)
				.where("a.disabled_at", "is", null)
				.execute();
			let count = 0;
			for (const person of open) {
				const id = randomUUID();
				const result = await tx
					.insertInto("assurance_campaign_reminders")
					.values({
						id,
						tenant_id: tenantId,
						campaign_id: campaign.id,
						respondent_id: person.id,
						account_id: person.account_id,
						reminded_on: today,
						days_left: daysUntil(today, campaign.due_on),
						open_items: Number(person.assigned_items) - Number(person.answered_items),
						notified_at: at,
						mail_to: person.email,
						mailed_at: null,
					})
					.onConflict((c) => c.columns(["respondent_id", "reminded_on"]).doNothing())
					.executeTakeFirst();
				if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) continue;
				count++;
				if (person.email) {
					await enqueueJob(tx, {
						name: CAMPAIGN_MAIL_JOB,
						tenantId,
						payload: { reminderId: id },
						dueAt: now,
					});
				}
			}
			if (count > 0) {
				await recordAudit(
					tx,
					auditContextOf(actor),
					"assurance_campaign.reminded",
					{ campaign: campaign.title, dueOn: campaign.due_on, respondents: count },
					{ recordType: "assurance_campaign", recordId: campaign.id },
				);
			}
			return count;
		});
		done.push({ campaignId: campaign.id, reminded });
	}
	return done;
}

/**
 * The mail of one reminder, in Japanese: the campaign, the due date and how many items are
 * open, with the link to answer; no answers are written in mail.
 */
export function reminderMail(
	reminder: { respondent_id: string; open_items: number; days_left: number },
	campaign: { title: string; due_on: string },
	style: DateStyle,
	name: string,
	to: string,
): MailMessage {
	const due = formatDate(campaign.due_on, style);
	const when =
		reminder.days_left === 0 ? "本日が期限です。" : `期限まであと${reminder.days_left}日です。`;
	const text = [
		`${name} 様`,
		"",
		`自己点検「${campaign.title}」の回答が提出されていません（未提出 ${reminder.open_items} 項目、期限 ${due}）。${when}`,
		"Mamori にログインして回答し、提出してください。",
		"",
		`/assurance/responses/${reminder.respondent_id}`,
		"",
	].join("\n");
	return { to, subject: `【自己点検】回答の提出期限（${due}）のお知らせ`, text };
}

/**
 * The mail job's work: send one reminder and record it; a refusal throws so the job retries.
 * A reminder of a campaign closed since it was queued is not mailed.
 */
export async function mailReminder(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	reminderId: string,
	now: Date = new Date(),
): Promise<"sent" | "already_sent" | "no_address" | "no_smtp" | "gone" | "closed"> {
	const reminder = await deps.db
		.selectFrom("assurance_campaign_reminders as m")
		.innerJoin("assurance_campaigns as c", "c.id", "m.campaign_id")
		.innerJoin("accounts as a", "a.id", "m.account_id")
		.select([
			"m.id",
			"m.respondent_id",
			"m.open_items",
			"m.days_left",
			"m.mail_to",
			"m.mailed_at",
			"c.title",
			"c.due_on",
			"c.state",
			"a.display_name",
		])
		.where("m.tenant_id", "=", tenantId)
		.where("m.id", "=", reminderId)
		.executeTakeFirst();
	if (!reminder) return "gone";
	if (reminder.mailed_at) return "already_sent";
	// Closed since the reminder was queued: nothing is left to submit.
	if (reminder.state !== "open") return "closed";
	if (!reminder.mail_to) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	const style = await tenantDateStyle(deps.db, tenantId);
	await sendMail(
		deps.config.smtpUrl,
		reminderMail(reminder, reminder, style, reminder.display_name, reminder.mail_to),
	);
	await inTransaction(deps.db, (tx) =>
		tx
			.updateTable("assurance_campaign_reminders")
			.set({ mailed_at: now.toISOString() })
			.where("id", "=", reminder.id)
			.execute(),
	);
	return "sent";
}
