import { definePolicy } from "../../authz/policy.ts";

/**
 * Who may do what with the checklists of self-inspection and audit: the IT-policy section
 * (統括情報セキュリティ責任者), the CISO and the tenant's administrator keep them; auditors read
 * them, since their fieldwork follows the audit checklist.
 */
export const checklistsPolicy = definePolicy({
	"assurance_checklist.read": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	"assurance_checklist.manage": ["tenant_admin", "ciso", "chief_officer"],
});

export type ChecklistAction = keyof typeof checklistsPolicy;
