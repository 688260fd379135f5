import type { Queryable } from "../../db/queryable.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";

/**
 * Whose gateway mail an actor sees. Recipients are mapped to accounts by e-mail address (envelope
 * recipient = account e-mail in the tenant, case-insensitive) and to units by their staff record.
 * Reads of accounts, staff and units are by their modules' rules: active staff only.
 */
export type MailScope =
	| { kind: "all" }
	/** Addresses of the actor (own mail) and of the staff of the units it manages. */
	| { kind: "addresses"; addresses: string[]; own: string | null };

const TENANT_WIDE = new Set(["chief_officer", "ciso"]);

/** The units whose 情報セキュリティ管理者 (section_manager) the actor is, with their sub-units. */
export async function managedUnits(db: Queryable, actor: Actor): Promise<Set<string>> {
	const roots = actor.roles
		.filter((r) => r.role === "section_manager" && r.orgUnitId)
		.map((r) => r.orgUnitId as string);
	if (roots.length === 0) return new Set();
	const units = await listOrgUnits(db, actor.tenantId);
	const managed = new Set(roots);
	let grew = true;
	while (grew) {
		grew = false;
		for (const unit of units) {
			if (unit.parent_id && managed.has(unit.parent_id) && !managed.has(unit.id)) {
				managed.add(unit.id);
				grew = true;
			}
		}
	}
	return managed;
}

/** The account's e-mail address, lower-cased, or null. */
export async function ownAddress(db: Queryable, actor: Actor): Promise<string | null> {
	const account = await findAccount(db, actor.tenantId, actor.accountId);
	return account?.email ? account.email.toLowerCase() : null;
}

async function unitAddresses(
	db: Queryable,
	tenantId: string,
	units: Set<string>,
): Promise<string[]> {
	if (units.size === 0) return [];
	const rows = await db
		.selectFrom("staff")
		.innerJoin("accounts", "accounts.id", "staff.account_id")
		.select("accounts.email")
		.where("staff.tenant_id", "=", tenantId)
		.where("staff.org_unit_id", "in", [...units])
		.where("staff.left_at", "is", null)
		.where("accounts.email", "is not", null)
		.execute();
	return rows.flatMap((r) => (r.email ? [r.email.toLowerCase()] : []));
}

/** The actor's scope: everything for tenant-wide officers, else own mail and managed units'. */
export async function mailScopeOf(db: Queryable, actor: Actor): Promise<MailScope> {
	if (actor.roles.some((r) => TENANT_WIDE.has(r.role))) return { kind: "all" };
	const own = await ownAddress(db, actor);
	const managed = await unitAddresses(db, actor.tenantId, await managedUnits(db, actor));
	return { kind: "addresses", own, addresses: [...new Set([...(own ? [own] : []), ...managed])] };
}

/** The org unit of an account's active staff record, or null. */
export async function unitOfAccount(db: Queryable, tenantId: string, accountId: string) {
	const row = await db
		.selectFrom("staff")
		.select("org_unit_id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("left_at", "is", null)
		.executeTakeFirst();
	return row?.org_unit_id ?? null;
}

/**
 * Whether the actor may decide a release for this requester: tenant-wide for `chief_officer`,
 * otherwise as `section_manager` of the requester's unit (or a unit above it). Never one's own.
 */
export async function mayDecideFor(
	db: Queryable,
	actor: Actor,
	requesterId: string,
): Promise<boolean> {
	if (requesterId === actor.accountId) return false;
	if (actor.roles.some((r) => r.role === "chief_officer")) return true;
	const unit = await unitOfAccount(db, actor.tenantId, requesterId);
	return unit !== null && (await managedUnits(db, actor)).has(unit);
}
