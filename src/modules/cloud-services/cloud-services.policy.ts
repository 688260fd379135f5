import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use the cloud service register at all; `cloud-desk.ts` then narrows keeping a
 * service to the 管理者 of its unit (the CISO, 統括 keep every one) and `cloud-rules.ts` narrows
 * the decision to the approver and delegate the pack names (`organisation.approvals.cloudServices`).
 */
export const cloudServicesPolicy = definePolicy({
	"cloud_service.read": [
		"ciso",
		"chief_officer",
		"department_officer",
		"section_manager",
		"system_admin",
		"csirt",
		"auditor",
	],
	/** Register, edit, ask approval for, start using, review and retire a unit's services. */
	"cloud_service.manage": [
		"ciso",
		"chief_officer",
		"department_officer",
		"section_manager",
		"system_admin",
	],
	/** The ceiling of deciding; the pack narrows it to its approver and delegate. */
	"cloud_service.decide": ["ciso", "chief_officer"],
	/** The register as XLSX or CSV, re-importable. */
	"cloud_service.export": [
		"ciso",
		"chief_officer",
		"department_officer",
		"section_manager",
		"auditor",
	],
	/** Import the register from XLSX or CSV (every unit). */
	"cloud_service.import": ["ciso", "chief_officer"],
});

export type CloudServiceAction = keyof typeof cloudServicesPolicy;
