import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { NEVER_DELIVERED, TYPE_CATEGORIES, type TypeCategory } from "../sanitize.contract.ts";
import { findMailSettings, upsertMailSettings } from "./mail-queue.repository.ts";

/** A tenant's gateway settings: how long originals are kept, what is released as is. */
export interface MailSettings {
	retentionDays: number;
	/** Categories an approved release delivers unchanged; never a `NEVER_DELIVERED` one. */
	releaseAsIs: TypeCategory[];
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
	retentionDays: 90,
	releaseAsIs: ["text", "image"],
};

function isCategory(value: unknown): value is TypeCategory {
	return typeof value === "string" && (TYPE_CATEGORIES as readonly string[]).includes(value);
}

/** The tenant's settings, or the defaults while it has none. */
export async function mailSettingsOf(db: Queryable, tenantId: string): Promise<MailSettings> {
	const row = await findMailSettings(db, tenantId);
	if (!row) return DEFAULT_MAIL_SETTINGS;
	const parsed: unknown = JSON.parse(row.release_as_is);
	const categories = Array.isArray(parsed) ? parsed.filter(isCategory) : [];
	return {
		retentionDays: row.retention_days,
		releaseAsIs: categories.filter((c) => !NEVER_DELIVERED.has(c)),
	};
}

/** Store a tenant's settings; `NEVER_DELIVERED` categories are dropped from `releaseAsIs`. */
export async function saveMailSettings(
	tx: Tx,
	tenantId: string,
	settings: MailSettings,
): Promise<void> {
	if (!Number.isInteger(settings.retentionDays) || settings.retentionDays < 1)
		throw new Error("retentionDays must be a positive integer");
	await upsertMailSettings(tx, {
		tenant_id: tenantId,
		retention_days: settings.retentionDays,
		release_as_is: JSON.stringify(settings.releaseAsIs.filter((c) => !NEVER_DELIVERED.has(c))),
		updated_at: new Date().toISOString(),
	});
}

/** Whether an approved release of this category may go out unchanged. */
export function mayReleaseAsIs(settings: MailSettings, category: TypeCategory): boolean {
	return !NEVER_DELIVERED.has(category) && settings.releaseAsIs.includes(category);
}
