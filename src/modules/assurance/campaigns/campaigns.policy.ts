import { definePolicy } from "../../authz/policy.ts";

/**
 * Who may do what with self-inspection campaigns (自己点検): the IT-policy section (統括) and the
 * CISO open them and see everything; a unit's 管理者 (section_manager) sees and signs off their
 * units; every member of staff answers their own items, and only those.
 */
export const campaignsPolicy = definePolicy({
	"assurance_campaign.manage": ["ciso", "chief_officer"],
	"assurance_campaign.read_all": ["ciso", "chief_officer"],
	"assurance_campaign.sign_off": ["section_manager"],
	/** A unit's respondents and いいえ answers: its 管理者, and those who see everything. */
	"assurance_campaign.review": ["section_manager", "ciso", "chief_officer"],
	/** Anyone lists the campaigns they take part in; the use case narrows what they see. */
	"assurance_campaign.list": ["staff"],
	"assurance_campaign.answer": ["staff"],
	/** The year's campaigns and rates as an input of the yearly policy review. */
	"assurance_campaign.review_input": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});

export type CampaignAction = keyof typeof campaignsPolicy;
