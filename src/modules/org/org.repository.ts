import type { Queryable } from "../../db/queryable.ts";
import type { OrgUnitTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export function findOrgUnit(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("org_units")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findOrgUnitByCode(db: Queryable, tenantId: string, code: string) {
	return db
		.selectFrom("org_units")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("code", "=", code)
		.executeTakeFirst();
}

export function listOrgUnits(db: Queryable, tenantId: string) {
	return db
		.selectFrom("org_units")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("code")
		.execute();
}

export async function insertOrgUnit(tx: Tx, row: OrgUnitTable): Promise<void> {
	await tx.insertInto("org_units").values(row).execute();
}
