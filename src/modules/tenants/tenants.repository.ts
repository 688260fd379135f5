import type { Queryable } from "../../db/queryable.ts";
import type { TenantTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type TenantRow = TenantTable;

export function findTenantBySlug(db: Queryable, slug: string) {
	return db.selectFrom("tenants").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function findTenant(db: Queryable, id: string) {
	return db.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listTenants(db: Queryable) {
	return db.selectFrom("tenants").selectAll().orderBy("created_at").orderBy("slug").execute();
}

export async function insertTenant(tx: Tx, row: TenantRow): Promise<void> {
	await tx.insertInto("tenants").values(row).execute();
}
