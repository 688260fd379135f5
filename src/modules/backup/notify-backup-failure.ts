import { randomUUID } from "node:crypto";
import { systemActor } from "../../bootstrap.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { formatDate, japanDate, startOfJapanDay } from "../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../shared/mail.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { homePolicy } from "../home/home.policy.ts";
import { roleHoldersInForce } from "../org/org.repository.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import type { BackupRunKind } from "./backup-runs.ts";

/** The kinds of the in-app notice of a failed backup or drill (their texts are in the catalogues). */
export const BACKUP_FAILURE_KINDS: Record<BackupRunKind, string> = {
	backup: "backup_failed",
	drill: "backup_drill_failed",
};
/** The job that mails one notice of a failed backup or drill; queued with it. */
export const BACKUP_MAIL_JOB = "backup.failure-mail";
/** Where the notice leads: Home, whose backup card shows the failure and its reason. */
export const BACKUP_NOTICE_LINK = "/";

/** Those told of the instance's backups: the roles that see Home's backup card. */
function toldRoles(): Set<string> {
	return new Set(homePolicy["home.backup_status"]);
}

async function toldToday(
	db: Queryable,
	tenantId: string,
	kind: string,
	now: Date,
): Promise<boolean> {
	const row = await db
		.selectFrom("notifications")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("kind", "=", kind)
		.where("link", "=", BACKUP_NOTICE_LINK)
		.where("created_at", ">=", startOfJapanDay(now))
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Tell every tenant's administrators (the roles that see Home's backup card) that the scheduled
 * backup or restore drill failed: a notice in the app and, with an address, a queued mail each,
 * with an audit event by the scheduler. Backups are instance-wide, so every tenant is told; a
 * tenant already told of the same kind of failure on the same Japan day is not told again (the
 * job's retries and a second run that day fail alike). Returns the accounts told, by tenant.
 *
 * @example
 * await notifyBackupFailure(runtime, "backup", new Date(), "no backup key");
 */
export async function notifyBackupFailure(
	deps: Pick<AppDeps, "db">,
	kind: BackupRunKind,
	now: Date,
	detail: string,
): Promise<Map<string, string[]>> {
	const noticeKind = BACKUP_FAILURE_KINDS[kind];
	const roles = toldRoles();
	const at = now.toISOString();
	const tenants = await deps.db.selectFrom("tenants").select("id").orderBy("id").execute();
	const told = new Map<string, string[]>();
	for (const { id: tenantId } of tenants) {
		const accountIds = await inTransaction(deps.db, async (tx) => {
			if (await toldToday(tx, tenantId, noticeKind, now)) return [];
			const holders = await roleHoldersInForce(tx, tenantId, at);
			const ids = [...new Set(holders.filter((h) => roles.has(h.role)).map((h) => h.account_id))];
			const done: string[] = [];
			for (const accountId of ids.sort()) {
				const account = await findAccount(tx, tenantId, accountId);
				if (!account || account.disabled_at) continue;
				const id = randomUUID();
				await tx
					.insertInto("notifications")
					.values({
						id,
						tenant_id: tenantId,
						account_id: account.id,
						kind: noticeKind,
						link: BACKUP_NOTICE_LINK,
						created_at: at,
						read_at: null,
					})
					.execute();
				if (account.email)
					await enqueueJob(tx, {
						name: BACKUP_MAIL_JOB,
						tenantId,
						payload: { notificationId: id, detail },
						dueAt: now,
					});
				done.push(account.id);
			}
			if (done.length === 0) return done;
			const actor = systemActor(tenantId, "scheduler (backup)");
			await recordAudit(tx, auditContextOf(actor), "backup.failure_notified", {
				kind,
				day: japanDate(now),
				accountIds: done,
			});
			return done;
		});
		if (accountIds.length > 0) told.set(tenantId, accountIds);
	}
	return told;
}

/** The mail of a failed backup or drill, in Japanese: what failed, when, why, and where to look. */
export function backupFailureMail(
	kind: BackupRunKind,
	day: string,
	detail: string,
	name: string,
	to: string,
): MailMessage {
	const what = kind === "backup" ? "定期バックアップ" : "復元訓練";
	const text = [
		`${name} 様`,
		"",
		`${day} の${what}が失敗しました。`,
		`理由: ${detail}`,
		"Mamori のホーム画面で状況を確認し、原因を取り除いてください。",
		"",
		BACKUP_NOTICE_LINK,
		"",
	].join("\n");
	return { to, subject: `【${what}の失敗】${day}`, text };
}

export type BackupMailOutcome = "sent" | "no_address" | "no_smtp" | "gone";

/** The mail job's work: send one notice of a failure; a refusal throws, so the scheduler retries. */
export async function mailBackupFailure(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	notificationId: string,
	detail: string,
): Promise<BackupMailOutcome> {
	const notice = await deps.db
		.selectFrom("notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", notificationId)
		.executeTakeFirst();
	if (!notice) return "gone";
	const kind = (Object.keys(BACKUP_FAILURE_KINDS) as BackupRunKind[]).find(
		(k) => BACKUP_FAILURE_KINDS[k] === notice.kind,
	);
	const [person, style] = await Promise.all([
		findAccount(deps.db, tenantId, notice.account_id),
		tenantDateStyle(deps.db, tenantId),
	]);
	if (!kind || !person) return "gone";
	if (!person.email) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	const day = formatDate(japanDate(new Date(notice.created_at)), style);
	await sendMail(
		deps.config.smtpUrl,
		backupFailureMail(kind, day, detail, person.display_name, person.email),
	);
	return "sent";
}
