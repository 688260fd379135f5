import type { Queryable } from "../../db/queryable.ts";
import type { StaffTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type StaffRow = StaffTable;

/** Staff with their account's name fields, for lists and the roster. */
export function staffWithAccounts(db: Queryable, tenantId: string) {
	return db
		.selectFrom("staff")
		.innerJoin("accounts", "accounts.id", "staff.account_id")
		.select([
			"staff.id",
			"staff.account_id",
			"staff.staff_number",
			"staff.category",
			"staff.org_unit_id",
			"staff.title",
			"staff.active",
			"staff.left_at",
			"staff.created_at",
			"staff.updated_at",
			"accounts.username",
			"accounts.display_name",
			"accounts.email",
			"accounts.works_in_mynumber",
			"accounts.disabled_at",
		])
		.where("staff.tenant_id", "=", tenantId)
		.orderBy("staff.staff_number");
}

export function findStaff(db: Queryable, tenantId: string, staffId: string) {
	return db
		.selectFrom("staff")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", staffId)
		.executeTakeFirst();
}

export async function insertStaff(tx: Tx, row: StaffRow): Promise<void> {
	await tx.insertInto("staff").values(row).execute();
}

export async function updateStaff(
	tx: Tx,
	tenantId: string,
	staffId: string,
	patch: Partial<Omit<StaffRow, "id" | "tenant_id" | "account_id">>,
): Promise<void> {
	await tx
		.updateTable("staff")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", staffId)
		.execute();
}

/**
 * The units (所属) of the given accounts' active staff rows: how the accounts belong to units,
 * for modules that check it (an auditor's independence).
 */
export function activeStaffUnits(db: Queryable, tenantId: string, accountIds: readonly string[]) {
	if (accountIds.length === 0) {
		return Promise.resolve([] as { account_id: string; org_unit_id: string }[]);
	}
	return db
		.selectFrom("staff")
		.select(["account_id", "org_unit_id"])
		.where("tenant_id", "=", tenantId)
		.where("account_id", "in", [...accountIds])
		.where("active", "=", true)
		.execute();
}

/** Active staff per org unit id. */
export async function staffCounts(db: Queryable, tenantId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom("staff")
		.select(["org_unit_id", (eb) => eb.fn.countAll<number>().as("n")])
		.where("tenant_id", "=", tenantId)
		.where("active", "=", true)
		.groupBy("org_unit_id")
		.execute();
	return new Map(rows.map((r) => [r.org_unit_id, Number(r.n)]));
}

/** Audit snapshot of a staff row. */
export function staffSnapshot(row: StaffRow) {
	return {
		staffNumber: row.staff_number,
		accountId: row.account_id,
		category: row.category,
		orgUnitId: row.org_unit_id,
		title: row.title,
		active: Boolean(row.active),
	};
}

/** The roster's entry for a 職員番号 (directory sign-in links people by it). */
export function findStaffByNumber(db: Queryable, tenantId: string, staffNumber: string) {
	return db
		.selectFrom("staff")
		.select(["id", "account_id", "staff_number", "active"])
		.where("tenant_id", "=", tenantId)
		.where("staff_number", "=", staffNumber)
		.executeTakeFirst();
}

/** 職員番号 → account of the whole roster, for a directory sync. */
export async function staffAccountsByNumber(
	db: Queryable,
	tenantId: string,
): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom("staff")
		.select(["staff_number", "account_id"])
		.where("tenant_id", "=", tenantId)
		.execute();
	return new Map(rows.map((r) => [r.staff_number, r.account_id]));
}

/**
 * The active roster as a query other modules may join (training counts completion over it):
 * each member's id, unit, category, account and name, and when they joined the roster.
 *
 * @example
 * db.selectFrom(activeRoster(db, tenantId).as("r")).select(["r.staff_id", "r.org_unit_id"])
 */
export function activeRoster(db: Queryable, tenantId: string) {
	return db
		.selectFrom("staff")
		.innerJoin("accounts", "accounts.id", "staff.account_id")
		.select([
			"staff.id as staff_id",
			"staff.account_id",
			"staff.staff_number",
			"staff.category",
			"staff.org_unit_id",
			"staff.created_at as joined_at",
			"accounts.display_name",
			"accounts.email",
		])
		.where("staff.tenant_id", "=", tenantId)
		.where("staff.active", "=", true);
}

/**
 * Where each active member of staff sits (unit and category), without their account: the
 * cheapest roster for counting over (training's completion per unit and category).
 */
export function rosterPlacement(db: Queryable, tenantId: string) {
	return db
		.selectFrom("staff")
		.select(["staff.id as staff_id", "staff.org_unit_id", "staff.category"])
		.where("staff.tenant_id", "=", tenantId)
		.where("staff.active", "=", true);
}
