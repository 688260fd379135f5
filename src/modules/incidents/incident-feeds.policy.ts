import { definePolicy } from "../authz/policy.ts";
import { risksPolicy } from "../risks/risks.policy.ts";

/**
 * What incident response gives the rest of the ISMS, and who may take it: the statistics and
 * their export (the CSIRT, the CISO and 統括, who see every case), a risk raised or re-scored
 * from a case (whoever may write the risk register; the case must be theirs to see and the risk's
 * unit theirs to manage), and the closed cases a policy review is based on (whoever reads reviews).
 */
export const incidentFeedsPolicy = definePolicy({
	"incident.stats": ["csirt", "ciso", "chief_officer"],
	"incident.raise_risk": risksPolicy["risk.write"],
	"incident.review_input": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});

export type IncidentFeedsAction = keyof typeof incidentFeedsPolicy;
