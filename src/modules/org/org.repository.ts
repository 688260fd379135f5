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
		.orderBy("display_order")
		.orderBy("code")
		.execute();
}

/** The display order after the last child of `parentId` (or of the top level), in steps of 10. */
export async function nextDisplayOrder(
	db: Queryable,
	tenantId: string,
	parentId: string | null,
): Promise<number> {
	const row = await db
		.selectFrom("org_units")
		.select((eb) => eb.fn.max("display_order").as("last"))
		.where("tenant_id", "=", tenantId)
		.where("parent_id", parentId === null ? "is" : "=", parentId)
		.executeTakeFirst();
	return Number(row?.last ?? 0) + 10;
}

export async function insertOrgUnit(tx: Tx, row: OrgUnitTable): Promise<void> {
	await tx.insertInto("org_units").values(row).execute();
}

export async function updateOrgUnitRow(
	tx: Tx,
	tenantId: string,
	id: string,
	patch: Partial<Pick<OrgUnitTable, "name" | "parent_id" | "code" | "display_order">>,
): Promise<void> {
	await tx
		.updateTable("org_units")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/** Role assignments in force at `now` that are held per unit or tenant-wide, with holder names. */
export function roleHoldersInForce(db: Queryable, tenantId: string, now: string) {
	return db
		.selectFrom("role_assignments")
		.innerJoin("accounts", "accounts.id", "role_assignments.account_id")
		.select([
			"role_assignments.id",
			"role_assignments.role",
			"role_assignments.org_unit_id",
			"role_assignments.account_id",
			"role_assignments.valid_from",
			"role_assignments.valid_to",
			"accounts.display_name",
		])
		.where("role_assignments.tenant_id", "=", tenantId)
		.where("role_assignments.valid_from", "<=", now)
		.where((eb) =>
			eb.or([
				eb("role_assignments.valid_to", "is", null),
				eb("role_assignments.valid_to", ">", now),
			]),
		)
		.orderBy("role_assignments.valid_from")
		.execute();
}
