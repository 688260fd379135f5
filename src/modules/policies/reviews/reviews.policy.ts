import { definePolicy } from "../../authz/policy.ts";

/**
 * Reviews prepare policy changes: the IT-policy side gathers inputs, the CISO decides (the pack's
 * `approvals.policy` may name the committee; its chair, the CISO, records the decision).
 */
export const reviewsPolicy = definePolicy({
	"policy_review.read": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	"policy_review.manage": ["tenant_admin", "ciso", "chief_officer"],
	"policy_review.decide": ["ciso"],
});
