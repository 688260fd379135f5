import type { Queryable } from "../../db/queryable.ts";
import type { Actor } from "../authz/roles.ts";
import { openAreaDesk } from "./area-desk.ts";
import { secureAreasPolicy } from "./secure-areas.policy.ts";
import { listAreaRows } from "./secure-areas.repository.ts";

const ACTIONS: ReadonlySet<string> = new Set(Object.keys(secureAreasPolicy));

/**
 * The session's permissions without the secure-area actions when the caller has no area to see:
 * neither the CISO, 統括 nor an auditor, and the manager of no area. The menu entry then does not
 * appear, instead of a page whose list the API would leave empty.
 */
export async function withoutIdleSecureAreas(
	db: Queryable,
	actor: Actor,
	permissions: string[],
): Promise<string[]> {
	if (!permissions.some((action) => ACTIONS.has(action))) return permissions;
	const desk = await openAreaDesk(db, actor);
	if (desk.seeAll || desk.keepAll) return permissions;
	const managed = await listAreaRows(db, actor.tenantId, desk.staffIds);
	return managed.length > 0 ? permissions : permissions.filter((action) => !ACTIONS.has(action));
}
