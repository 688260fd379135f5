import { definePolicy } from "../../authz/policy.ts";

/** Gap analysis reads a policy against the baseline: for those who own or check the policy. */
export const gapPolicy = definePolicy({
	"policy_gap.analyse": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});
