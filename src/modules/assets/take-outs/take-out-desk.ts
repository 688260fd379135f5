import type { Queryable } from "../../../db/queryable.ts";
import type { Actor, Role } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { staffWithAccounts } from "../../org/staff.repository.ts";
import { currentTenantPack } from "../../policies/pack/tenant-pack.repository.ts";
import { type AssetScope, inScope, subtreeIds } from "../asset-scope.ts";
import type { AssetRow } from "../assets.repository.ts";
import { type Ledger, openLedger, presentAsset } from "../ledger.ts";

/** Roles above the 管理者 that may decide any take-out of the tenant. */
const TENANT_WIDE: ReadonlySet<Role> = new Set(["chief_officer", "ciso"]);
/** Roles held for a unit that decide take-outs of that unit and the units below it. */
const PER_UNIT: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/** What every take-out use case needs: the ledger, who the caller may decide for, their unit. */
export interface TakeOutDesk {
	ledger: Ledger;
	/** Units whose requests the caller may decide. */
	decide: AssetScope;
	/** The caller's own unit (所属) as a member of staff, if they are on the roster. */
	staffUnitId: string | null;
}

/**
 * Load the caller's reach for take-outs. The deciders are the 情報セキュリティ管理者 of the asset's
 * unit, the role the pack's `approvals.takeOut` names (and its delegate), and those above them.
 *
 * @example
 * const desk = await openTakeOutDesk(db, actor); inScope(desk.decide, asset.owner_unit_id);
 */
export async function openTakeOutDesk(db: Queryable, actor: Actor): Promise<TakeOutDesk> {
	const ledger = await openLedger(db, actor);
	const pack = await currentTenantPack(db, actor.tenantId);
	const approval = pack?.pack.organisation.approvals.takeOut;
	const named = new Set<string>([approval?.approver ?? "", approval?.delegate ?? ""]);
	const staff = await staffWithAccounts(db, actor.tenantId)
		.where("staff.account_id", "=", actor.accountId)
		.where("staff.active", "=", true)
		.executeTakeFirst();
	return {
		ledger,
		decide: await decideScope(db, actor, named),
		staffUnitId: staff?.org_unit_id ?? null,
	};
}

async function decideScope(
	db: Queryable,
	actor: Actor,
	named: ReadonlySet<string>,
): Promise<AssetScope> {
	const roots: string[] = [];
	for (const held of actor.roles) {
		const deciding = PER_UNIT.has(held.role) || TENANT_WIDE.has(held.role) || named.has(held.role);
		if (!deciding) continue;
		if (TENANT_WIDE.has(held.role) || held.orgUnitId === null) return { all: true };
		roots.push(held.orgUnitId);
	}
	if (roots.length === 0) return { all: false, unitIds: new Set() };
	return { all: false, unitIds: subtreeIds(await listOrgUnits(db, actor.tenantId), roots) };
}

/** Whether the caller sees every take-out of this unit's assets (everyone sees their own). */
export function seesUnit(desk: TakeOutDesk, unitId: string): boolean {
	return inScope(desk.ledger.read, unitId) || inScope(desk.decide, unitId);
}

/** The handling the tenant's pack derives for the asset's class (null for a retired scheme). */
export function handlingOf(desk: TakeOutDesk, asset: AssetRow) {
	return presentAsset(desk.ledger, asset).handling;
}

/** Today's date in Japan, YYYY-MM-DD: take-out periods are calendar days there. */
export function japanToday(now: string = new Date().toISOString()): string {
	return new Date(Date.parse(now) + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The units whose take-outs the caller sees: those they read in the ledger or decide for. */
export function visibleUnits(desk: TakeOutDesk): AssetScope {
	const { read } = desk.ledger;
	const { decide } = desk;
	if (read.all || decide.all) return { all: true };
	return { all: false, unitIds: new Set([...read.unitIds, ...decide.unitIds]) };
}
