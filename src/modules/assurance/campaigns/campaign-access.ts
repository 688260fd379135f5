import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import { can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { campaignRefusal } from "./campaign-rules.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import {
	type CampaignRow,
	findCampaign,
	findRespondent,
	type RespondentRow,
} from "./campaigns.repository.ts";

/** A campaign of the caller's tenant; another tenant's id is simply not found. */
export async function campaignOr404(db: Queryable, actor: Actor, id: string): Promise<CampaignRow> {
	const row = await findCampaign(db, actor.tenantId, id);
	if (!row) throw new Problem("not_found", `campaign ${id} does not exist`);
	return row;
}

/** The units the caller is 管理者 of (section_manager held for the unit). */
export function managedUnits(actor: Actor): Set<string> {
	return new Set(
		actor.roles
			.filter((held) => held.role === "section_manager" && held.orgUnitId)
			.map((held) => held.orgUnitId as string),
	);
}

/** Whether the caller sees every unit of every campaign (the CISO and the IT-policy section). */
export function seesAll(actor: Actor): boolean {
	return can(actor, campaignsPolicy, "assurance_campaign.read_all");
}

/**
 * The caller's own assignment: a respondent sees only their own items, so anyone else's id
 * is not found, whatever their roles.
 */
export async function ownRespondent(
	db: Queryable,
	actor: Actor,
	respondentId: string,
): Promise<{ respondent: RespondentRow; campaign: CampaignRow }> {
	const respondent = await findRespondent(db, actor.tenantId, respondentId);
	if (!respondent || respondent.account_id !== actor.accountId) {
		throw new Problem("not_found", `respondent ${respondentId} does not exist`);
	}
	const campaign = await campaignOr404(db, actor, respondent.campaign_id);
	return { respondent, campaign };
}

/** Answers may change only while the campaign is open and the respondent has not submitted. */
export function assertAnswerable(campaign: CampaignRow, respondent: RespondentRow): void {
	if (campaign.state !== "open") {
		throw campaignRefusal("conflict", "campaign_closed", "the campaign is closed");
	}
	if (respondent.submitted_at) {
		throw campaignRefusal(
			"conflict",
			"campaign_submitted",
			"the answers were submitted and are locked",
		);
	}
}
