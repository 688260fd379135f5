import type { Queryable } from "../../db/queryable.ts";
import type { IncidentReporting } from "../policies/pack/incident-reporting.schema.ts";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";

let standardPack: PolicyPack | undefined;

/**
 * The days the rules aim at for a preliminary report (速報) when the tenant sets none: the
 * longest aim among their obligations (the standard pack: 5). Null when no deadline is an aim.
 *
 * @example
 * preliminaryAimOf(loadBundledPack("standard").incident.reporting!); // 5
 */
export function preliminaryAimOf(reporting: IncidentReporting): number | null {
	const aims = reporting.obligations.flatMap((obligation) =>
		obligation.preliminary?.aim ? [obligation.preliminary.days] : [],
	);
	return aims.length === 0 ? null : Math.max(...aims);
}

/**
 * The pack's aim for the tenant's preliminary reports (its own rules, or the standard pack's when
 * it states none), shown beside the tenant's setting. Not a use case: it reads no case.
 */
export async function packPreliminaryAim(db: Queryable, tenantId: string): Promise<number | null> {
	const current = await currentTenantPack(db, tenantId);
	standardPack ??= loadBundledPack("standard");
	const reporting = current?.pack.incident.reporting ?? standardPack.incident.reporting;
	return reporting ? preliminaryAimOf(reporting) : null;
}
