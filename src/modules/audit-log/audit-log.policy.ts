import { definePolicy } from "../authz/policy.ts";

/** The audit log is read by those who oversee the ISMS; nobody may change it. */
export const auditLogPolicy = definePolicy({
	"audit-log.read": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	"audit-log.export": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});
