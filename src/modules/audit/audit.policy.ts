import { definePolicy } from "../authz/policy.ts";

/** The audit log is read by those who oversee the ISMS; nobody may change it. */
export const auditPolicy = definePolicy({
	"audit.read": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	"audit.export": ["tenant_admin", "ciso", "chief_officer", "auditor"],
});
