import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { type FindingDesk, findingForStep, staleFinding } from "./finding-desk.ts";
import { findingsPolicy } from "./findings.policy.ts";
import {
	appendFindingEvent,
	countFindingEvidence,
	type FindingRow,
	updateFinding,
} from "./findings.repository.ts";
import type { CompleteActionInput } from "./findings.schemas.ts";

/**
 * Mark a finding's corrective action done, with a note of what was done; its evidence (at least
 * one file) must be kept with it first. Whoever marks it done may not verify it.
 *
 * @throws Problem `conflict` (`finding_evidence_required`, `finding_step_not_allowed`,
 * `stale_version`); `forbidden` (`finding_not_yours`); `not_found`
 */
export async function completeAction(
	tx: Tx,
	desk: FindingDesk,
	id: string,
	input: CompleteActionInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	const { actor } = desk;
	authorize(actor, findingsPolicy, "finding.act");
	const row = await findingForStep(tx, desk, id, "complete", input.version);
	const evidence = await countFindingEvidence(tx, actor.tenantId, row.id);
	const at = now.toISOString();
	const patch: Partial<FindingRow> = {
		state: "done",
		done_note: input.note,
		done_by: actor.accountId,
		done_by_label: actor.label,
		done_at: at,
		updated_at: at,
	};
	if (!(await updateFinding(tx, actor.tenantId, row.id, input.version, patch))) {
		throw staleFinding();
	}
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: row.id,
		kind: "done",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: input.note,
		data: { evidence },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.done",
		{ reference: row.reference, evidence },
		{ recordType: "finding", recordId: row.id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
