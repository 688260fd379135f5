import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { subtreeIds } from "../assets/asset-scope.ts";
import { can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { trainingPolicy } from "./training.policy.ts";
import { type CourseRow, findCourse } from "./training.repository.ts";

/** Roles that see every unit's completion: the CISO, 統括 and the auditors. */
const SEE_ALL: ReadonlySet<Role> = new Set(["ciso", "chief_officer", "auditor"]);
/** Roles that record attendance for every unit. */
const RECORD_ANY: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);
/** The 管理者 roles held for a unit: they see and record their units' staff. */
const PER_UNIT: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/** What every training use case needs: the caller, their reach, the units, today in Japan. */
export interface TrainingDesk {
	actor: Actor;
	/** Units whose staff the caller sees; undefined: every unit. */
	visibleUnits: ReadonlySet<string> | undefined;
	/** Units whose attendance the caller records; undefined: every unit. */
	recordUnits: ReadonlySet<string> | undefined;
	units: ReadonlyMap<string, { code: string; name: string }>;
	today: string;
}

export async function openTrainingDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<TrainingDesk> {
	const units = await listOrgUnits(db, actor.tenantId);
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	const managed = roots.length === 0 ? new Set<string>() : subtreeIds(units, roots);
	const holds = (roles: ReadonlySet<Role>) => actor.roles.some((held) => roles.has(held.role));
	return {
		actor,
		visibleUnits: holds(SEE_ALL) ? undefined : managed,
		recordUnits: holds(RECORD_ANY) ? undefined : managed,
		units: new Map(units.map((unit) => [unit.id, { code: unit.code, name: unit.name }])),
		today: japanDate(now),
	};
}

export function seesUnit(desk: TrainingDesk, unitId: string): boolean {
	return desk.visibleUnits === undefined || desk.visibleUnits.has(unitId);
}

/** The course's owner records for every unit; a unit's manager for the unit's staff. */
export function mayRecord(desk: TrainingDesk, course: CourseRow, unitId: string): boolean {
	if (!can(desk.actor, trainingPolicy, "training.record")) return false;
	return (
		course.owner_account_id === desk.actor.accountId ||
		desk.recordUnits === undefined ||
		desk.recordUnits.has(unitId)
	);
}

/** A course of the caller's tenant; another tenant's id is 404 like an unknown one. */
export async function courseOf(db: Queryable, desk: TrainingDesk, id: string): Promise<CourseRow> {
	const row = await findCourse(db, desk.actor.tenantId, id);
	if (!row) throw new Problem("not_found", "no such training course");
	return row;
}

export function notUnitManager(): Problem {
	return refusal(
		"forbidden",
		"training_not_unit_manager",
		"only the course's owner or the unit's manager records its staff's attendance",
	);
}
