import type { Tx } from "../../../db/transaction.ts";
import { decodeUpload, sha256Hex, sniffMediaType } from "../../../shared/uploaded-file.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertAnswerable, ownRespondent } from "./campaign-access.ts";
import { answerFits, assignedTo, campaignRefusal, clauseOf, compliance } from "./campaign-rules.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import { countAnswers, findAnswer, setAnswered, upsertAnswer } from "./campaigns.repository.ts";
import { type AnswerItemInput, CAMPAIGN_LIMITS } from "./campaigns.schemas.ts";

function levelsOf(json: string | null): string[] {
	return json ? (JSON.parse(json) as string[]) : [];
}

/**
 * Save a draft answer to one of the caller's items: はい/いいえ/該当なし or a level, an optional
 * comment and evidence file (kept with its SHA-256). A draft may be changed until the
 * respondent submits; an answer without a new file keeps the file given before.
 *
 * @throws Problem `not_found` for another person's assignment; `conflict` (`campaign_submitted`,
 *   `campaign_closed`); `validation_failed` (`campaign_item_not_assigned`, `campaign_answer_scale`)
 */
export async function answerItem(
	tx: Tx,
	actor: Actor,
	respondentId: string,
	itemId: string,
	input: AnswerItemInput,
	now: Date = new Date(),
): Promise<void> {
	authorize(actor, campaignsPolicy, "assurance_campaign.answer");
	const { respondent, campaign } = await ownRespondent(tx, actor, respondentId);
	assertAnswerable(campaign, respondent);
	const item = await tx
		.selectFrom("assurance_checklist_items")
		.selectAll()
		.where("tenant_id", "=", actor.tenantId)
		.where("version_id", "=", campaign.version_id)
		.where("id", "=", itemId)
		.executeTakeFirst();
	const roles = {
		asStaff: Number(respondent.as_staff) === 1,
		asManager: Number(respondent.as_manager) === 1,
		asSystemAdmin: Number(respondent.as_system_admin) === 1,
	};
	if (!item || !assignedTo(item.answerer, roles)) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_item_not_assigned",
			"not one of your items",
			{},
			"itemId",
		);
	}
	const levels = levelsOf(item.levels);
	const given = { answer: input.answer, levelIndex: input.levelIndex };
	if (!answerFits(given, item.scale, levels.length)) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_answer_scale",
			"the answer does not fit the item's scale",
			{},
			"answer",
		);
	}
	const bytes = input.evidence
		? decodeUpload(input.evidence.contentBase64, CAMPAIGN_LIMITS.evidenceBytes)
		: null;
	const sha256 = bytes ? sha256Hex(bytes) : null;
	const before = await findAnswer(tx, campaign.id, respondent.id, item.id);
	await upsertAnswer(
		tx,
		{
			tenant_id: actor.tenantId,
			campaign_id: campaign.id,
			respondent_id: respondent.id,
			item_id: item.id,
			org_unit_id: respondent.org_unit_id,
			clause: clauseOf(item),
			answer: input.answer,
			level_index: input.levelIndex,
			compliant: compliance(given, levels.length),
			submitted: 0,
			comment: input.comment || null,
			evidence_name: input.evidence?.fileName ?? null,
			evidence_media_type: bytes ? sniffMediaType(bytes) : null,
			evidence_size: bytes?.length ?? null,
			evidence_sha256: sha256,
			evidence: bytes,
			answered_at: now.toISOString(),
		},
		bytes === null && before !== undefined,
	);
	if (!before)
		await setAnswered(tx, respondent.id, await countAnswers(tx, campaign.id, respondent.id));
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_campaign.answered",
		{
			campaign: campaign.title,
			respondentId: respondent.id,
			number: item.number,
			answer: input.answer === "level" ? `level:${input.levelIndex}` : input.answer,
			evidenceSha256: sha256,
		},
		{ recordType: "assurance_campaign", recordId: campaign.id },
	);
}
