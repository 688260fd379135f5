import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { subtreeIds } from "../assets/asset-scope.ts";
import { can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { UNIT_SCOPED_ROLES } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { socialMediaPolicy } from "./social-media.policy.ts";
import { findSocialAccount, type SocialAccountRow } from "./social-media.repository.ts";
import { notInPolicy } from "./social-media-problems.ts";
import { decidingRoles, socialMediaInForce } from "./social-media-rules.ts";

/** Roles that see every account: the CISO, 統括 and the auditors. */
const SEE_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer", "auditor"]);
/** Roles that register for any unit. */
const MANAGE_ANY: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);
/** The 管理者 roles held for a unit: they see and keep its accounts and those below. */
const PER_UNIT: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/** What every social-media use case needs: the caller, their reach, the pack, today in Japan. */
export interface SocialMediaDesk {
	actor: Actor;
	/** The units whose accounts the caller sees; undefined: every unit. */
	visibleUnits: ReadonlySet<string> | undefined;
	/** The units whose accounts the caller registers and keeps; undefined: every unit. */
	managedUnits: ReadonlySet<string> | undefined;
	/** Each unit's parent, to find who decides for a unit. */
	parents: ReadonlyMap<string, string | null>;
	pack: PolicyPack;
	/** Today in Japan, YYYY-MM-DD. */
	today: string;
}

/**
 * The caller's reach in the register of official social-media accounts. The register exists
 * only where the tenant's pack has the social-media provision in force.
 *
 * @throws Problem `not_found` (`social_media_not_in_policy`) when the pack has no such provision
 * (or the tenant has no pack yet)
 */
export async function openSocialMediaDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<SocialMediaDesk> {
	const pack = await currentTenantPack(db, actor.tenantId);
	if (!pack || !socialMediaInForce(pack.pack)) throw notInPolicy();
	const units = await listOrgUnits(db, actor.tenantId);
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	const managed = roots.length === 0 ? new Set<string>() : subtreeIds(units, roots);
	const holds = (roles: ReadonlySet<Role>) => actor.roles.some((held) => roles.has(held.role));
	return {
		actor,
		visibleUnits: holds(SEE_ALL) ? undefined : managed,
		managedUnits: holds(MANAGE_ANY) ? undefined : managed,
		parents: new Map(units.map((unit) => [unit.id, unit.parent_id])),
		pack: pack.pack,
		today: japanDate(now),
	};
}

export function canSee(desk: SocialMediaDesk, unitId: string): boolean {
	return desk.visibleUnits === undefined || desk.visibleUnits.has(unitId);
}

export function mayManage(desk: SocialMediaDesk, unitId: string): boolean {
	return (
		can(desk.actor, socialMediaPolicy, "social_media.register") &&
		(desk.managedUnits === undefined || desk.managedUnits.has(unitId))
	);
}

/** The unit and every unit above it. */
export function unitChain(parents: ReadonlyMap<string, string | null>, unitId: string): string[] {
	const chain: string[] = [];
	for (let id: string | null | undefined = unitId; id && !chain.includes(id); id = parents.get(id))
		chain.push(id);
	return chain;
}

/**
 * The role under which the caller decides an account of `unitId`, or undefined: one of the
 * pack's deciding roles, held tenant-wide or (a per-unit role) for the unit or a unit above it.
 */
export function decidingRoleFor(desk: SocialMediaDesk, unitId: string): Role | undefined {
	if (!can(desk.actor, socialMediaPolicy, "social_media.decide")) return undefined;
	const chain = unitChain(desk.parents, unitId);
	return decidingRoles(desk.pack).find((role) =>
		desk.actor.roles.some(
			(held) =>
				held.role === role &&
				(!UNIT_SCOPED_ROLES.has(role) ||
					(held.orgUnitId !== null && chain.includes(held.orgUnitId))),
		),
	);
}

/** The account if the caller sees it; anyone else gets 404, as for an id of another tenant. */
export async function visibleAccount(
	db: Queryable,
	desk: SocialMediaDesk,
	id: string,
): Promise<SocialAccountRow> {
	const row = await findSocialAccount(db, desk.actor.tenantId, id);
	if (!row || !canSee(desk, row.org_unit_id)) throw notFound();
	return row;
}

function notFound(): Problem {
	return new Problem("not_found", "no such social-media account");
}
