import { z } from "zod";

/** The roles of 組織体制, plus the two administrative ones. Labels live in the message catalogues. */
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
] as const;

export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Roles held per org unit (部局 / 課 / system); the others hold for the whole tenant. */
export const UNIT_SCOPED_ROLES: ReadonlySet<Role> = new Set([
	"department_officer",
	"section_manager",
	"system_admin",
]);

/** Every role except plain staff is a security role, and its holder must use MFA. */
export function isSecurityRole(role: Role): boolean {
	return role !== "staff";
}

export interface HeldRole {
	role: Role;
	orgUnitId: string | null;
}

/** The authenticated caller of a use case. Every account implicitly holds `staff`. */
export interface Actor {
	tenantId: string;
	accountId: string;
	label: string;
	roles: HeldRole[];
	ip: string | null;
	/**
	 * Set when a machine client calls with an API token: `accountId` is then `api-token:<id>`
	 * (the audit log's actor), `label` the client's name, `roles` those of the scope in use.
	 */
	client?: { tokenId: string; name: string };
}
