import type { Tx } from "../../../db/transaction.ts";
import { ruleProblem } from "../../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { createRisk } from "../../risks/create-risk.ts";
import { openRegister, type Register, visibleRisk } from "../../risks/register.ts";
import { findRisk } from "../../risks/risks.repository.ts";
import { type FindingDesk, findingForStep, staleFinding } from "./finding-desk.ts";
import { findingsPolicy } from "./findings.policy.ts";
import { appendFindingEvent, type FindingRow, updateFinding } from "./findings.repository.ts";
import type { LinkRiskInput } from "./findings.schemas.ts";

/** A risk of the register the caller may see, by id. @throws Problem `not_found` */
export async function riskInReach(tx: Tx, register: Register, riskId: string) {
	return visibleRisk(register, await findRisk(tx, register.actor.tenantId, riskId));
}

/** Put the link on the finding's timeline and in the audit log (the finding row changed first). */
export async function recordRiskLink(
	tx: Tx,
	desk: FindingDesk,
	row: FindingRow,
	link: { riskId: string; title: string; created: boolean },
	at: string,
): Promise<void> {
	const { actor } = desk;
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: row.id,
		kind: "risk_linked",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: null,
		data: { riskId: link.riskId, title: link.title, created: link.created },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.risk_linked",
		{ reference: row.reference, riskId: link.riskId, created: link.created },
		{ recordType: "finding", recordId: row.id },
	);
}

/**
 * Link a finding to the risk register: to a risk the caller sees there, or to a new one entered
 * through the register's own use case (its checks of threat, matrix and unit apply, so only
 * those who may enter risks for the owner unit can) with the finding's title, description and
 * plan. The finding keeps its state; accepting it as a risk is the CISO's step
 * (`acceptAsRisk`). Nothing of the register is written here but through its use cases.
 *
 * @throws Problem `validation_failed` (`finding_risk_one_of`, and the register's refusals);
 * `not_found` (a finding or risk out of reach); `forbidden`; `conflict`
 */
export async function linkRisk(
	tx: Tx,
	desk: FindingDesk,
	id: string,
	input: LinkRiskInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	const { actor } = desk;
	authorize(actor, findingsPolicy, "finding.act");
	const row = await findingForStep(tx, desk, id, "link_risk", input.version);
	if ((input.riskId === undefined) === (input.newRisk === undefined)) {
		throw ruleProblem(
			"validation_failed",
			"name a risk of the register or describe a new one, one of the two",
			"riskId",
			"finding_risk_one_of",
		);
	}
	const at = now.toISOString();
	const register = await openRegister(tx, actor, now);
	let risk: { id: string; title: string };
	if (input.riskId !== undefined) {
		risk = await riskInReach(tx, register, input.riskId);
	} else {
		const rating = input.newRisk as NonNullable<LinkRiskInput["newRisk"]>;
		risk = await createRisk(
			tx,
			register,
			{
				title: row.title,
				description: row.description,
				systemName: null,
				assetIds: [],
				threatCode: rating.threatCode,
				ownerUnitId: row.owner_unit_id,
				inherent: rating.inherent,
				residual: rating.residual,
				existingControls: null,
				treatment: null,
				treatmentPlan: row.plan,
				treatmentOwnerId: null,
				treatmentDue: null,
				status: "open",
			},
			at,
		);
	}
	const patch: Partial<FindingRow> = { risk_id: risk.id, updated_at: at };
	if (!(await updateFinding(tx, actor.tenantId, row.id, input.version, patch))) {
		throw staleFinding();
	}
	await recordRiskLink(
		tx,
		desk,
		row,
		{ riskId: risk.id, title: risk.title, created: input.newRisk !== undefined },
		at,
	);
	return { ...row, ...patch, version: input.version + 1 };
}
