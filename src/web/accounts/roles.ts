import type { Role } from "../api/client.ts";

/** Every role, in the order of 組織体制 (the API's enum; the check below keeps them in step). */
export const ROLES = [
	"instance_admin",
	"tenant_admin",
	"ciso",
	"chief_officer",
	"department_officer",
	"section_manager",
	"system_admin",
	"csirt",
	"committee_member",
	"auditor",
	"staff",
] as const satisfies readonly Role[];

type MissingRole = Exclude<Role, (typeof ROLES)[number]>;
const everyRoleListed: MissingRole extends never ? true : false = true;
void everyRoleListed;

/** Roles held per org unit (部局 / 課 / system); the others hold for the whole tenant. */
export const UNIT_SCOPED_ROLES: ReadonlySet<Role> = new Set<Role>([
	"department_officer",
	"section_manager",
	"system_admin",
]);
