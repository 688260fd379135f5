import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { orgPolicy } from "./org.policy.ts";
import { listOrgUnits, roleHoldersInForce } from "./org.repository.ts";
import type { ORG_UNIT_KINDS, orgTreeSchema } from "./org.schemas.ts";
import { treeOrder } from "./org-rules.ts";
import { staffCounts } from "./staff.repository.ts";

/**
 * The organisation as a tree (agencies, then 部局 / 課 / 係 and systems), each unit with its
 * active staff count and the roles held for it now; tenant-wide role holders alongside.
 */
export async function orgTree(
	db: Queryable,
	actor: Actor,
	now = new Date().toISOString(),
): Promise<z.infer<typeof orgTreeSchema>> {
	authorize(actor, orgPolicy, "org_unit.read");
	const [units, counts, holders] = await Promise.all([
		listOrgUnits(db, actor.tenantId),
		staffCounts(db, actor.tenantId),
		roleHoldersInForce(db, actor.tenantId, now),
	]);
	const present = (h: (typeof holders)[number]) => ({
		assignmentId: h.id,
		role: h.role as Role,
		accountId: h.account_id,
		displayName: h.display_name,
		validFrom: h.valid_from,
		validTo: h.valid_to,
	});
	return {
		items: treeOrder(units).map(({ unit, depth }) => ({
			id: unit.id,
			code: unit.code,
			name: unit.name,
			kind: unit.kind as (typeof ORG_UNIT_KINDS)[number],
			parentId: unit.parent_id,
			displayOrder: unit.display_order,
			depth,
			staffCount: counts.get(unit.id) ?? 0,
			roleHolders: holders.filter((h) => h.org_unit_id === unit.id).map(present),
		})),
		tenantRoleHolders: holders
			.filter((h) => h.org_unit_id === null && h.role !== "staff")
			.map(present),
		allowedActions: allowedActions(actor, orgPolicy),
	};
}
