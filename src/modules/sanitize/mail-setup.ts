import type { Queryable } from "../../db/queryable.ts";
import { findMailSettings } from "./gateway/mail-queue.repository.ts";

/**
 * Whether the tenant has saved its 無害化 settings (until then the defaults apply), for the
 * first-steps checklist on Home.
 *
 * @example
 * const saved = await mailSetupStatus(db, tenantId);
 */
export async function mailSetupStatus(db: Queryable, tenantId: string): Promise<boolean> {
	return (await findMailSettings(db, tenantId)) !== undefined;
}
