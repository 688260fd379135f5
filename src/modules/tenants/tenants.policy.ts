import { definePolicy } from "../authz/policy.ts";

/** Tenants are managed by the instance administrator (the prefecture or service provider). */
export const tenantsPolicy = definePolicy({
	"tenant.read": ["instance_admin"],
	"tenant.create": ["instance_admin"],
});
