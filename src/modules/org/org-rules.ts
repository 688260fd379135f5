import type { ORG_UNIT_KINDS } from "./org.schemas.ts";

export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** 部局 under an agency, 課 under a 部局, 係 under a 課; a system under any unit but a system. */
const CHILDREN: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
	agency: ["department", "system"],
	department: ["section", "system"],
	section: ["subsection", "system"],
	subsection: ["system"],
	system: [],
};

/** Whether a unit of `kind` may sit under a parent of `parentKind` (null: at the top). */
export function mayNest(parentKind: OrgUnitKind | null, kind: OrgUnitKind): boolean {
	// Top-level units are allowed of any kind: tenants made before the hierarchy was enforced
	// (and simple test set-ups) have sections at the top.
	if (parentKind === null) return true;
	return CHILDREN[parentKind].includes(kind);
}

/**
 * Whether moving `unitId` under `newParentId` would put it under itself.
 *
 * @example
 * wouldCycle(new Map([["b", "a"]]), "a", "b"); // true: b is a's child
 */
export function wouldCycle(
	parentOf: ReadonlyMap<string, string | null>,
	unitId: string,
	newParentId: string | null,
): boolean {
	let cursor = newParentId;
	const seen = new Set<string>();
	while (cursor !== null && !seen.has(cursor)) {
		if (cursor === unitId) return true;
		seen.add(cursor);
		cursor = parentOf.get(cursor) ?? null;
	}
	return false;
}

/** The ids of a unit and all units under it. */
export function descendantsOf(
	units: readonly { id: string; parent_id: string | null }[],
	rootId: string,
): Set<string> {
	const result = new Set([rootId]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const unit of units) {
			if (unit.parent_id && result.has(unit.parent_id) && !result.has(unit.id)) {
				result.add(unit.id);
				grew = true;
			}
		}
	}
	return result;
}

/** The city's order of sibling units: its display order (行政組織規則 order), then the code. */
export function byCityOrder(
	a: { display_order: number; code: string },
	b: { display_order: number; code: string },
): number {
	return a.display_order - b.display_order || a.code.localeCompare(b.code);
}

/** Units in tree order (depth first, siblings in the city's order), each with its depth. */
export function treeOrder<
	U extends { id: string; parent_id: string | null; code: string; display_order: number },
>(units: readonly U[]): { unit: U; depth: number }[] {
	const ids = new Set(units.map((u) => u.id));
	const children = new Map<string | null, U[]>();
	for (const unit of units) {
		const key = unit.parent_id && ids.has(unit.parent_id) ? unit.parent_id : null;
		children.set(key, [...(children.get(key) ?? []), unit]);
	}
	const out: { unit: U; depth: number }[] = [];
	const visit = (parent: string | null, depth: number) => {
		const list = [...(children.get(parent) ?? [])].sort(byCityOrder);
		for (const unit of list) {
			out.push({ unit, depth });
			visit(unit.id, depth + 1);
		}
	};
	visit(null, 0);
	return out;
}
