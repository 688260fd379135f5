import type { Queryable } from "../../db/queryable.ts";
import type { ImportTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

/** SQL of the platform's imports; no rules. */

export type ImportRow = ImportTable;
export type ImportStatus = "queued" | "running" | "done" | "refused" | "failed";

export async function insertImport(tx: Tx, row: ImportRow): Promise<void> {
	await tx.insertInto("imports").values(row).execute();
}

/** An import without its file. */
export function findImport(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("imports")
		.select([
			"id",
			"tenant_id",
			"kind",
			"job_id",
			"status",
			"file_name",
			"options",
			"actor",
			"rows_checked",
			"rows_written",
			"result",
			"error_code",
			"error_detail",
			"created_by",
			"created_at",
			"started_at",
			"finished_at",
			"updated_at",
		])
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export type ImportListing = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/** Which import a row is, without its file. */
export function findImportKind(db: Queryable, id: string) {
	return db
		.selectFrom("imports")
		.select(["id", "kind", "status"])
		.where("id", "=", id)
		.executeTakeFirst();
}

/** The file and what the worker needs to run it. */
export function findImportFile(db: Queryable, id: string) {
	return db
		.selectFrom("imports")
		.select(["id", "tenant_id", "kind", "status", "file", "options", "actor"])
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function updateImport(
	db: Queryable,
	id: string,
	changes: Partial<Omit<ImportRow, "id" | "tenant_id">>,
	onlyIn?: readonly ImportStatus[],
): Promise<boolean> {
	let query = db.updateTable("imports").set(changes).where("id", "=", id);
	if (onlyIn) query = query.where("status", "in", [...onlyIn]);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
