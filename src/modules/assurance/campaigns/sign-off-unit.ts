import type { Tx } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { findOrgUnit } from "../../org/org.repository.ts";
import { campaignOr404, managedUnits } from "./campaign-access.ts";
import { campaignRefusal } from "./campaign-rules.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import { findCampaignUnit, respondentsOfUnit, signOffUnit } from "./campaigns.repository.ts";

/**
 * The unit's 管理者 signs off the unit's self-inspection: when every respondent has submitted,
 * or with a note naming who did not and why.
 *
 * @throws Problem `forbidden` (`campaign_not_unit_manager`); `conflict` (`campaign_unit_signed_off`,
 *   `campaign_closed`); `validation_failed` (`campaign_sign_off_note_required` with `unsubmitted`)
 */
export async function signOffCampaignUnit(
	tx: Tx,
	actor: Actor,
	campaignId: string,
	unitId: string,
	input: { note: string | null },
	now: Date = new Date(),
): Promise<void> {
	authorize(actor, campaignsPolicy, "assurance_campaign.sign_off");
	const campaign = await campaignOr404(tx, actor, campaignId);
	const unit = await findCampaignUnit(tx, actor.tenantId, campaign.id, unitId);
	if (!unit) throw new Problem("not_found", `unit ${unitId} is not in the campaign`);
	if (!managedUnits(actor).has(unitId)) {
		throw campaignRefusal(
			"forbidden",
			"campaign_not_unit_manager",
			"only the unit's 管理者 signs off",
		);
	}
	if (campaign.state !== "open")
		throw campaignRefusal("conflict", "campaign_closed", "the campaign is closed");
	if (unit.signed_off_at) {
		throw campaignRefusal("conflict", "campaign_unit_signed_off", "the unit is signed off already");
	}
	const respondents = await respondentsOfUnit(tx, actor.tenantId, campaign.id, unitId);
	const unsubmitted = respondents.filter((r) => !r.submitted_at);
	const note = input.note?.trim() || null;
	if (unsubmitted.length > 0 && !note) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_sign_off_note_required",
			"some respondents have not submitted",
			{ unsubmitted: unsubmitted.length },
			"note",
		);
	}
	await signOffUnit(tx, unit, {
		signed_off_at: now.toISOString(),
		signed_off_by: actor.accountId,
		signed_off_by_label: actor.label,
		sign_off_note: note,
		unsubmitted_at_sign_off: unsubmitted.length,
	});
	const orgUnit = await findOrgUnit(tx, actor.tenantId, unitId);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_campaign.signed_off",
		{
			campaign: campaign.title,
			unitId,
			unit: orgUnit?.name ?? unitId,
			unsubmitted: unsubmitted.length,
			unsubmittedNames: unsubmitted.map((r) => r.display_name),
			note,
		},
		{ recordType: "assurance_campaign", recordId: campaign.id },
	);
}
