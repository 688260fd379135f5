import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use the risk register at all; `asset-scope.ts` then narrows each person to the risks of
 * their units, exactly as in the asset ledger. Accepting a risk is further narrowed by the pack
 * (see `acceptance.ts`): the CISO, or the role the pack names for 例外措置 when it is one of these.
 */
export const risksPolicy = definePolicy({
	"risk.read": [
		"tenant_admin",
		"ciso",
		"chief_officer",
		"department_officer",
		"section_manager",
		"system_admin",
		"csirt",
		"auditor",
	],
	"risk.write": [
		"tenant_admin",
		"chief_officer",
		"department_officer",
		"section_manager",
		"system_admin",
	],
	"risk.accept": ["ciso", "chief_officer"],
});
