import type { Queryable } from "../../db/queryable.ts";
import type { ImportMappingTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

/** SQL of saved column mappings; no rules. */

export type ImportMappingRow = ImportMappingTable;

export function listImportMappings(db: Queryable, tenantId: string, kind: string | null) {
	let query = db.selectFrom("import_mappings").selectAll().where("tenant_id", "=", tenantId);
	if (kind !== null) query = query.where("kind", "=", kind);
	return query.orderBy("kind").orderBy("source").execute();
}

export function findImportMapping(db: Queryable, tenantId: string, kind: string, source: string) {
	return db
		.selectFrom("import_mappings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("kind", "=", kind)
		.where("source", "=", source)
		.executeTakeFirst();
}

export function findImportMappingById(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("import_mappings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function insertImportMapping(tx: Tx, row: ImportMappingRow): Promise<void> {
	await tx.insertInto("import_mappings").values(row).execute();
}

export async function updateImportMapping(
	tx: Tx,
	id: string,
	changes: Pick<ImportMappingRow, "mapping" | "updated_by" | "updated_by_label" | "updated_at">,
): Promise<void> {
	await tx.updateTable("import_mappings").set(changes).where("id", "=", id).execute();
}

export async function deleteImportMapping(tx: Tx, id: string): Promise<void> {
	await tx.deleteFrom("import_mappings").where("id", "=", id).execute();
}
