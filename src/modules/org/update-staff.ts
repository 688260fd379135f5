import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { orgPolicy } from "./org.policy.ts";
import { findOrgUnit } from "./org.repository.ts";
import { findStaff, type StaffRow, staffSnapshot, updateStaff } from "./staff.repository.ts";
import type { StaffUpdate } from "./staff.schemas.ts";

/** Change a staff member's category (one of the tenant pack's), 所属 or 役職. */
export async function updateStaffDetails(
	tx: Tx,
	actor: Actor,
	staffId: string,
	input: StaffUpdate,
): Promise<StaffRow> {
	authorize(actor, orgPolicy, "staff.update");
	const before = await findStaff(tx, actor.tenantId, staffId);
	if (!before) throw new Problem("not_found", `staff member ${staffId} does not exist`);
	const patch: Partial<StaffRow> = { updated_at: new Date().toISOString() };
	if (input.category !== undefined) {
		const pack = await currentTenantPack(tx, actor.tenantId);
		if (!pack?.pack.staffCategories.some((c) => c.code === input.category)) {
			throw new Problem(
				"validation_failed",
				`category ${input.category} is not in this tenant's policy pack`,
				{
					issues: [
						ruleIssue("category", "staff_category_unknown", "not in the policy pack", {
							value: input.category,
						}),
					],
				},
			);
		}
		patch.category = input.category;
	}
	if (input.orgUnitId !== undefined) {
		if (!(await findOrgUnit(tx, actor.tenantId, input.orgUnitId))) {
			throw new Problem("validation_failed", `org unit ${input.orgUnitId} does not exist`, {
				issues: [ruleIssue("orgUnitId", "org_unit_unknown", "unknown org unit")],
			});
		}
		patch.org_unit_id = input.orgUnitId;
	}
	if (input.title !== undefined) patch.title = input.title || null;
	const after: StaffRow = { ...before, ...patch };
	await updateStaff(tx, actor.tenantId, staffId, patch);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"staff.updated",
		{ before: staffSnapshot(before), after: staffSnapshot(after) },
		{ recordType: "staff", recordId: staffId },
	);
	return after;
}
