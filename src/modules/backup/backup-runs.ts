import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";

export type BackupRunKind = "backup" | "drill";

/** Record one backup or drill, good or failed. */
export async function recordBackupRun(
	db: Queryable,
	run: {
		kind: BackupRunKind;
		startedAt: Date;
		finishedAt: Date;
		ok: boolean;
		location: string;
		bytes?: number | null;
		detail?: string | null;
	},
): Promise<void> {
	await db
		.insertInto("backup_runs")
		.values({
			id: randomUUID(),
			kind: run.kind,
			started_at: run.startedAt.toISOString(),
			finished_at: run.finishedAt.toISOString(),
			ok: run.ok,
			location: run.location,
			bytes: run.bytes ?? null,
			detail: run.detail ?? null,
		})
		.execute();
}

export interface LastRun {
	at: string;
	location: string;
	bytes: number | null;
	detail: string | null;
}

/** The newest run of `kind`, the newest good one when `ok` is true, the newest failed one when false. */
export async function lastBackupRun(
	db: Queryable,
	kind: BackupRunKind,
	ok: boolean,
): Promise<LastRun | null> {
	const row = await db
		.selectFrom("backup_runs")
		.select(["finished_at", "location", "bytes", "detail"])
		.where("kind", "=", kind)
		.where("ok", "=", ok)
		.orderBy("finished_at", "desc")
		.limit(1)
		.executeTakeFirst();
	return row
		? {
				at: new Date(row.finished_at).toISOString(),
				location: row.location,
				bytes: row.bytes === null ? null : Number(row.bytes),
				detail: row.detail,
			}
		: null;
}
