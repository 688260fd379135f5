import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { subtreeIds } from "../assets/asset-scope.ts";
import { ledgerScheme } from "../assets/classification.ts";
import { can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import type { ClassificationScheme } from "../policies/pack/classification.schema.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { type ClauseChecker, clauseChecker } from "./contract-clauses.ts";
import { notUnitManager } from "./contract-problems.ts";
import { contractsPolicy } from "./contracts.policy.ts";

/** Roles that see every contract: the CISO, 統括 and the auditors. */
const SEE_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer", "auditor"]);
/** Roles that register contracts for any unit. */
const MANAGE_ANY: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);
/** The 管理者 roles held for a unit: they see and register for it and the units below. */
const PER_UNIT: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/** What every contract use case needs: the caller, their reach, the pack, today in Japan. */
export interface ContractDesk {
	actor: Actor;
	/** The units whose contracts the caller sees; undefined: every unit. */
	visibleUnits: ReadonlySet<string> | undefined;
	/** The units the caller registers contracts for; undefined: every unit. */
	manageUnits: ReadonlySet<string> | undefined;
	pack: PolicyPack;
	scheme: ClassificationScheme;
	check: ClauseChecker;
	/** The role the caller decides 再委託 under in this tenant's pack, if any. */
	decideAs: Role | undefined;
	today: string;
}

/** The line of authority, highest first: a role decides what a role below it may decide. */
const AUTHORITY: readonly Role[] = [
	"ciso",
	"chief_officer",
	"department_officer",
	"section_manager",
];

/**
 * The roles that decide 再委託 in this tenant (`organisation.approvals.outsourcing`): its approver
 * and delegate and those above them (as for take-outs), each only if the module's ceiling lets that
 * role decide. A committee approver is represented by its chair.
 *
 * @example
 * decidingRoles(pack) // ["ciso", "chief_officer"] for an approver chief_officer
 */
export function decidingRoles(pack: PolicyPack): Role[] {
	const rule = pack.organisation.approvals.outsourcing;
	const approver =
		rule.approver === "committee" ? pack.organisation.committee?.chair : rule.approver;
	const lowest = Math.max(
		...[approver, rule.delegate].map((role) =>
			role === undefined ? -1 : AUTHORITY.indexOf(role as Role),
		),
	);
	const ceiling = contractsPolicy["contract.decide"];
	return AUTHORITY.filter((role, index) => index <= lowest && ceiling.includes(role));
}

/**
 * The caller's reach in 業務委託.
 *
 * @throws Problem `not_found` when the tenant has no policy pack yet
 */
export async function openContractDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<ContractDesk> {
	const current = await currentTenantPack(db, actor.tenantId);
	if (!current) throw new Problem("not_found", "this tenant has no policy pack yet");
	const pack = current.pack;
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	const managed =
		roots.length === 0
			? new Set<string>()
			: subtreeIds(await listOrgUnits(db, actor.tenantId), roots);
	const holds = (roles: ReadonlySet<Role>) => actor.roles.some((held) => roles.has(held.role));
	const scheme = ledgerScheme(pack);
	const decideAs = can(actor, contractsPolicy, "contract.decide")
		? decidingRoles(pack).find((role) => actor.roles.some((held) => held.role === role))
		: undefined;
	return {
		actor,
		visibleUnits: holds(SEE_ALL) ? undefined : managed,
		manageUnits: holds(MANAGE_ANY) ? undefined : managed,
		pack,
		scheme,
		check: clauseChecker(pack, scheme),
		decideAs,
		today: japanDate(now),
	};
}

export function canSeeUnit(desk: ContractDesk, unitId: string): boolean {
	return desk.visibleUnits === undefined || desk.visibleUnits.has(unitId);
}

export function mayManageUnit(desk: ContractDesk, unitId: string): boolean {
	return desk.manageUnits === undefined || desk.manageUnits.has(unitId);
}

export function assertManages(desk: ContractDesk, unitId: string): void {
	if (!mayManageUnit(desk, unitId)) throw notUnitManager();
}
