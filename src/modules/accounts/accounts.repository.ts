import { containsText } from "../../db/like.ts";
import type { Queryable } from "../../db/queryable.ts";
import type { AccountTable, RoleAssignmentTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import type { HeldRole, Role } from "../authz/roles.ts";

export type AccountRow = AccountTable;

export function findAccountByUsername(db: Queryable, tenantId: string, username: string) {
	return db
		.selectFrom("accounts")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("username", "=", username)
		.executeTakeFirst();
}

export function findAccount(db: Queryable, tenantId: string, accountId: string) {
	return db
		.selectFrom("accounts")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", accountId)
		.executeTakeFirst();
}

/** The named accounts of the tenant (others' ids are simply absent), with their names and status. */
export function findAccounts(db: Queryable, tenantId: string, accountIds: readonly string[]) {
	if (accountIds.length === 0) {
		return Promise.resolve(
			[] as Pick<AccountRow, "id" | "display_name" | "username" | "disabled_at">[],
		);
	}
	return db
		.selectFrom("accounts")
		.select(["id", "display_name", "username", "disabled_at"])
		.where("tenant_id", "=", tenantId)
		.where("id", "in", [...new Set(accountIds)])
		.execute();
}

export async function listAccounts(
	db: Queryable,
	tenantId: string,
	options: { query?: string | undefined; limit: number; offset: number },
): Promise<{ rows: AccountRow[]; total: number }> {
	let base = db.selectFrom("accounts").where("tenant_id", "=", tenantId);
	if (options.query) {
		const text = options.query;
		base = base.where((eb) =>
			eb.or([
				containsText("username", text),
				containsText("display_name", text),
				containsText("email", text),
			]),
		);
	}
	const [rows, count] = await Promise.all([
		base.selectAll().orderBy("username").limit(options.limit).offset(options.offset).execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(count.n) };
}

export async function insertAccount(tx: Tx, row: AccountRow): Promise<void> {
	await tx.insertInto("accounts").values(row).execute();
}

export async function updateAccount(
	tx: Tx,
	tenantId: string,
	accountId: string,
	patch: Partial<Omit<AccountRow, "id" | "tenant_id">>,
): Promise<void> {
	await tx
		.updateTable("accounts")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", accountId)
		.execute();
}

/**
 * Record a TOTP step as used, only if it is later than the last one used: false when another
 * request got there first (a replay), whatever this request read before.
 */
export async function claimTotpStep(
	tx: Tx,
	tenantId: string,
	accountId: string,
	step: number,
): Promise<boolean> {
	const result = await tx
		.updateTable("accounts")
		.set({ totp_last_step: step })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", accountId)
		.where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replace the recovery code hashes, only if they are still `expected`; false otherwise. */
export async function replaceRecoveryCodes(
	tx: Tx,
	tenantId: string,
	accountId: string,
	expected: string,
	replacement: string,
): Promise<boolean> {
	const result = await tx
		.updateTable("accounts")
		.set({ recovery_codes: replacement })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", accountId)
		.where("recovery_codes", "=", expected)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Assignments in force at `now`: started, and not yet ended. */
export async function rolesInForce(
	db: Queryable,
	tenantId: string,
	accountId: string,
	now: string,
): Promise<HeldRole[]> {
	return (await rolesInForceSince(db, tenantId, accountId, now)).roles;
}

/**
 * The roles in force at `now`, and the latest instant one of them was granted or took effect
 * (null without roles): a session older than that would have gained privileges silently.
 */
export async function rolesInForceSince(
	db: Queryable,
	tenantId: string,
	accountId: string,
	now: string,
): Promise<{ roles: HeldRole[]; latestGrantMs: number | null }> {
	const rows = await db
		.selectFrom("role_assignments")
		.select(["role", "org_unit_id", "valid_from", "created_at"])
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("valid_from", "<=", now)
		.where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", now)]))
		.execute();
	const starts = rows.map((r) =>
		Math.max(new Date(r.valid_from).getTime(), new Date(r.created_at).getTime()),
	);
	return {
		roles: rows.map((r) => ({ role: r.role as Role, orgUnitId: r.org_unit_id })),
		latestGrantMs: starts.length > 0 ? Math.max(...starts) : null,
	};
}

export function listRoleAssignments(db: Queryable, tenantId: string, accountIds: string[]) {
	if (accountIds.length === 0) return Promise.resolve([] as RoleAssignmentTable[]);
	return db
		.selectFrom("role_assignments")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("account_id", "in", accountIds)
		.orderBy("valid_from")
		.execute();
}

export function findRoleAssignment(
	db: Queryable,
	tenantId: string,
	accountId: string,
	assignmentId: string,
) {
	return db
		.selectFrom("role_assignments")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("id", "=", assignmentId)
		.executeTakeFirst();
}

export async function insertRoleAssignment(tx: Tx, row: RoleAssignmentTable): Promise<void> {
	await tx.insertInto("role_assignments").values(row).execute();
}

export async function endRoleAssignment(
	tx: Tx,
	tenantId: string,
	assignmentId: string,
	at: string,
): Promise<void> {
	await tx
		.updateTable("role_assignments")
		.set({ valid_to: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", assignmentId)
		.execute();
}
