import { definePolicy } from "../authz/policy.ts";

/**
 * Tenants are managed by the instance administrator (the prefecture or service provider). A
 * tenant's own settings (how it writes dates) are changed by its administrator; the officers who
 * answer for its documents may read them.
 */
export const tenantsPolicy = definePolicy({
	"tenant.read": ["instance_admin"],
	"tenant.create": ["instance_admin"],
	"tenant.settings_read": ["tenant_admin", "ciso", "auditor"],
	"tenant.settings_change": ["tenant_admin"],
});
