import type { Queryable } from "../../db/queryable.ts";
import type { Actor } from "../authz/roles.ts";
import { unseenNoticeCount } from "./my-number.repository.ts";
import { myNumberInForceFor } from "./my-number-desk.ts";

/**
 * How many ended handler entries the caller, as an affair's 事務取扱責任者, has not yet seen:
 * Home counts them and links to the register. None where the register does not exist.
 */
export async function myNumberNoticesToSee(db: Queryable, actor: Actor): Promise<number> {
	const count = await unseenNoticeCount(db, actor.tenantId, actor.accountId);
	if (count === 0) return 0;
	return (await myNumberInForceFor(db, actor.tenantId)) ? count : 0;
}
