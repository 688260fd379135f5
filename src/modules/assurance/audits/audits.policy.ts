import { definePolicy } from "../../authz/policy.ts";

/**
 * Who may do what with security audits (情報セキュリティ監査). The IT-policy section (統括,
 * chief_officer) and the CISO keep the plans and run the audits; the CISO alone orders an ad-hoc
 * audit. Reading one audit is decided per audit (audit-access.ts): those who run audits read
 * every one, an auditor the audits they are on, the 管理者 of an audited unit that unit's audits;
 * anyone else is told it does not exist.
 */
export const auditsPolicy = definePolicy({
	/** 中期監査計画 and 年度監査計画. */
	"audit_plan.read": ["chief_officer", "ciso"],
	"audit_plan.manage": ["chief_officer", "ciso"],
	/** The menu entry of the audit list: roles that may be on an audit's team or audited. */
	"assurance_audit.list": [
		"chief_officer",
		"ciso",
		"auditor",
		"department_officer",
		"section_manager",
	],
	/** An audit, or the list of those the caller may see (checked per audit). */
	"assurance_audit.read": ["staff"],
	/** Create planned audits, edit an audit's plan, team and units, move it on. */
	"assurance_audit.manage": ["chief_officer", "ciso"],
	/**
	 * Choose the audit's checklist version (checked per audit: its lead, or one who runs audits);
	 * record fieldwork results and evidence (checked per audit: an auditor on its team).
	 */
	"assurance_audit.choose_checklist": ["staff"],
	"assurance_audit.fieldwork": ["staff"],
	/** A いいえ of the fieldwork raised as a finding (an auditor on the team; as `finding.raise`). */
	"assurance_audit.raise_finding": ["ciso", "chief_officer", "auditor"],
	/** 臨時監査: ordered by the CISO, with the reason. */
	"assurance_audit.order_ad_hoc": ["ciso"],
	/** The year's audits and plan coverage as an input of the yearly policy review. */
	"assurance_audit.review_input": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});

export type AuditAction = keyof typeof auditsPolicy;
