import { definePolicy } from "../authz/policy.ts";

/**
 * The network model is run by the IT-policy side (統括情報セキュリティ責任者, chief_officer) and the
 * system administrators who know the wiring; the CISO, auditors, CSIRT and the committee read it
 * and its compliance report (the diagram is a system document, not for all staff).
 */
export const networkPolicy = definePolicy({
	"network.read": [
		"tenant_admin",
		"ciso",
		"chief_officer",
		"system_admin",
		"auditor",
		"csirt",
		"committee_member",
	],
	"network.edit": ["tenant_admin", "chief_officer", "system_admin"],
});
