import type { Schemas } from "../api/client.ts";

export type OrgTree = Schemas["OrgTree"];
export type OrgTreeNode = Schemas["OrgTreeNode"];
export type OrgRoleHolder = Schemas["OrgRoleHolder"];
export type Staff = Schemas["Staff"];
export type StaffCategory = Staff["category"];
export type RosterImport = Schemas["RosterImport"];
export type RosterPlan = Schemas["RosterPlan"];
/** An applied roster and the one-time passwords of its new accounts, shown once. */
export interface RosterApplyResult {
	import: RosterImport;
	oneTimePasswords: Schemas["RosterOneTimePasswords"]["oneTimePasswords"];
}

export const STAFF_CATEGORIES = [
	"regular",
	"fiscal_year_appointed",
	"part_time",
	"temporary",
	"dispatched",
	"resident_contractor",
] as const satisfies readonly StaffCategory[];

export function isStaffCategory(value: string): value is StaffCategory {
	return (STAFF_CATEGORIES as readonly string[]).includes(value);
}
