import type { Tx } from "../../../db/transaction.ts";
import { ruleProblem } from "../../../shared/issues.ts";
import { findAccount } from "../../accounts/accounts.repository.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { type FindingDesk, findingForStep, staleFinding } from "./finding-desk.ts";
import { findingsPolicy } from "./findings.policy.ts";
import { appendFindingEvent, type FindingRow, updateFinding } from "./findings.repository.ts";
import type { PlanActionInput } from "./findings.schemas.ts";

/**
 * Plan the corrective action (是正処置) of a finding: what will be done, who is responsible (an
 * active account of the tenant) and by when. Planning again before the action is done replaces
 * the plan (a new owner, a new date) and is on the timeline as such.
 *
 * @throws Problem `validation_failed` (`finding_owner_unknown`, `finding_due_in_past`);
 * `conflict` / `forbidden` from the step rules (see `findingForStep`); `not_found`
 */
export async function planAction(
	tx: Tx,
	desk: FindingDesk,
	id: string,
	input: PlanActionInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	const { actor } = desk;
	authorize(actor, findingsPolicy, "finding.act");
	const row = await findingForStep(tx, desk, id, "plan", input.version);
	const owner = await findAccount(tx, actor.tenantId, input.ownerId);
	if (!owner || owner.disabled_at !== null) {
		throw ruleProblem(
			"validation_failed",
			"no such active account in this tenant",
			"ownerId",
			"finding_owner_unknown",
		);
	}
	if (input.dueOn < desk.today) {
		throw ruleProblem(
			"validation_failed",
			"a due date lies ahead",
			"dueOn",
			"finding_due_in_past",
			{
				today: desk.today,
			},
		);
	}
	const at = now.toISOString();
	const replanned = row.state === "action_planned";
	const patch: Partial<FindingRow> = {
		state: "action_planned",
		plan: input.plan,
		plan_owner_id: owner.id,
		plan_owner_label: owner.display_name,
		planned_by_label: actor.label,
		planned_at: at,
		due_on: input.dueOn,
		updated_at: at,
	};
	if (!(await updateFinding(tx, actor.tenantId, row.id, input.version, patch))) {
		throw staleFinding();
	}
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: row.id,
		kind: replanned ? "replanned" : "planned",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: input.plan,
		data: { owner: owner.display_name, dueOn: input.dueOn },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.planned",
		{ reference: row.reference, ownerId: owner.id, dueOn: input.dueOn, replanned },
		{ recordType: "finding", recordId: row.id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
