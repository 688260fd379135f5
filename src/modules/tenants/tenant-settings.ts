import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { DATE_STYLES, type DateStyle } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit/record-audit.ts";
import { authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { tenantsPolicy } from "./tenants.policy.ts";
import { findTenant } from "./tenants.repository.ts";

export interface TenantSettings {
	dateStyle: DateStyle;
}

export interface TenantSettingsView extends TenantSettings {
	allowedActions: "change"[];
}

/** A stored style, read safely: anything unknown is 和暦. */
export function dateStyleOf(stored: string | undefined): DateStyle {
	return DATE_STYLES.find((style) => style === stored) ?? "wareki";
}

/**
 * How the tenant writes dates, for the exports and PDFs it produces. Not a use case of its own
 * (no permission): every reader of an export already passed its own check.
 *
 * @example
 * const style = await tenantDateStyle(db, actor.tenantId); // → "wareki"
 */
export async function tenantDateStyle(db: Queryable, tenantId: string): Promise<DateStyle> {
	const row = await db
		.selectFrom("tenants")
		.select("date_style")
		.where("id", "=", tenantId)
		.executeTakeFirst();
	return dateStyleOf(row?.date_style);
}

/** The tenant's settings, for its administrator's settings screen. */
export async function readTenantSettings(db: Queryable, actor: Actor): Promise<TenantSettingsView> {
	authorize(actor, tenantsPolicy, "tenant.settings_read");
	const tenant = await findTenant(db, actor.tenantId);
	if (!tenant) throw new Problem("not_found", "no such tenant");
	return {
		dateStyle: dateStyleOf(tenant.date_style),
		allowedActions: can(actor, tenantsPolicy, "tenant.settings_change") ? ["change"] : [],
	};
}

/**
 * Change the tenant's settings (its administrator only). The change and its audit event, with
 * the settings before and after, commit together; screens and exports use it from then on.
 *
 * @example
 * await changeTenantSettings(db, actor, { dateStyle: "seireki" });
 */
export async function changeTenantSettings(
	db: Db,
	actor: Actor,
	input: TenantSettings,
): Promise<TenantSettingsView> {
	authorize(actor, tenantsPolicy, "tenant.settings_change");
	await inTransaction(db, async (tx) => {
		const before: TenantSettings = { dateStyle: await tenantDateStyle(tx, actor.tenantId) };
		await tx
			.updateTable("tenants")
			.set({ date_style: input.dateStyle })
			.where("id", "=", actor.tenantId)
			.execute();
		await recordAudit(
			tx,
			auditContextOf(actor),
			"tenant.settings_changed",
			{ before, after: { dateStyle: input.dateStyle } },
			{ recordType: "tenant", recordId: actor.tenantId },
		);
	});
	return readTenantSettings(db, actor);
}
