import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { subtreeIds } from "../assets/asset-scope.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { type CloudScale, cloudScale, decidingRole } from "./cloud-rules.ts";
import { type CloudServiceRow, findCloudService } from "./cloud-services.repository.ts";

/** Roles that keep the services of every unit. */
const MANAGE_ANY: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);
/** Roles held for a unit: they keep its services and those of the units below. */
const PER_UNIT: ReadonlySet<Role> = new Set([
	"section_manager",
	"department_officer",
	"system_admin",
]);

/** What every use case of the register needs: the caller, their reach, the pack, today. */
export interface CloudDesk {
	actor: Actor;
	/** The units whose services the caller keeps; undefined: every unit. */
	manageUnits: ReadonlySet<string> | undefined;
	pack: PolicyPack;
	scale: CloudScale;
	/** The role the caller decides under in this tenant's pack, if any. */
	decideAs: Role | undefined;
	/** Today in Japan, YYYY-MM-DD. */
	today: string;
}

/**
 * The caller's reach in the register. Every reader sees every service (staff must know what is
 * approved); keeping a service is for its unit's 管理者, deciding for the pack's approver.
 *
 * @throws Problem `not_found` when the tenant has no policy pack yet
 */
export async function openCloudDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<CloudDesk> {
	const pack = await currentTenantPack(db, actor.tenantId);
	if (!pack) throw new Problem("not_found", "this tenant has no policy pack yet");
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	const managed =
		roots.length === 0
			? new Set<string>()
			: subtreeIds(await listOrgUnits(db, actor.tenantId), roots);
	const any = actor.roles.some((held) => MANAGE_ANY.has(held.role));
	return {
		actor,
		manageUnits: any ? undefined : managed,
		pack: pack.pack,
		scale: cloudScale(pack.pack),
		decideAs: decidingRole(actor, pack.pack),
		today: japanDate(now),
	};
}

export function mayManage(desk: CloudDesk, unitId: string): boolean {
	return desk.manageUnits === undefined || desk.manageUnits.has(unitId);
}

/** The service of the caller's tenant; any other id gets 404. */
export async function tenantService(
	db: Queryable,
	desk: CloudDesk,
	id: string,
): Promise<CloudServiceRow> {
	const row = await findCloudService(db, desk.actor.tenantId, id);
	if (!row) throw new Problem("not_found", "no such cloud service");
	return row;
}
