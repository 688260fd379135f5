import type { Queryable } from "../../db/queryable.ts";
import { Problem } from "../../shared/problem.ts";
import { myNumberPolicy } from "./my-number.policy.ts";
import { openMyNumberDesk } from "./my-number-desk.ts";

const ACTIONS: ReadonlySet<string> = new Set(Object.keys(myNumberPolicy));

/**
 * The session's permissions without the My Number actions when the register does not exist for
 * the tenant (no provision in its pack) or the caller has no business in it: the menu entry
 * does not appear, as the API refuses.
 */
export async function withoutAbsentMyNumber(
	db: Queryable,
	actor: Parameters<typeof openMyNumberDesk>[1],
	permissions: string[],
): Promise<string[]> {
	if (!permissions.some((action) => ACTIONS.has(action))) return permissions;
	try {
		await openMyNumberDesk(db, actor);
		return permissions;
	} catch (error) {
		if (!(error instanceof Problem)) throw error;
		return permissions.filter((action) => !ACTIONS.has(action));
	}
}
