import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { acceptanceRoles } from "./acceptance.ts";
import { type Register, visibleRisk } from "./register.ts";
import { risksPolicy } from "./risks.policy.ts";
import { findRisk, updateRiskRow } from "./risks.repository.ts";

/**
 * Accept a risk at its residual level: the treatment becomes `accept`, with who, when and why.
 * Only the CISO or the role the pack names for 例外措置 may (see `acceptance.ts`).
 *
 * @throws Problem `forbidden` for anyone else; `conflict` for a closed risk or a stale version
 */
export async function acceptRisk(
	tx: Tx,
	register: Register,
	id: string,
	input: { reason: string; version: number },
	now: string = new Date().toISOString(),
): Promise<void> {
	const { actor } = register;
	authorize(actor, risksPolicy, "risk.accept");
	const role = register.acceptAs;
	if (!role) {
		throw new Problem(
			"forbidden",
			`under this tenant's policy only ${acceptanceRoles(register.pack).join(" or ")} may accept a risk`,
			{ params: { action: "risk.accept", roles: acceptanceRoles(register.pack).join(",") } },
		);
	}
	const risk = visibleRisk(register, await findRisk(tx, actor.tenantId, id));
	if (risk.status === "closed")
		throw refusal("conflict", "risk_closed", "a closed risk cannot be accepted");
	const saved = await updateRiskRow(tx, actor.tenantId, risk.id, input.version, {
		treatment: "accept",
		accepted_by: actor.accountId,
		accepted_by_label: actor.label,
		accepted_at: now,
		acceptance_reason: input.reason,
		updated_by: actor.accountId,
		updated_at: now,
	});
	if (!saved) {
		throw refusal(
			"conflict",
			"stale_version",
			"the risk was changed by someone else; reload and try again",
		);
	}
	await recordAudit(
		tx,
		auditContextOf(actor),
		"risk.accepted",
		{
			title: risk.title,
			residualScore: Number(risk.residual_score),
			reason: input.reason,
			approverRole: role,
		},
		{ recordType: "risk", recordId: risk.id },
	);
}
