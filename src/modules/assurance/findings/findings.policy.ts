import { definePolicy } from "../../authz/policy.ts";

/**
 * Who may use the findings register at all; `finding-desk.ts` then narrows each person to their
 * findings: the 管理者 of the owner unit (section manager, department officer, for their units and
 * those below) see and act on them; auditors see the findings of audits and those they raised, and
 * verify; the CISO and 統括 (the IT-policy section) see and act on every finding. Verification is
 * the auditors' and the CISO's, never by the person who marked the action done; acceptance as a
 * risk follows the risk register (the CISO, or the delegate the pack names for 例外措置).
 */
export const findingsPolicy = definePolicy({
	"finding.read": ["ciso", "chief_officer", "department_officer", "section_manager", "auditor"],
	/** Raise a finding by hand. */
	"finding.raise": ["ciso", "chief_officer", "auditor"],
	/** Raise a finding from a failed rule of the three-tier check. */
	"finding.raise_network": ["ciso", "chief_officer"],
	/** Raise a finding from an incident case. */
	"finding.raise_incident": ["ciso", "chief_officer"],
	/**
	 * A "いいえ" on a required item of a self-inspection: raised by whoever answers, the campaign
	 * having authorised the answer (no route of its own).
	 */
	"finding.raise_self_inspection": ["staff"],
	/** Plan the corrective action, add evidence, mark it done, link a risk (checked per finding). */
	"finding.act": ["ciso", "chief_officer", "department_officer", "section_manager"],
	"finding.verify": ["ciso", "auditor"],
	"finding.accept_risk": ["ciso", "chief_officer"],
	/** The register counted as an input of the yearly policy review (those who read the review). */
	"finding.review_input": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});

export type FindingAction = keyof typeof findingsPolicy;
