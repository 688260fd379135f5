import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertAnswerable, ownRespondent } from "./campaign-access.ts";
import { campaignRefusal } from "./campaign-rules.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import { countAnswers, submitRespondent } from "./campaigns.repository.ts";
import { raiseNoFindings } from "./raise-no-findings.ts";

/**
 * Submit the caller's answers in one campaign and unit: every assigned item must be answered;
 * afterwards the answers are locked and count towards the rates, and each いいえ on a required
 * item becomes a finding of the register, in the same transaction.
 *
 * @throws Problem `conflict` (`campaign_incomplete` with `open`, `campaign_submitted`)
 */
export async function submitAnswers(
	tx: Tx,
	actor: Actor,
	respondentId: string,
	now: Date = new Date(),
): Promise<void> {
	authorize(actor, campaignsPolicy, "assurance_campaign.answer");
	const { respondent, campaign } = await ownRespondent(tx, actor, respondentId);
	assertAnswerable(campaign, respondent);
	const answered = await countAnswers(tx, campaign.id, respondent.id);
	const open = Number(respondent.assigned_items) - answered;
	if (open > 0) {
		throw campaignRefusal("conflict", "campaign_incomplete", `${open} items are not answered`, {
			open,
		});
	}
	await submitRespondent(tx, respondent, now.toISOString());
	const findings = await raiseNoFindings(tx, actor, campaign, respondent, now);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_campaign.submitted",
		{
			campaign: campaign.title,
			respondentId: respondent.id,
			unitId: respondent.org_unit_id,
			answers: answered,
			findings,
		},
		{ recordType: "assurance_campaign", recordId: campaign.id },
	);
}
