import { definePolicy } from "../../authz/policy.ts";

/**
 * The yearly status report (情報セキュリティ対策の状況) for the security committee and the national
 * survey: the CISO and the IT-policy section (統括, chief_officer), who read every figure it
 * gathers from the other modules.
 */
export const statusReportPolicy = definePolicy({
	"assurance_status_report.read": ["ciso", "chief_officer"],
});
