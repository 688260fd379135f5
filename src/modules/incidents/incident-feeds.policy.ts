import { definePolicy } from "../authz/policy.ts";
import { risksPolicy } from "../risks/risks.policy.ts";

/**
 * What incident response gives the rest of the ISMS, and who may take it: the statistics and
 * their export (the CSIRT, the CISO and 統括, who see every case), a risk raised from a case
 * (whoever may raise one in the register: its writers in their units, the CSIRT and the CISO in
 * any; the case must be theirs to see), an existing risk re-rated from a case (whoever may change
 * it in the register, in its unit), and the closed cases a policy review is based on (whoever
 * reads reviews).
 */
export const incidentFeedsPolicy = definePolicy({
	"incident.stats": ["csirt", "ciso", "chief_officer"],
	"incident.raise_risk": risksPolicy["risk.raise"],
	"incident.rescore_risk": risksPolicy["risk.write"],
	"incident.review_input": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});

export type IncidentFeedsAction = keyof typeof incidentFeedsPolicy;
