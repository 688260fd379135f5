import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { staffIdsOfAccount } from "../org/staff-placements.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { myNumberPolicy } from "./my-number.policy.ts";
import { type AffairRow, findAffair, listAffairs } from "./my-number.repository.ts";
import { notFound, notInCharge, notInPolicy } from "./my-number-problems.ts";
import { myNumberInForce } from "./my-number-rules.ts";

/** Roles that see every affair: the CISO, 統括 and the auditors (read-only). */
const SEE_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer", "auditor"]);
/** Roles that keep every affair. */
const KEEP_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);

/** What every use case of the register needs: the caller and their reach, today in Japan. */
export interface MyNumberDesk {
	actor: Actor;
	seesAll: boolean;
	keepsAll: boolean;
	/** The caller's staff records: the affairs they are responsible for are theirs to keep. */
	ownStaffIds: readonly string[];
	today: string;
}

/** Whether the tenant's current pack has the provision in force. */
export async function myNumberInForceFor(db: Queryable, tenantId: string): Promise<boolean> {
	const pack = await currentTenantPack(db, tenantId);
	return pack !== undefined && myNumberInForce(pack.pack);
}

/**
 * The caller's reach in the 特定個人情報 register. The register exists only where the tenant's
 * pack has the provision in force; in it, only the CISO, 統括, auditors and the responsible
 * people of affairs have any business.
 *
 * @throws Problem `not_found` (`my_number_not_in_policy`) without the provision;
 * `forbidden` (`my_number_not_in_charge`) for anyone else
 */
export async function openMyNumberDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<MyNumberDesk> {
	authorize(actor, myNumberPolicy, "my_number.read");
	if (!(await myNumberInForceFor(db, actor.tenantId))) throw notInPolicy();
	const holds = (roles: ReadonlySet<Role>) => actor.roles.some((held) => roles.has(held.role));
	const ownStaffIds = await staffIdsOfAccount(db, actor.tenantId, actor.accountId);
	const desk: MyNumberDesk = {
		actor,
		seesAll: holds(SEE_ALL),
		keepsAll: holds(KEEP_ALL),
		ownStaffIds,
		today: japanDate(now),
	};
	if (!desk.seesAll && (await listAffairs(db, actor.tenantId, ownStaffIds)).length === 0)
		throw notInCharge();
	return desk;
}

export function isResponsible(desk: MyNumberDesk, affair: AffairRow): boolean {
	return desk.ownStaffIds.includes(affair.responsible_staff_id);
}

export function maySee(desk: MyNumberDesk, affair: AffairRow): boolean {
	return desk.seesAll || isResponsible(desk, affair);
}

export function mayKeep(desk: MyNumberDesk, affair: AffairRow): boolean {
	return desk.keepsAll || isResponsible(desk, affair);
}

/** The affair if the caller sees it; anyone else gets 404, as for an id of another tenant. */
export async function visibleAffair(
	db: Queryable,
	desk: MyNumberDesk,
	id: string,
): Promise<AffairRow> {
	const row = await findAffair(db, desk.actor.tenantId, id);
	if (!row || !maySee(desk, row)) throw notFound("My Number affair");
	return row;
}

/** The affair if the caller keeps it: 404 when they do not see it, 403 when they only read it. */
export async function keptAffair(
	db: Queryable,
	desk: MyNumberDesk,
	id: string,
): Promise<AffairRow> {
	authorize(desk.actor, myNumberPolicy, "my_number.keep");
	const row = await visibleAffair(db, desk, id);
	if (!mayKeep(desk, row)) throw notInCharge();
	return row;
}
