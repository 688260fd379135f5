import type { Queryable } from "../../../db/queryable.ts";
import { listAccounts, listRoleAssignments } from "../../accounts/accounts.repository.ts";
import type { Role } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { staffWithAccounts } from "../../org/staff.repository.ts";
import type { PublicationRow } from "./documents.repository.ts";

export interface AudienceMember {
	accountId: string;
	username: string;
	displayName: string;
	email: string | null;
	unitId: string | null;
	unitName: string | null;
}

const MAX_ACCOUNTS = 100_000;

/** The org units given and every unit below them. */
function withDescendants(
	units: readonly { id: string; parent_id: string | null }[],
	roots: readonly string[],
): Set<string> {
	const chosen = new Set(roots);
	let grew = true;
	while (grew) {
		grew = false;
		for (const unit of units) {
			if (unit.parent_id && chosen.has(unit.parent_id) && !chosen.has(unit.id)) {
				chosen.add(unit.id);
				grew = true;
			}
		}
	}
	return chosen;
}

/** Accounts holding one of the roles now. */
async function holders(
	db: Queryable,
	tenantId: string,
	accountIds: string[],
	roles: readonly Role[],
): Promise<Set<string>> {
	const now = new Date().toISOString();
	const found = new Set<string>();
	for (let i = 0; i < accountIds.length; i += 1000) {
		const assignments = await listRoleAssignments(db, tenantId, accountIds.slice(i, i + 1000));
		for (const a of assignments) {
			const inForce = a.valid_from <= now && (a.valid_to === null || a.valid_to > now);
			if (inForce && roles.includes(a.role as Role)) found.add(a.account_id);
		}
	}
	return found;
}

/**
 * Who a publication asks to acknowledge: every enabled account (all 職員等), or the active staff
 * whose 所属 is one of the chosen units or below. Evaluated now, so transfers move people. For a
 * non-public document, only those who may read it (`readers`) are asked.
 */
export async function audienceOf(
	db: Queryable,
	tenantId: string,
	publication: Pick<PublicationRow, "audience" | "unit_ids">,
	readers: readonly Role[] | null = null,
): Promise<AudienceMember[]> {
	const [{ rows: accounts }, staff, units] = await Promise.all([
		listAccounts(db, tenantId, { limit: MAX_ACCOUNTS, offset: 0 }),
		staffWithAccounts(db, tenantId).execute(),
		listOrgUnits(db, tenantId),
	]);
	const unitName = new Map(units.map((u) => [u.id, u.name]));
	const unitOf = new Map(
		staff.filter((s) => Boolean(s.active)).map((s) => [s.account_id, s.org_unit_id]),
	);
	const chosen =
		publication.audience === "units"
			? withDescendants(units, JSON.parse(publication.unit_ids) as string[])
			: null;
	const enabled = accounts.filter((account) => account.disabled_at === null);
	const allowed = readers
		? await holders(
				db,
				tenantId,
				enabled.map((a) => a.id),
				readers,
			)
		: null;
	return enabled
		.filter((account) => allowed === null || allowed.has(account.id))
		.map((account) => {
			const unitId = unitOf.get(account.id) ?? null;
			return {
				accountId: account.id,
				username: account.username,
				displayName: account.display_name,
				email: account.email,
				unitId,
				unitName: unitId ? (unitName.get(unitId) ?? null) : null,
			};
		})
		.filter((member) => chosen === null || (member.unitId !== null && chosen.has(member.unitId)));
}
