import { definePolicy } from "../authz/policy.ts";

/** Every member of staff may see the organisation; its administrator shapes it. */
export const orgPolicy = definePolicy({
	"org_unit.read": ["staff"],
	"org_unit.create": ["tenant_admin"],
	"org_unit.update": ["tenant_admin"],
	"staff.read": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	"staff.update": ["tenant_admin"],
	"roster.import": ["tenant_admin"],
});
