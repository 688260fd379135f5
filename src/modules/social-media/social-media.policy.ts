import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use the register of official social-media accounts at all; `social-media-desk.ts`
 * narrows each person to their units' accounts (the CISO, 統括 and auditors see all) and
 * `social-media-rules.ts` narrows the decision to the approver the pack names
 * (`organisation.approvals.socialMediaAccounts`). A tenant whose pack has no social-media
 * provision has none of these actions.
 */
export const socialMediaPolicy = definePolicy({
	"social_media.read": [
		"ciso",
		"chief_officer",
		"department_officer",
		"section_manager",
		"auditor",
	],
	/** Register an account for a unit one manages, ask for its approval, review, suspend, close. */
	"social_media.register": ["ciso", "chief_officer", "department_officer", "section_manager"],
	/** The ceiling of deciding; the pack narrows it to its approver and delegate. */
	"social_media.decide": ["ciso", "chief_officer", "department_officer", "section_manager"],
	/** The account register as CSV / XLSX. */
	"social_media.export": ["ciso", "chief_officer", "auditor"],
});

export type SocialMediaAction = keyof typeof socialMediaPolicy;
