import type { Queryable } from "../../db/queryable.ts";
import { fiscalYear } from "../../shared/dates.ts";
import type { Role } from "../authz/roles.ts";
import { roleHoldersInForce } from "../org/org.repository.ts";
import { activeRoster } from "../org/staff.repository.ts";
import type { TrainingAudience } from "./training.schemas.ts";

const MANAGER_ROLES: ReadonlySet<string> = new Set<Role>([
	"ciso",
	"chief_officer",
	"department_officer",
	"section_manager",
]);
/** Staff categories the 委託 and 派遣 people of the roster are kept under. */
const CONTRACTOR_CATEGORIES: ReadonlySet<string> = new Set(["resident_contractor", "dispatched"]);

export interface RosterMember {
	staff_id: string;
	account_id: string;
	category: string;
	joined_at: string;
}

/**
 * The audience's members on the active roster. New staff are those who joined the roster in the
 * course's fiscal year (the April roster import adds them on the day it is applied).
 */
export async function audienceOf(
	db: Queryable,
	tenantId: string,
	audience: TrainingAudience,
	courseYear: number,
	at: string,
): Promise<RosterMember[]> {
	const roster: RosterMember[] = await activeRoster(db, tenantId).execute();
	switch (audience) {
		case "all_staff":
			return roster;
		case "new_staff":
			return roster.filter((m) => fiscalYear(m.joined_at) === courseYear);
		case "contractors":
			return roster.filter((m) => CONTRACTOR_CATEGORIES.has(m.category));
		case "managers":
		case "system_admins": {
			const holders = await roleHoldersInForce(db, tenantId, at);
			const wanted = (role: string) =>
				audience === "managers" ? MANAGER_ROLES.has(role) : role === "system_admin";
			const accounts = new Set(holders.filter((h) => wanted(h.role)).map((h) => h.account_id));
			return roster.filter((m) => accounts.has(m.account_id));
		}
	}
}
