import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { AppDeps } from "../../deps.ts";
import { japanDate } from "../../shared/dates.ts";
import { backupKeySource } from "./backup-key.ts";
import { MANIFEST_FILE } from "./backup-manifest.ts";
import { lastBackupRun, recordBackupRun } from "./backup-runs.ts";
import { notifyBackupFailure } from "./notify-backup-failure.ts";
import { takeBackup } from "./take-backup.ts";
import { verifyBackup } from "./verify-backup.ts";

/** The schedule of an instance's backups, from its environment. */
export interface BackupSchedule {
	/** `MAMORI_BACKUP_DIR`: where the daily backups go, one directory each; unset: no schedule. */
	dir: string | undefined;
	/** `MAMORI_BACKUP_HOUR_JST`: the hour (Japan time) of the daily backup; the drill an hour later. */
	hourJst: number;
	/** `MAMORI_BACKUP_KEEP_DAILY` / `_MONTHLY`: how many daily and monthly copies to keep. */
	keepDaily: number;
	keepMonthly: number;
}

function intOf(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
	const raw = env[name];
	if (raw === undefined || raw === "") return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0 || value > max) {
		throw new Error(`${name} must be an integer from 0 to ${max}, got "${raw}"`);
	}
	return value;
}

export function backupScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSchedule {
	return {
		dir: env.MAMORI_BACKUP_DIR ? resolve(env.MAMORI_BACKUP_DIR) : undefined,
		hourJst: intOf(env, "MAMORI_BACKUP_HOUR_JST", 2, 23),
		keepDaily: intOf(env, "MAMORI_BACKUP_KEEP_DAILY", 7, 3660),
		keepMonthly: intOf(env, "MAMORI_BACKUP_KEEP_MONTHLY", 12, 1200),
	};
}

const NAME = /^mamori-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** The directory name of a scheduled backup taken at `at`: sorts by time. */
export function scheduledName(at: Date): string {
	return `mamori-${at
		.toISOString()
		.replace(/[-:]/g, "")
		.replace(/\.\d{3}Z$/, "Z")}`;
}

function timeOf(name: string): Date | null {
	const m = NAME.exec(name);
	return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

/**
 * Which backups to keep: the newest of each of the last `keepDaily` Japan days that have one,
 * and the newest of each of the last `keepMonthly` months that have one.
 *
 * @example
 * retainedBackups(["mamori-20261206T170000Z", …], 7, 12); // Set of the names kept
 */
export function retainedBackups(
	names: string[],
	keepDaily: number,
	keepMonthly: number,
): Set<string> {
	const dated = names
		.flatMap((name) => {
			const at = timeOf(name);
			return at ? [{ name, day: japanDate(at) }] : [];
		})
		.sort((a, b) => b.name.localeCompare(a.name));
	const keep = new Set<string>();
	const days = new Set<string>();
	const months = new Set<string>();
	for (const { name, day } of dated) {
		if (!days.has(day) && days.size < keepDaily) {
			days.add(day);
			keep.add(name);
		}
		const month = day.slice(0, 7);
		if (!months.has(month) && months.size < keepMonthly) {
			months.add(month);
			keep.add(name);
		}
	}
	return keep;
}

/** Finished scheduled backups in `dir` (those with a manifest), newest first. */
export async function scheduledBackups(dir: string): Promise<string[]> {
	if (!existsSync(dir)) return [];
	const entries = await readdir(dir, { withFileTypes: true });
	return entries
		.filter(
			(e) => e.isDirectory() && NAME.test(e.name) && existsSync(join(dir, e.name, MANIFEST_FILE)),
		)
		.map((e) => e.name)
		.sort()
		.reverse();
}

/**
 * The daily backup: a new directory under the schedule's, recorded good or failed, then the
 * retention: copies beyond the daily and monthly ones kept are deleted. Throws when it fails, so
 * the job is retried and, in the end, kept as failed.
 */
export async function runScheduledBackup(
	deps: AppDeps,
	schedule: BackupSchedule,
	now: Date,
	env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
	if (!schedule.dir) return null;
	const to = join(schedule.dir, scheduledName(now));
	const startedAt = new Date();
	try {
		const key = backupKeySource({}, to, env, "write");
		const result = await takeBackup({
			config: deps.config,
			to,
			key,
			secretKeyFromEnv: Boolean(env.MAMORI_SECRET_KEY),
			exclude: [schedule.dir],
			now,
		});
		await recordBackupRun(deps.db, {
			kind: "backup",
			startedAt,
			finishedAt: new Date(),
			ok: true,
			location: to,
			bytes: result.bytes,
		});
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		await recordBackupRun(deps.db, {
			kind: "backup",
			startedAt,
			finishedAt: new Date(),
			ok: false,
			location: to,
			detail,
		});
		await notifyBackupFailure(deps, "backup", now, detail);
		throw error;
	}
	const keep = retainedBackups(
		await scheduledBackups(schedule.dir),
		schedule.keepDaily,
		schedule.keepMonthly,
	);
	for (const name of await scheduledBackups(schedule.dir)) {
		if (!keep.has(name)) await rm(join(schedule.dir, name), { recursive: true, force: true });
	}
	return to;
}

/** A drill is due when the last good one is older than this (the job runs daily, drills weekly). */
const DRILL_EVERY_MS = 7 * 24 * 3600 * 1000 - 3600 * 1000;

/**
 * The weekly restore drill: the newest scheduled backup is restored into a temporary place and
 * checked like a restore; recorded good or failed (and then thrown).
 */
export async function runRestoreDrill(
	deps: AppDeps,
	schedule: BackupSchedule,
	now: Date,
	env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
	if (!schedule.dir) return null;
	const last = await lastBackupRun(deps.db, "drill", true);
	if (last && now.getTime() - Date.parse(last.at) < DRILL_EVERY_MS) return null;
	const [newest] = await scheduledBackups(schedule.dir);
	const startedAt = new Date();
	const location = newest ? join(schedule.dir, newest) : schedule.dir;
	try {
		if (!newest) throw new Error(`no finished backup in ${schedule.dir} to drill`);
		const key = backupKeySource({}, location, env);
		const { report } = await verifyBackup(location, key, deps.config.databaseUrl);
		if (!report.ok) {
			const broken = report.tenants.filter((t) => !t.intact).map((t) => `${t.slug}: ${t.reason}`);
			const tables = report.tables.filter((t) => t.expected !== undefined && t.expected !== t.rows);
			throw new Error(
				`the restored backup does not match its manifest (${[...broken, ...tables.map((t) => `${t.table}: ${t.rows} rows, expected ${t.expected}`)].join("; ")})`,
			);
		}
		const events = report.tenants.reduce((sum, t) => sum + t.events, 0);
		await recordBackupRun(deps.db, {
			kind: "drill",
			startedAt,
			finishedAt: new Date(),
			ok: true,
			location,
			detail: `${report.tenants.length} tenants, ${events} audit events verified`,
		});
		return location;
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		await recordBackupRun(deps.db, {
			kind: "drill",
			startedAt,
			finishedAt: new Date(),
			ok: false,
			location,
			detail,
		});
		await notifyBackupFailure(deps, "drill", now, detail);
		throw error;
	}
}
