import type { Queryable } from "../../../db/queryable.ts";
import type { AssuranceAuditEvidenceTable, AssuranceAuditResultTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";

export type ResultRow = AssuranceAuditResultTable;
export type EvidenceRow = AssuranceAuditEvidenceTable;
export type EvidenceMeta = Omit<EvidenceRow, "content">;

export function listResults(db: Queryable, tenantId: string, auditId: string) {
	return db
		.selectFrom("assurance_audit_results")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "=", auditId)
		.execute();
}

export function findResult(
	db: Queryable,
	tenantId: string,
	auditId: string,
	unitId: string,
	itemId: string,
) {
	return db
		.selectFrom("assurance_audit_results")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "=", auditId)
		.where("org_unit_id", "=", unitId)
		.where("item_id", "=", itemId)
		.executeTakeFirst();
}

/** Whether any result or evidence was recorded for the audit. */
export async function hasFieldwork(db: Queryable, tenantId: string, auditId: string) {
	const [result, file] = await Promise.all([
		db
			.selectFrom("assurance_audit_results")
			.select("item_id")
			.where("tenant_id", "=", tenantId)
			.where("audit_id", "=", auditId)
			.limit(1)
			.executeTakeFirst(),
		db
			.selectFrom("assurance_audit_evidence")
			.select("id")
			.where("tenant_id", "=", tenantId)
			.where("audit_id", "=", auditId)
			.limit(1)
			.executeTakeFirst(),
	]);
	return result !== undefined || file !== undefined;
}

/** Write a result, replacing the one before it (its finding, if any, stays linked). */
export async function upsertResult(tx: Tx, row: ResultRow): Promise<void> {
	const { tenant_id, audit_id, org_unit_id, item_id, finding_id: _, ...rest } = row;
	await tx
		.insertInto("assurance_audit_results")
		.values(row)
		.onConflict((conflict) =>
			conflict.columns(["audit_id", "org_unit_id", "item_id"]).doUpdateSet(rest),
		)
		.execute();
}

export async function linkResultFinding(
	tx: Tx,
	key: { tenantId: string; auditId: string; unitId: string; itemId: string },
	findingId: string,
): Promise<void> {
	await tx
		.updateTable("assurance_audit_results")
		.set({ finding_id: findingId })
		.where("tenant_id", "=", key.tenantId)
		.where("audit_id", "=", key.auditId)
		.where("org_unit_id", "=", key.unitId)
		.where("item_id", "=", key.itemId)
		.execute();
}

export async function insertEvidence(tx: Tx, row: EvidenceRow): Promise<void> {
	await tx.insertInto("assurance_audit_evidence").values(row).execute();
}

/** The evidence files of an audit, without their bytes, in upload order. */
export function listEvidence(db: Queryable, tenantId: string, auditId: string) {
	return db
		.selectFrom("assurance_audit_evidence")
		.select([
			"id",
			"tenant_id",
			"audit_id",
			"org_unit_id",
			"item_id",
			"file_name",
			"media_type",
			"size",
			"sha256",
			"uploaded_by",
			"uploaded_by_label",
			"uploaded_at",
		])
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "=", auditId)
		.orderBy("uploaded_at")
		.orderBy("id")
		.execute();
}

export function findEvidence(db: Queryable, tenantId: string, auditId: string, id: string) {
	return db
		.selectFrom("assurance_audit_evidence")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("audit_id", "=", auditId)
		.where("id", "=", id)
		.executeTakeFirst();
}
