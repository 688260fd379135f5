import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { type ExceptionDesk, visibleException } from "./exception-desk.ts";
import { invalidField, notApprover, staleException, stepRefused } from "./exception-problems.ts";
import { type ExceptionState, stepAllowed } from "./exception-rules.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import { type ExceptionRow, updateException } from "./exceptions.repository.ts";

export interface DecisionInput {
	version: number;
	reason: string;
}

/**
 * The pack's approver (or its delegate) approves or refuses a requested exception; a refusal
 * needs its reason. The decision, who took it and under which role are kept on the exception and
 * in the audit log, in one transaction.
 *
 * @throws Problem `forbidden` (`exception_not_approver`) when the pack names someone else;
 * `validation_failed` (`exception_refusal_reason_required`) for a refusal without reason; `conflict`
 * (`exception_step_not_allowed`, `stale_version`)
 */
export async function decideException(
	tx: Tx,
	desk: ExceptionDesk,
	id: string,
	decision: "approve" | "refuse",
	input: DecisionInput,
	now: Date = new Date(),
): Promise<ExceptionRow> {
	const { actor } = desk;
	authorize(actor, exceptionsPolicy, "exception.decide");
	const row = await visibleException(tx, desk, id);
	const role = desk.decideAs;
	if (role === undefined) throw notApprover();
	if (!stepAllowed(row.state as ExceptionState, decision)) throw stepRefused(decision, row.state);
	const reason = input.reason.trim();
	if (decision === "refuse" && reason === "")
		throw invalidField("reason", "exception_refusal_reason_required", "a refusal says why");
	const at = now.toISOString();
	const patch: Partial<ExceptionRow> = {
		state: decision === "approve" ? "approved" : "refused",
		decision_reason: reason === "" ? null : reason,
		decided_by: actor.accountId,
		decided_by_label: actor.label,
		decided_as: role,
		decided_at: at,
		updated_at: at,
	};
	if (!(await updateException(tx, actor.tenantId, row.id, input.version, patch)))
		throw staleException();
	await recordAudit(
		tx,
		auditContextOf(actor),
		decision === "approve" ? "exception.approved" : "exception.refused",
		{
			reference: row.reference,
			role,
			reason: reason === "" ? null : reason,
			startsOn: row.starts_on,
			endsOn: row.ends_on,
		},
		{ recordType: "exception", recordId: row.id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
