import type { OrgUnitTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { assertMayNest } from "./assert-may-nest.ts";
import { orgPolicy } from "./org.policy.ts";
import { findOrgUnit, listOrgUnits, updateOrgUnitRow } from "./org.repository.ts";
import type { OrgUnitUpdate } from "./org.schemas.ts";
import { type OrgUnitKind, wouldCycle } from "./org-rules.ts";

/** Rename an org unit or move it under another parent of the same tenant (never under itself). */
export async function updateOrgUnit(
	tx: Tx,
	actor: Actor,
	unitId: string,
	input: OrgUnitUpdate,
): Promise<OrgUnitTable> {
	authorize(actor, orgPolicy, "org_unit.update");
	const before = await findOrgUnit(tx, actor.tenantId, unitId);
	if (!before) throw new Problem("not_found", `org unit ${unitId} does not exist`);
	const after: OrgUnitTable = { ...before };
	if (input.name !== undefined) after.name = input.name;
	if (input.parentId !== undefined && input.parentId !== before.parent_id) {
		const parent = input.parentId ? await findOrgUnit(tx, actor.tenantId, input.parentId) : null;
		if (input.parentId && !parent) {
			throw new Problem("validation_failed", `parent org unit ${input.parentId} does not exist`, {
				issues: [ruleIssue("parentId", "org_unit_unknown", "unknown org unit")],
			});
		}
		const units = await listOrgUnits(tx, actor.tenantId);
		const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
		if (wouldCycle(parentOf, unitId, input.parentId)) {
			throw new Problem(
				"validation_failed",
				"a unit cannot be moved under itself or its own units",
				{
					issues: [ruleIssue("parentId", "org_unit_cycle", "would make a cycle")],
				},
			);
		}
		assertMayNest((parent?.kind ?? null) as OrgUnitKind | null, before.kind as OrgUnitKind);
		after.parent_id = input.parentId;
	}
	await updateOrgUnitRow(tx, actor.tenantId, unitId, {
		name: after.name,
		parent_id: after.parent_id,
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"org_unit.updated",
		{
			before: { name: before.name, parentId: before.parent_id },
			after: { name: after.name, parentId: after.parent_id },
		},
		{ recordType: "org_unit", recordId: unitId },
	);
	return after;
}
