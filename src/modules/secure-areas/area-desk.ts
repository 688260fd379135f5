import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { authorize, can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { areaNotFound, notAreaManager } from "./area-problems.ts";
import { secureAreasPolicy } from "./secure-areas.policy.ts";
import { type AreaRow, findAreaRow } from "./secure-areas.repository.ts";

/** Roles that read every area and its entry log: the CISO, 統括 and (read-only) the auditors. */
const SEE_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer", "auditor"]);
/** Roles that keep every area, as its manager does. */
const KEEP_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);

/** What every secure-area use case needs: the caller, who they are on the roster, their reach. */
export interface AreaDesk {
	actor: Actor;
	/** The caller's entries on the staff roster (an area's manager is one of them). */
	staffIds: readonly string[];
	seeAll: boolean;
	keepAll: boolean;
	/** Today in Japan, YYYY-MM-DD. */
	today: string;
}

/**
 * The caller's reach in secure areas: the areas they manage, or all of them for the CISO and
 * 統括 (who keep them) and the auditors (who only read).
 *
 * @example
 * const desk = await openAreaDesk(db, actor);
 * const area = await visibleArea(db, desk, id); // 404 for anyone else's area
 */
export async function openAreaDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<AreaDesk> {
	authorize(actor, secureAreasPolicy, "secure_area.read");
	const staff = await db
		.selectFrom("staff")
		.select("id")
		.where("tenant_id", "=", actor.tenantId)
		.where("account_id", "=", actor.accountId)
		.execute();
	const holds = (roles: ReadonlySet<Role>) => actor.roles.some((held) => roles.has(held.role));
	return {
		actor,
		staffIds: staff.map((row) => row.id),
		seeAll: holds(SEE_ALL),
		keepAll: holds(KEEP_ALL),
		today: japanDate(now),
	};
}

export function manages(desk: AreaDesk, area: AreaRow): boolean {
	return desk.staffIds.includes(area.manager_staff_id);
}

export function canSeeArea(desk: AreaDesk, area: AreaRow): boolean {
	return desk.seeAll || manages(desk, area);
}

export function mayKeep(desk: AreaDesk, area: AreaRow): boolean {
	return (
		can(desk.actor, secureAreasPolicy, "secure_area.keep") && (desk.keepAll || manages(desk, area))
	);
}

export function mayManageAreas(desk: AreaDesk): boolean {
	return can(desk.actor, secureAreasPolicy, "secure_area.manage");
}

/** The area if the caller sees it; anyone else gets 404, as for an id of another tenant. */
export async function visibleArea(db: Queryable, desk: AreaDesk, id: string): Promise<AreaRow> {
	const row = await findAreaRow(db, desk.actor.tenantId, id);
	if (!row || !canSeeArea(desk, row)) throw areaNotFound();
	return row;
}

/** The area if the caller keeps it: 404 when they do not see it, 403 when they only read it. */
export async function keptArea(db: Queryable, desk: AreaDesk, id: string): Promise<AreaRow> {
	const row = await visibleArea(db, desk, id);
	if (!mayKeep(desk, row)) throw notAreaManager();
	return row;
}
