import type { Queryable } from "../../db/queryable.ts";
import type { NetworkModelRevisionTable, NetworkModelTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

/** The tenant's current model row, or undefined before the first save. */
export function findNetworkModel(
	db: Queryable,
	tenantId: string,
): Promise<NetworkModelTable | undefined> {
	return db
		.selectFrom("network_models")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.executeTakeFirst();
}

/** Insert the first revision's row or move the current row to a new revision. */
export async function upsertNetworkModel(tx: Tx, row: NetworkModelTable): Promise<void> {
	const updated = await tx
		.updateTable("network_models")
		.set({
			revision: row.revision,
			content: row.content,
			updated_by: row.updated_by,
			updated_by_label: row.updated_by_label,
			updated_at: row.updated_at,
		})
		.where("tenant_id", "=", row.tenant_id)
		.where("revision", "=", row.revision - 1)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) {
		await tx.insertInto("network_models").values(row).execute();
	}
}

export async function insertNetworkModelRevision(
	tx: Tx,
	row: NetworkModelRevisionTable,
): Promise<void> {
	await tx.insertInto("network_model_revisions").values(row).execute();
}

/** Saved revisions, newest first, without their content (the history list). */
export function listNetworkModelRevisions(
	db: Queryable,
	tenantId: string,
	limit = 50,
): Promise<Omit<NetworkModelRevisionTable, "content" | "tenant_id">[]> {
	return db
		.selectFrom("network_model_revisions")
		.select(["id", "revision", "source", "saved_by", "saved_by_label", "saved_at"])
		.where("tenant_id", "=", tenantId)
		.orderBy("revision", "desc")
		.limit(limit)
		.execute();
}
