import type { OrgUnitTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { assertMayNest } from "./assert-may-nest.ts";
import { orgPolicy } from "./org.policy.ts";
import {
	findOrgUnit,
	findOrgUnitByCode,
	listOrgUnits,
	updateOrgUnitRow,
} from "./org.repository.ts";
import type { OrgUnitUpdate } from "./org.schemas.ts";
import { type OrgUnitKind, wouldCycle } from "./org-rules.ts";

/**
 * Rename an org unit, change its 所属コード (unique in the tenant) or display order, or move it
 * under another parent of the same tenant (never under itself).
 */
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
	if (input.displayOrder !== undefined) after.display_order = input.displayOrder;
	if (input.code !== undefined && input.code !== before.code) {
		if (await findOrgUnitByCode(tx, actor.tenantId, input.code)) {
			throw new Problem("conflict", `org unit code "${input.code}" is already used`, {
				issues: [ruleIssue("code", "already_taken", "already used", { value: input.code })],
			});
		}
		after.code = input.code;
	}
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
		code: after.code,
		display_order: after.display_order,
	});
	const snapshot = (unit: OrgUnitTable) => ({
		name: unit.name,
		parentId: unit.parent_id,
		code: unit.code,
		displayOrder: unit.display_order,
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"org_unit.updated",
		{ before: snapshot(before), after: snapshot(after) },
		{ recordType: "org_unit", recordId: unitId },
	);
	return after;
}
