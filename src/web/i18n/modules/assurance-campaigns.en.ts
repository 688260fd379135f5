import type { assuranceCampaignsJa } from "./assurance-campaigns.ja.ts";

/** English messages of self-inspection campaigns, merged into en.ts. */
export const assuranceCampaignsEn: Record<keyof typeof assuranceCampaignsJa, string> = {
	"audit.type.assurance_campaign.opened": "Self-inspection opened",
	"audit.type.assurance_campaign.answered": "Self-inspection answer (draft)",
	"audit.type.assurance_campaign.submitted": "Self-inspection answers submitted",
	"audit.type.assurance_campaign.signed_off": "Self-inspection unit signed off",
	"home.work.kind.campaign_items": "Self-inspection items not submitted: {count}",
	"issue.field.includeSubUnits": "Include sub-units",
	"issue.field.respondentId": "Respondent",
	"issue.field.answer": "Answer",
	"issue.field.levelIndex": "Level",
	"issue.field.evidence": "Evidence file",
	"issue.field.itemId": "Checklist item",
	"issue.campaign_checklist_kind": "Choose a version of a self-inspection checklist.",
	"issue.campaign_unit_unknown": "This unit does not exist.",
	"issue.campaign_due_in_past": "The due date must be today ({today}) or later.",
	"issue.campaign_no_respondents": "Nobody answers in the units chosen.",
	"issue.campaign_item_not_assigned": "This item is not one of yours.",
	"issue.campaign_answer_scale": "Answer with one of this item's choices.",
	"issue.campaign_submitted": "Submitted answers cannot be changed.",
	"issue.campaign_incomplete": "{open} items are not answered. Answer them all before submitting.",
	"issue.campaign_not_unit_manager": "Only the unit's security manager signs it off.",
	"issue.campaign_sign_off_note_required":
		"{unsubmitted} people have not submitted. To sign off, give the reason in the note.",
	"issue.campaign_unit_signed_off": "This unit is signed off already.",
	"issue.campaign_closed": "This self-inspection is closed.",
};
