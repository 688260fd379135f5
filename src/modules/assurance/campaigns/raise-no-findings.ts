import type { Tx } from "../../../db/transaction.ts";
import type { Actor } from "../../authz/roles.ts";
import { FINDING_LIMITS } from "../findings/findings.schemas.ts";
import { raiseFinding } from "../findings/raise-finding.ts";
import type { CampaignRow, RespondentRow } from "./campaigns.repository.ts";

function cut(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Each いいえ on a required item of a submission becomes a finding of the register (source
 * `self_inspection`, the item's clause, the respondent's unit as owner), raised through the
 * findings module's own use case in the submission's transaction. The answer is the source
 * record, so a finding is never raised twice for one answer. Severity starts `minor`: the
 * owner's 管理者 and the CISO grade it in the register.
 */
export async function raiseNoFindings(
	tx: Tx,
	actor: Actor,
	campaign: CampaignRow,
	respondent: RespondentRow,
	now: Date,
): Promise<string[]> {
	const noes = await tx
		.selectFrom("assurance_campaign_answers as a")
		.innerJoin("assurance_checklist_items as i", "i.id", "a.item_id")
		.select(["a.item_id", "a.clause", "a.comment", "i.number", "i.question", "i.required"])
		.where("a.campaign_id", "=", campaign.id)
		.where("a.respondent_id", "=", respondent.id)
		.where("a.answer", "=", "no")
		.orderBy("i.position")
		.execute();
	const references: string[] = [];
	for (const no of noes) {
		if (!no.required) continue;
		const { finding } = await raiseFinding(
			tx,
			actor,
			{
				source: "self_inspection",
				sourceRef: `${campaign.id}/${respondent.id}/${no.item_id}`,
				sourceLabel: cut(`${campaign.title} ${no.number}`, FINDING_LIMITS.sourceLabel),
				clause: no.clause,
				title: cut(no.question, FINDING_LIMITS.title),
				description: cut(no.comment ?? "", FINDING_LIMITS.description),
				ownerUnitId: respondent.org_unit_id,
				severity: "minor",
				dueOn: null,
			},
			{ onDuplicate: "return", now },
		);
		references.push(finding.reference);
	}
	return references;
}
