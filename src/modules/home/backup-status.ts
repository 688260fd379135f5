import type { Queryable } from "../../db/queryable.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { type LastRun, lastBackupRun } from "../backup/backup-runs.ts";
import { homePolicy } from "./home.policy.ts";
import type { BackupStatus } from "./home.schemas.ts";

export const BACKUP_WARN_AFTER_MS = 26 * 3600 * 1000;
export const DRILL_WARN_AFTER_MS = 8 * 24 * 3600 * 1000;

function newerFailure(failure: LastRun | null, good: LastRun | null): LastRun | null {
	return failure && (!good || Date.parse(failure.at) > Date.parse(good.at)) ? failure : null;
}

/**
 * The last good backup and restore drill of the instance, and whether either is overdue (26
 * hours; 8 days) or has failed since: the administrator's warning on Home.
 *
 * @example
 * const { backupOverdue } = await backupStatus(db, actor, new Date());
 */
export async function backupStatus(db: Queryable, actor: Actor, now: Date): Promise<BackupStatus> {
	authorize(actor, homePolicy, "home.backup_status");
	const [lastBackup, lastDrill, failedBackup, failedDrill] = await Promise.all([
		lastBackupRun(db, "backup", true),
		lastBackupRun(db, "drill", true),
		lastBackupRun(db, "backup", false),
		lastBackupRun(db, "drill", false),
	]);
	const older = (run: LastRun | null, ms: number) =>
		!run || now.getTime() - Date.parse(run.at) > ms;
	return {
		lastBackup,
		lastDrill,
		backupOverdue: older(lastBackup, BACKUP_WARN_AFTER_MS),
		drillOverdue: older(lastDrill, DRILL_WARN_AFTER_MS),
		backupFailure: newerFailure(failedBackup, lastBackup),
		drillFailure: newerFailure(failedDrill, lastDrill),
	};
}
