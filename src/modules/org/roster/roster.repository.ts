import { createHash } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { RosterImportTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { currentTenantPack } from "../../policies/pack/tenant-pack.repository.ts";
import { staffWithAccounts } from "../staff.repository.ts";
import { ROSTER_ROLES } from "./roster-format.ts";
import type { RosterState } from "./roster-plan.ts";

/** The tenant as the roster plan sees it, read at `now`. */
export async function loadRosterState(
	db: Queryable,
	tenantId: string,
	now: string,
): Promise<RosterState> {
	const [pack, units, staff, accounts, roles] = await Promise.all([
		currentTenantPack(db, tenantId),
		db
			.selectFrom("org_units")
			.select(["id", "code"])
			.where("tenant_id", "=", tenantId)
			.orderBy("code")
			.execute(),
		staffWithAccounts(db, tenantId).execute(),
		db
			.selectFrom("accounts")
			.select(["id", "username", "disabled_at"])
			.where("tenant_id", "=", tenantId)
			.orderBy("username")
			.execute(),
		db
			.selectFrom("role_assignments")
			.select(["id", "account_id", "role", "org_unit_id"])
			.where("tenant_id", "=", tenantId)
			.where("role", "in", [...ROSTER_ROLES])
			.where("valid_from", "<=", now)
			.where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", now)]))
			.orderBy("id")
			.execute(),
	]);
	return {
		categories: (pack?.pack.staffCategories ?? []).map((c) => ({
			code: c.code,
			label: c.label.ja,
		})),
		units,
		staff: staff.map((s) => ({
			id: s.id,
			accountId: s.account_id,
			staffNumber: s.staff_number,
			username: s.username,
			displayName: s.display_name,
			email: s.email,
			worksInMynumber: Boolean(s.works_in_mynumber),
			category: s.category,
			orgUnitId: s.org_unit_id,
			title: s.title,
			active: Boolean(s.active),
		})),
		accounts: new Map(
			accounts.map((a) => [a.username, { id: a.id, disabled: Boolean(a.disabled_at) }]),
		),
		roles: roles.map((r) => ({
			id: r.id,
			accountId: r.account_id,
			role: r.role,
			orgUnitId: r.org_unit_id,
		})),
	};
}

/** A fingerprint of the state a plan was computed from; apply refuses when it has moved on. */
export function stateHash(state: RosterState): string {
	const canonical = JSON.stringify({
		categories: state.categories,
		units: state.units,
		staff: state.staff,
		accounts: [...state.accounts].sort(([a], [b]) => a.localeCompare(b)),
		roles: state.roles,
	});
	return createHash("sha256").update(canonical).digest("hex");
}

export async function insertRosterImport(tx: Tx, row: RosterImportTable): Promise<void> {
	await tx.insertInto("roster_imports").values(row).execute();
}

export function findRosterImport(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("roster_imports")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Move an import from one status to another; false when another request got there first. */
export async function claimRosterImport(
	tx: Tx,
	tenantId: string,
	id: string,
	from: string,
	patch: Partial<
		Pick<RosterImportTable, "status" | "applied_at" | "passwords" | "passwords_shown_at">
	>,
): Promise<boolean> {
	const result = await tx
		.updateTable("roster_imports")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("status", "=", from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setRosterPasswords(
	tx: Tx,
	tenantId: string,
	id: string,
	passwords: string | null,
): Promise<void> {
	await tx
		.updateTable("roster_imports")
		.set({ passwords })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}
