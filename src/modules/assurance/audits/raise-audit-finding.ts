import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import type { FindingRow } from "../findings/findings.repository.ts";
import { FINDING_LIMITS } from "../findings/findings.schemas.ts";
import { raiseFinding } from "../findings/raise-finding.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { findResult, linkResultFinding } from "./fieldwork.repository.ts";
import type { RaiseAuditFindingInput } from "./fieldwork.schemas.ts";
import { fieldworkTarget } from "./record-result.ts";

function cut(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Raise a いいえ (non-conformity) of the fieldwork as a finding of the register, through the
 * findings module's use case: source `audit`, the item's clause, the audited unit as owner and
 * the severity the auditor grades; the result keeps the finding. One finding per result while
 * it is not closed (`finding_already_raised`).
 *
 * @throws Problem `forbidden`; `conflict` (`audit_finding_needs_no`, `finding_already_raised`,
 *   the fieldwork codes of `recordResult`); `validation_failed` (the finding's own)
 */
export async function raiseAuditFinding(
	tx: Tx,
	actor: Actor,
	key: { auditId: string; unitId: string; itemId: string },
	input: RaiseAuditFindingInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	authorize(actor, auditsPolicy, "assurance_audit.raise_finding");
	const { desk, item } = await fieldworkTarget(tx, actor, key.auditId, key.unitId, key.itemId, now);
	const result = await findResult(tx, actor.tenantId, key.auditId, key.unitId, key.itemId);
	if (result?.result !== "no") {
		throw refusal(
			"conflict",
			"audit_finding_needs_no",
			"only a result of いいえ is raised as a finding",
		);
	}
	const { finding } = await raiseFinding(
		tx,
		actor,
		{
			source: "audit",
			sourceRef: `${key.auditId}/${key.unitId}/${key.itemId}`,
			sourceLabel: cut(`${desk.row.title} ${item.number}`, FINDING_LIMITS.sourceLabel),
			clause: cut(result.clause, FINDING_LIMITS.clause),
			title: input.title ?? cut(item.question, FINDING_LIMITS.title),
			description: cut(result.note ?? "", FINDING_LIMITS.description),
			ownerUnitId: key.unitId,
			severity: input.severity,
			dueOn: input.dueOn,
		},
		{ onDuplicate: "refuse", now },
	);
	await linkResultFinding(tx, { tenantId: actor.tenantId, ...key }, finding.id);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_audit.finding_raised",
		{
			title: desk.row.title,
			unitId: key.unitId,
			itemId: key.itemId,
			findingId: finding.id,
			reference: finding.reference,
			severity: finding.severity,
		},
		{ recordType: "assurance_audit", recordId: key.auditId },
	);
	return finding;
}
