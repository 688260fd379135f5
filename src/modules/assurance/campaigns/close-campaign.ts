import type { Tx } from "../../../db/transaction.ts";
import { japanDate } from "../../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { campaignOr404 } from "./campaign-access.ts";
import { campaignRefusal, closesEarly } from "./campaign-rules.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import { closeCampaignRow, countUnsubmitted } from "./campaigns.repository.ts";
import type { CloseCampaignInput } from "./campaigns.schemas.ts";

/**
 * The IT-policy section (統括) or the CISO closes a campaign: after its due date, or before it
 * with a reason. A closed campaign takes no more answers, submissions or sign-offs, reminds
 * nobody, and its rates and exports stay readable; whoever had not submitted stays 未回答.
 *
 * @throws Problem `conflict` (`campaign_closed`); `validation_failed`
 *   (`campaign_close_reason_required` with `dueOn`)
 */
export async function closeCampaign(
	tx: Tx,
	actor: Actor,
	campaignId: string,
	input: CloseCampaignInput,
	now: Date = new Date(),
): Promise<void> {
	authorize(actor, campaignsPolicy, "assurance_campaign.manage");
	const campaign = await campaignOr404(tx, actor, campaignId);
	if (campaign.state !== "open") {
		throw campaignRefusal("conflict", "campaign_closed", "the campaign is closed already");
	}
	const reason = input.reason?.trim() || null;
	const early = closesEarly(japanDate(now), campaign.due_on);
	if (early && !reason) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_close_reason_required",
			"closing before the due date has passed needs a reason",
			{ dueOn: campaign.due_on },
			"reason",
		);
	}
	const unsubmitted = await countUnsubmitted(tx, campaign.id);
	const closed = await closeCampaignRow(tx, campaign, {
		closed_at: now.toISOString(),
		closed_by: actor.accountId,
		closed_by_label: actor.label,
		close_reason: reason,
		unsubmitted_at_close: unsubmitted,
	});
	if (!closed) {
		// Someone else closed it between our read and our write.
		throw campaignRefusal("conflict", "campaign_closed", "the campaign is closed already");
	}
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_campaign.closed",
		{ campaign: campaign.title, dueOn: campaign.due_on, early, reason, unsubmitted },
		{ recordType: "assurance_campaign", recordId: campaign.id },
	);
}
