import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { type FindingDesk, findingForStep, staleFinding } from "./finding-desk.ts";
import { findingsPolicy } from "./findings.policy.ts";
import { appendFindingEvent, type FindingRow, updateFinding } from "./findings.repository.ts";
import type { VerifyFindingInput } from "./findings.schemas.ts";

/**
 * The auditor's verification (or the CISO's) of a corrective action marked done: the finding is
 * verified, with who, when and their comment. Never by the person who marked it done.
 *
 * @throws Problem `forbidden` (`finding_verifier_marked_done`, `finding_not_yours`); `conflict`
 * (`finding_step_not_allowed`, `stale_version`); `not_found`
 */
export async function verifyFinding(
	tx: Tx,
	desk: FindingDesk,
	id: string,
	input: VerifyFindingInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	const { actor } = desk;
	authorize(actor, findingsPolicy, "finding.verify");
	const row = await findingForStep(tx, desk, id, "verify", input.version);
	const at = now.toISOString();
	const patch: Partial<FindingRow> = {
		state: "verified",
		verified_by: actor.accountId,
		verified_by_label: actor.label,
		verified_at: at,
		verification_comment: input.comment,
		updated_at: at,
	};
	if (!(await updateFinding(tx, actor.tenantId, row.id, input.version, patch))) {
		throw staleFinding();
	}
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: row.id,
		kind: "verified",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: input.comment,
		data: {},
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.verified",
		{ reference: row.reference, doneBy: row.done_by ?? "" },
		{ recordType: "finding", recordId: row.id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}

/**
 * The verifier finds the action wanting: the finding goes back to its owner (action planned),
 * with the verifier's comment on the timeline; what was done stays recorded there.
 *
 * @throws Problem as `verifyFinding`, except that anyone who verifies may return it
 */
export async function reopenFinding(
	tx: Tx,
	desk: FindingDesk,
	id: string,
	input: VerifyFindingInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	const { actor } = desk;
	authorize(actor, findingsPolicy, "finding.verify");
	const row = await findingForStep(tx, desk, id, "reopen", input.version);
	const at = now.toISOString();
	const patch: Partial<FindingRow> = {
		state: "action_planned",
		done_note: null,
		done_by: null,
		done_by_label: null,
		done_at: null,
		updated_at: at,
	};
	if (!(await updateFinding(tx, actor.tenantId, row.id, input.version, patch))) {
		throw staleFinding();
	}
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: row.id,
		kind: "reopened",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: input.comment,
		data: { doneBy: row.done_by_label },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.reopened",
		{ reference: row.reference, comment: input.comment },
		{ recordType: "finding", recordId: row.id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
