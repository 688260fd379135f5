import type { Queryable } from "../../../db/queryable.ts";
import { can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import { openItemsOf } from "./campaigns.repository.ts";

/**
 * The self-inspection items the caller has still to submit in open campaigns, for Home's
 * "what waits for you" (drafts stay open until submitted).
 *
 * @example
 * await myOpenCampaignItems(db, actor); // 42
 */
export async function myOpenCampaignItems(db: Queryable, actor: Actor): Promise<number> {
	if (!can(actor, campaignsPolicy, "assurance_campaign.answer")) return 0;
	return openItemsOf(db, actor.tenantId, actor.accountId);
}
