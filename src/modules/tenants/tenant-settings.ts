import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { DATE_STYLES, type DateStyle } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { packPreliminaryAim } from "../incidents/preliminary-aim.ts";
import { tenantsPolicy } from "./tenants.policy.ts";
import { findTenant, type TenantRow } from "./tenants.repository.ts";

export interface TenantSettings {
	dateStyle: DateStyle;
	/** Days aimed at for a preliminary report (速報); null: the pack's aim. */
	incidentPreliminaryDays: number | null;
}

export interface TenantSettingsView extends TenantSettings {
	/** The pack's aim, which applies while `incidentPreliminaryDays` is null. */
	packPreliminaryDays: number | null;
	allowedActions: "change"[];
}

/** A change: the date style, and the preliminary-report days when given (left out: unchanged). */
export type TenantSettingsChange = Pick<TenantSettings, "dateStyle"> &
	Partial<Pick<TenantSettings, "incidentPreliminaryDays">>;

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

/**
 * The tenant's own aim for preliminary reports (速報), in days, or null for the pack's aim. Not a
 * use case of its own: the incident use cases that compute due dates have passed their checks.
 *
 * @example
 * const days = await tenantPreliminaryDays(db, actor.tenantId); // → null or 3
 */
export async function tenantPreliminaryDays(
	db: Queryable,
	tenantId: string,
): Promise<number | null> {
	const row = await db
		.selectFrom("tenants")
		.select("incident_preliminary_days")
		.where("id", "=", tenantId)
		.executeTakeFirst();
	const days = row?.incident_preliminary_days;
	return days === null || days === undefined ? null : Number(days);
}

function settingsOf(tenant: TenantRow): TenantSettings {
	const days = tenant.incident_preliminary_days;
	return {
		dateStyle: dateStyleOf(tenant.date_style),
		incidentPreliminaryDays: days === null ? null : Number(days),
	};
}

/** The tenant's settings, for its administrator's settings screen. */
export async function readTenantSettings(db: Queryable, actor: Actor): Promise<TenantSettingsView> {
	authorize(actor, tenantsPolicy, "tenant.settings_read");
	const tenant = await findTenant(db, actor.tenantId);
	if (!tenant) throw new Problem("not_found", "no such tenant");
	return {
		...settingsOf(tenant),
		packPreliminaryDays: await packPreliminaryAim(db, actor.tenantId),
		allowedActions: can(actor, tenantsPolicy, "tenant.settings_change") ? ["change"] : [],
	};
}

/**
 * Change the tenant's settings (its administrator only). The change and its audit event, with
 * the settings before and after, commit together; screens, exports and the due dates of
 * preliminary incident reports use it from then on.
 *
 * @example
 * await changeTenantSettings(db, actor, { dateStyle: "seireki" });
 */
export async function changeTenantSettings(
	db: Db,
	actor: Actor,
	input: TenantSettingsChange,
): Promise<TenantSettingsView> {
	authorize(actor, tenantsPolicy, "tenant.settings_change");
	await inTransaction(db, async (tx) => {
		const tenant = await findTenant(tx, actor.tenantId);
		if (!tenant) throw new Problem("not_found", "no such tenant");
		const before = settingsOf(tenant);
		const after: TenantSettings = {
			dateStyle: input.dateStyle,
			incidentPreliminaryDays:
				input.incidentPreliminaryDays === undefined
					? before.incidentPreliminaryDays
					: input.incidentPreliminaryDays,
		};
		await tx
			.updateTable("tenants")
			.set({
				date_style: after.dateStyle,
				incident_preliminary_days: after.incidentPreliminaryDays,
			})
			.where("id", "=", actor.tenantId)
			.execute();
		await recordAudit(
			tx,
			auditContextOf(actor),
			"tenant.settings_changed",
			{ before, after },
			{ recordType: "tenant", recordId: actor.tenantId },
		);
	});
	return readTenantSettings(db, actor);
}
