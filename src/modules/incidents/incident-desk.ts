import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { type AssetScope, assetScope, inScope, subtreeIds } from "../assets/asset-scope.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { staffWithAccounts } from "../org/staff.repository.ts";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { tenantPreliminaryDays } from "../tenants/tenant-settings.ts";
import { ReportingRules } from "./assess-obligations.ts";
import { findIncident, type IncidentRow, incidentUnitIds } from "./incidents.repository.ts";

/** Roles that see every case of the tenant: the CSIRT, the CISO and 統括 (chief officer). */
const SEE_ALL: ReadonlySet<Role> = new Set(["csirt", "ciso", "chief_officer"]);
/** The 管理者 roles held for a unit: they see the cases of that unit and the units below it. */
const PER_UNIT: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

let standardPack: PolicyPack | undefined;

/** What every incident use case needs: the caller, the tenant's pack and rules, their reach. */
export interface IncidentDesk {
	actor: Actor;
	pack: PolicyPack;
	rules: ReportingRules;
	/** The units whose cases the caller sees (besides the cases they reported). */
	cases: AssetScope;
	/** The ledger assets the caller may name in a report. */
	assets: AssetScope;
	/** The caller's own unit (所属) as a member of staff, if on the roster. */
	staffUnitId: string | null;
	/** Today in Japan, YYYY-MM-DD: legal deadlines are Japan dates. */
	today: string;
}

/**
 * Load the tenant's pack, its reporting rules (the standard pack's when it states none, with the
 * tenant's own days for preliminary reports) and the caller's reach.
 *
 * @throws Problem `not_found` when the tenant has no policy pack
 * @example
 * const desk = await openIncidentDesk(db, actor); desk.rules.assess(caseFacts(row, desk));
 */
export async function openIncidentDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<IncidentDesk> {
	const current = await currentTenantPack(db, actor.tenantId);
	if (!current) throw new Problem("not_found", "this tenant has no policy pack yet");
	const staff = await staffWithAccounts(db, actor.tenantId)
		.where("staff.account_id", "=", actor.accountId)
		.where("staff.active", "=", true)
		.executeTakeFirst();
	return {
		actor,
		pack: current.pack,
		rules: await rulesOfPack(db, actor.tenantId, current.pack),
		cases: await caseScope(db, actor),
		assets: await assetScope(db, actor, "read"),
		staffUnitId: staff?.org_unit_id ?? null,
		today: japanDate(now),
	};
}

async function rulesOfPack(
	db: Queryable,
	tenantId: string,
	pack: PolicyPack,
): Promise<ReportingRules> {
	standardPack ??= loadBundledPack("standard");
	return new ReportingRules(pack, standardPack, {
		preliminaryDays: await tenantPreliminaryDays(db, tenantId),
	});
}

/**
 * The tenant's reporting rules as the desk has them, for work without a caller (the scheduler's
 * jobs); undefined while the tenant has no policy pack.
 *
 * @example
 * const rules = await tenantReportingRules(deps.db, tenantId);
 */
export async function tenantReportingRules(
	db: Queryable,
	tenantId: string,
): Promise<ReportingRules | undefined> {
	const current = await currentTenantPack(db, tenantId);
	return current ? rulesOfPack(db, tenantId, current.pack) : undefined;
}

async function caseScope(db: Queryable, actor: Actor): Promise<AssetScope> {
	if (actor.roles.some((held) => SEE_ALL.has(held.role))) return { all: true };
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	if (roots.length === 0) return { all: false, unitIds: new Set() };
	return { all: false, unitIds: subtreeIds(await listOrgUnits(db, actor.tenantId), roots) };
}

/** Whether the caller may see the case: all of them, their own report, or one of their units. */
export function seesIncident(
	desk: IncidentDesk,
	row: Pick<IncidentRow, "reporter_id">,
	unitIds: readonly string[],
): boolean {
	if (desk.cases.all || row.reporter_id === desk.actor.accountId) return true;
	return unitIds.some((id) => inScope(desk.cases, id));
}

/**
 * The case if the caller may see it; otherwise `not_found`, exactly as for a case that does not
 * exist, so the answer tells nothing about other people's cases.
 */
export async function visibleIncident(
	db: Queryable,
	desk: IncidentDesk,
	id: string,
): Promise<IncidentRow> {
	const row = await findIncident(db, desk.actor.tenantId, id);
	if (row && seesIncident(desk, row, await incidentUnitIds(db, desk.actor.tenantId, row.id))) {
		return row;
	}
	throw new Problem("not_found", "no such incident");
}

/** The top step of the pack's impact scale: a case of that severity is severe. */
export function severeLevel(desk: Pick<IncidentDesk, "pack">): number {
	return desk.pack.riskMatrix.size;
}
