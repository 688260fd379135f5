import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { acceptRisk } from "../../risks/accept-risk.ts";
import { openRegister } from "../../risks/register.ts";
import { type FindingDesk, findingForStep, staleFinding } from "./finding-desk.ts";
import { findingsPolicy } from "./findings.policy.ts";
import { appendFindingEvent, type FindingRow, updateFinding } from "./findings.repository.ts";
import type { AcceptAsRiskInput } from "./findings.schemas.ts";
import { recordRiskLink, riskInReach } from "./link-risk.ts";

/**
 * Accept a finding as a risk instead of correcting it: its linked risk (or the one named now,
 * linked first) is accepted in the register through the register's own use case, by the CISO or
 * the delegate the pack names for 例外措置, with the reason; the finding is then closed as
 * `accepted_as_risk` with who, when and why.
 *
 * @throws Problem `forbidden` (not an acceptor); `conflict` (`finding_risk_required`,
 * `finding_step_not_allowed`, `stale_version`, the register's `risk_closed`); `not_found`
 */
export async function acceptAsRisk(
	tx: Tx,
	desk: FindingDesk,
	id: string,
	input: AcceptAsRiskInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	const { actor } = desk;
	authorize(actor, findingsPolicy, "finding.accept_risk");
	const linking = input.riskId !== undefined;
	const row = await findingForStep(
		tx,
		desk,
		id,
		"accept_risk",
		input.version,
		linking ? { riskLinked: true } : {},
	);
	const at = now.toISOString();
	const register = await openRegister(tx, actor, now);
	const risk = await riskInReach(tx, register, input.riskId ?? (row.risk_id as string));
	await acceptRisk(
		tx,
		register,
		risk.id,
		{ reason: input.reason, version: Number(risk.version) },
		at,
	);
	const patch: Partial<FindingRow> = {
		state: "accepted_as_risk",
		risk_id: risk.id,
		risk_accepted_by_label: actor.label,
		risk_accepted_at: at,
		risk_acceptance_reason: input.reason,
		updated_at: at,
	};
	if (!(await updateFinding(tx, actor.tenantId, row.id, input.version, patch))) {
		throw staleFinding();
	}
	if (linking && risk.id !== row.risk_id) {
		await recordRiskLink(tx, desk, row, { riskId: risk.id, title: risk.title, created: false }, at);
	}
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: row.id,
		kind: "accepted_as_risk",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: input.reason,
		data: { riskId: risk.id, title: risk.title },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.accepted_as_risk",
		{
			reference: row.reference,
			riskId: risk.id,
			reason: input.reason,
			approverRole: desk.acceptAs ?? "",
		},
		{ recordType: "finding", recordId: row.id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
