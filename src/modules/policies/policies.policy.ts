import { definePolicy } from "../authz/policy.ts";

/** The tenant's policy pack is the shared rulebook: every member of staff may read it. */
export const policiesPolicy = definePolicy({
	"policy_pack.read": ["staff"],
});
