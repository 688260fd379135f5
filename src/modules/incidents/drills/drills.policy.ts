import { definePolicy } from "../../authz/policy.ts";

/**
 * Who may do what with drills (訓練) of the emergency response plan: the CSIRT and the CISO run
 * them, 統括 (chief officer) follows them. The yearly review shows its fiscal year's drills to
 * those who read the review.
 */
export const drillsPolicy = definePolicy({
	"drill.read": ["csirt", "ciso", "chief_officer"],
	"drill.manage": ["csirt", "ciso"],
	/** The fiscal year's drills as an input of the yearly 見直し (policies/reviews). */
	"drill.review_input": ["tenant_admin", "ciso", "chief_officer", "auditor", "csirt"],
});

export type DrillAction = keyof typeof drillsPolicy;
