import type { JobDeclaration } from "../../platform/jobs/job.ts";
import { BACKUP_MAIL_JOB, mailBackupFailure } from "./notify-backup-failure.ts";
import { backupScheduleFromEnv, runRestoreDrill, runScheduledBackup } from "./scheduled-backups.ts";

export const BACKUP_JOB = "backup.daily";
export const DRILL_JOB = "backup.weekly-drill";

const schedule = backupScheduleFromEnv();

/** Backups and restore drills on the clock, once per instance; collected in platform/jobs/registry.ts. */
export const backupJobs: JobDeclaration[] = [
	{
		name: BACKUP_JOB,
		// Daily at MAMORI_BACKUP_HOUR_JST (02:00 in Japan unless set), into MAMORI_BACKUP_DIR.
		maxAttempts: 3,
		recurring: { every: "daily", hourJst: schedule.hourJst, perTenant: false },
		async handler(deps, job) {
			await runScheduledBackup(
				deps,
				backupScheduleFromEnv(),
				new Date(Math.max(Date.now(), Date.parse(job.dueAt))),
			);
		},
	},
	{
		name: DRILL_JOB,
		// Checked daily an hour after the backup; restores and verifies when the last good drill is a week old.
		maxAttempts: 2,
		recurring: { every: "daily", hourJst: (schedule.hourJst + 1) % 24, perTenant: false },
		async handler(deps, job) {
			await runRestoreDrill(
				deps,
				backupScheduleFromEnv(),
				new Date(Math.max(Date.now(), Date.parse(job.dueAt))),
			);
		},
	},
	{
		// One notice of a failed backup or drill, mailed; retried while the SMTP server refuses.
		name: BACKUP_MAIL_JOB,
		maxAttempts: 8,
		async handler(deps, job) {
			const payload = job.payload as { notificationId?: unknown; detail?: unknown } | null;
			const id = payload?.notificationId;
			if (!job.tenantId) throw new Error(`${job.name} runs per tenant`);
			if (typeof id !== "string" || id === "") throw new Error(`${job.name}: no notificationId`);
			const detail = typeof payload?.detail === "string" ? payload.detail : "";
			await mailBackupFailure(deps, job.tenantId, id, detail);
		},
	},
];
