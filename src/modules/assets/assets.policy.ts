import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use the ledger at all; `asset-scope.ts` then narrows each person to their units:
 * a 情報セキュリティ管理者 (section_manager) to their own units, a 責任者 (department_officer) to
 * their department, the IT-policy section (chief_officer) and auditors to everything.
 */
export const assetsPolicy = definePolicy({
	"asset.read": [
		"tenant_admin",
		"ciso",
		"chief_officer",
		"department_officer",
		"section_manager",
		"system_admin",
		"csirt",
		"auditor",
	],
	"asset.write": [
		"tenant_admin",
		"chief_officer",
		"department_officer",
		"section_manager",
		"system_admin",
	],
	"asset.import": ["tenant_admin", "chief_officer", "department_officer", "section_manager"],
});
