import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { subtreeIds } from "../assets/asset-scope.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { decidingRole } from "./exception-rules.ts";
import { type ExceptionRow, findException } from "./exceptions.repository.ts";

/** Roles that see every exception: the CISO, 統括 and the auditors (who report on them). */
const SEE_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer", "auditor"]);
/** Roles that request for any unit. */
const REQUEST_ANY: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);
/** The 管理者 roles held for a unit: they see and request for it and the units below. */
const PER_UNIT: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/** What every exception use case needs: the caller, their reach, the pack, today in Japan. */
export interface ExceptionDesk {
	actor: Actor;
	/** The units whose exceptions the caller sees; undefined: every unit. */
	visibleUnits: ReadonlySet<string> | undefined;
	/** The units the caller may request for; undefined: every unit. */
	requestUnits: ReadonlySet<string> | undefined;
	pack: PolicyPack;
	/** The role the caller decides under in this tenant's pack, if any. */
	decideAs: Role | undefined;
	/** Today in Japan, YYYY-MM-DD: periods are Japan dates. */
	today: string;
}

/**
 * The caller's reach in 例外措置.
 *
 * @throws Problem `not_found` when the tenant has no policy pack yet
 */
export async function openExceptionDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<ExceptionDesk> {
	const pack = await currentTenantPack(db, actor.tenantId);
	if (!pack) throw new Problem("not_found", "this tenant has no policy pack yet");
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	const managed =
		roots.length === 0
			? new Set<string>()
			: subtreeIds(await listOrgUnits(db, actor.tenantId), roots);
	const holds = (roles: ReadonlySet<Role>) => actor.roles.some((held) => roles.has(held.role));
	return {
		actor,
		visibleUnits: holds(SEE_ALL) ? undefined : managed,
		requestUnits: holds(REQUEST_ANY) ? undefined : managed,
		pack: pack.pack,
		decideAs: decidingRole(actor, pack.pack),
		today: japanDate(now),
	};
}

export function canSee(desk: ExceptionDesk, row: Pick<ExceptionRow, "org_unit_id">): boolean {
	return desk.visibleUnits === undefined || desk.visibleUnits.has(row.org_unit_id);
}

export function mayRequestFor(desk: ExceptionDesk, unitId: string): boolean {
	return desk.requestUnits === undefined || desk.requestUnits.has(unitId);
}

/** The exception if the caller sees it; anyone else gets 404, as for an id of another tenant. */
export async function visibleException(
	db: Queryable,
	desk: ExceptionDesk,
	id: string,
): Promise<ExceptionRow> {
	const row = await findException(db, desk.actor.tenantId, id);
	if (!row || !canSee(desk, row)) throw new Problem("not_found", "no such exception");
	return row;
}
