import type { Queryable } from "../../db/queryable.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";

/** The assets a person may see or change: all of the tenant's, or those of some units. */
export type AssetScope = { all: true } | { all: false; unitIds: ReadonlySet<string> };

/** Roles that see every asset of the tenant; the first two may also change them. */
const READ_ALL: ReadonlySet<Role> = new Set([
	"tenant_admin",
	"ciso",
	"chief_officer",
	"csirt",
	"auditor",
]);
const WRITE_ALL: ReadonlySet<Role> = new Set(["tenant_admin", "chief_officer"]);
/** Roles held for a unit: they reach that unit and every unit below it. */
const PER_UNIT: ReadonlySet<Role> = new Set([
	"department_officer",
	"section_manager",
	"system_admin",
]);

/**
 * The caller's reach in the ledger. `write` leaves out the read-only roles (auditor, CISO, CSIRT).
 *
 * @example
 * const scope = await assetScope(db, actor, "write");
 * if (!inScope(scope, asset.owner_unit_id)) throw new Problem("not_found", "no such asset");
 */
export async function assetScope(
	db: Queryable,
	actor: Actor,
	mode: "read" | "write",
): Promise<AssetScope> {
	const everything = mode === "read" ? READ_ALL : WRITE_ALL;
	if (actor.roles.some((held) => everything.has(held.role))) return { all: true };
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	if (roots.length === 0) return { all: false, unitIds: new Set() };
	const units = await listOrgUnits(db, actor.tenantId);
	return { all: false, unitIds: subtreeIds(units, roots) };
}

/** The given units and all their descendants. */
export function subtreeIds(
	units: readonly { id: string; parent_id: string | null }[],
	roots: readonly string[],
): Set<string> {
	const children = new Map<string, string[]>();
	for (const unit of units) {
		if (unit.parent_id === null) continue;
		const list = children.get(unit.parent_id) ?? [];
		list.push(unit.id);
		children.set(unit.parent_id, list);
	}
	const found = new Set<string>();
	const stack = [...roots];
	while (stack.length > 0) {
		const id = stack.pop() as string;
		if (found.has(id)) continue;
		found.add(id);
		stack.push(...(children.get(id) ?? []));
	}
	return found;
}

export function inScope(scope: AssetScope, unitId: string): boolean {
	return scope.all || scope.unitIds.has(unitId);
}
