import { definePolicy } from "../authz/policy.ts";

/** Who may see and manage accounts and their role assignments. */
export const accountsPolicy = definePolicy({
	"account.read": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	"account.create": ["tenant_admin"],
	"account.update": ["tenant_admin"],
	"account.reset_password": ["tenant_admin"],
	"account.reset_mfa": ["tenant_admin"],
	"role.assign": ["tenant_admin"],
	"role.revoke": ["tenant_admin"],
});
export type AccountAction = keyof typeof accountsPolicy;
