import { randomUUID } from "node:crypto";
import type { OrgUnitTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { type AuditContext, auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { assertMayNest } from "./assert-may-nest.ts";
import { orgPolicy } from "./org.policy.ts";
import {
	findOrgUnit,
	findOrgUnitByCode,
	insertOrgUnit,
	nextDisplayOrder,
} from "./org.repository.ts";
import type { OrgUnitInput } from "./org.schemas.ts";
import type { OrgUnitKind } from "./org-rules.ts";

/** Add an org unit (agency, 部局, 課, 係, or a system) under an optional parent of the same tenant. */
export async function createOrgUnit(
	tx: Tx,
	actor: Actor,
	input: OrgUnitInput,
): Promise<OrgUnitTable> {
	authorize(actor, orgPolicy, "org_unit.create");
	const parent = input.parentId ? await findOrgUnit(tx, actor.tenantId, input.parentId) : null;
	if (input.parentId && !parent) {
		throw new Problem("validation_failed", `parent org unit ${input.parentId} does not exist`, {
			issues: [ruleIssue("parentId", "org_unit_unknown", "unknown org unit")],
		});
	}
	assertMayNest((parent?.kind ?? null) as OrgUnitKind | null, input.kind);
	if (await findOrgUnitByCode(tx, actor.tenantId, input.code)) {
		throw new Problem("conflict", `org unit code "${input.code}" is already used`, {
			issues: [ruleIssue("code", "already_taken", "already used", { value: input.code })],
		});
	}
	const row: OrgUnitTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		parent_id: input.parentId,
		code: input.code,
		name: input.name,
		kind: input.kind,
		display_order:
			input.displayOrder ?? (await nextDisplayOrder(tx, actor.tenantId, input.parentId)),
		created_at: new Date().toISOString(),
	};
	await insertOrgUnit(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"org_unit.created",
		{
			code: row.code,
			name: row.name,
			kind: row.kind,
			parentId: row.parent_id,
			displayOrder: row.display_order,
		},
		{ recordType: "org_unit", recordId: row.id },
	);
	return row;
}

/**
 * The agencies in a pack's scope (適用範囲) as top-level org units, on tenant creation. Their
 * codes are the pack's agency codes (the city's 所属コード), so later pack versions can be matched
 * against them, and their display order is the pack's order (行政組織規則 order), in steps of 10.
 */
export async function createAgencyUnits(
	tx: Tx,
	context: AuditContext,
	agencies: readonly { code: string; name: { ja: string } }[],
): Promise<void> {
	const now = new Date().toISOString();
	for (const [index, agency] of agencies.entries()) {
		const row: OrgUnitTable = {
			id: randomUUID(),
			tenant_id: context.tenantId,
			parent_id: null,
			code: agency.code,
			name: agency.name.ja,
			kind: "agency",
			display_order: (index + 1) * 10,
			created_at: now,
		};
		await insertOrgUnit(tx, row);
		await recordAudit(
			tx,
			context,
			"org_unit.created",
			{
				code: row.code,
				name: row.name,
				kind: row.kind,
				parentId: null,
				displayOrder: row.display_order,
			},
			{ recordType: "org_unit", recordId: row.id },
		);
	}
}
