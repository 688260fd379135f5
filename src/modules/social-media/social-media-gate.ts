import type { Queryable } from "../../db/queryable.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { socialMediaPolicy } from "./social-media.policy.ts";
import { socialMediaInForce } from "./social-media-rules.ts";

const ACTIONS: ReadonlySet<string> = new Set(Object.keys(socialMediaPolicy));

/**
 * The session's permissions without the social-media actions when the tenant's pack has no
 * social-media provision: the menu entry and buttons then do not appear, as the API refuses.
 */
export async function withoutAbsentSocialMedia(
	db: Queryable,
	tenantId: string,
	permissions: string[],
): Promise<string[]> {
	if (!permissions.some((action) => ACTIONS.has(action))) return permissions;
	const pack = await currentTenantPack(db, tenantId);
	if (pack && socialMediaInForce(pack.pack)) return permissions;
	return permissions.filter((action) => !ACTIONS.has(action));
}
