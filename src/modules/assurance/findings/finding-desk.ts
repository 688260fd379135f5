import type { Queryable } from "../../../db/queryable.ts";
import { japanDate } from "../../../shared/dates.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { subtreeIds } from "../../assets/asset-scope.ts";
import type { Actor, Role } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { currentTenantPack } from "../../policies/pack/tenant-pack.repository.ts";
import { acceptingRole } from "../../risks/acceptance.ts";
import {
	type FindingFacts,
	type FindingRelation,
	type FindingStep,
	stepRefusal,
} from "./finding-rules.ts";
import {
	countFindingEvidence,
	type FindingRow,
	type FindingScope,
	findFinding,
} from "./findings.repository.ts";
import type { FindingState } from "./findings.schemas.ts";

/** Roles that see and act on every finding: the CISO and 統括 (the IT-policy section). */
const OVERSEE: ReadonlySet<Role> = new Set(["ciso", "chief_officer"]);
/** The 管理者 roles held for a unit: they see and act on the findings of it and the units below. */
const PER_UNIT: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/** What every findings use case needs: the caller, their reach and part, and today in Japan. */
export interface FindingDesk {
	actor: Actor;
	/** The findings the caller sees. */
	scope: FindingScope;
	/** The units whose findings the caller manages (as their 管理者 or above). */
	managed: ReadonlySet<string>;
	oversees: boolean;
	auditor: boolean;
	ciso: boolean;
	/** The role the caller accepts risks under in this tenant's pack, if any. */
	acceptAs: Role | undefined;
	/** Today in Japan, YYYY-MM-DD: due dates are Japan dates. */
	today: string;
}

function holds(actor: Actor, roles: ReadonlySet<Role>): boolean {
	return actor.roles.some((held) => roles.has(held.role));
}

/**
 * The caller's reach in the findings register.
 *
 * @example
 * const desk = await openFindingDesk(db, actor); const row = await visibleFinding(db, desk, id);
 */
export async function openFindingDesk(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<FindingDesk> {
	const oversees = holds(actor, OVERSEE);
	const auditor = actor.roles.some((held) => held.role === "auditor");
	const roots = actor.roles
		.filter((held) => PER_UNIT.has(held.role) && held.orgUnitId !== null)
		.map((held) => held.orgUnitId as string);
	const managed =
		roots.length === 0
			? new Set<string>()
			: subtreeIds(await listOrgUnits(db, actor.tenantId), roots);
	const pack = await currentTenantPack(db, actor.tenantId);
	return {
		actor,
		scope: oversees
			? { all: true }
			: { all: false, unitIds: [...managed], auditor: auditor ? actor.accountId : null },
		managed,
		oversees,
		auditor,
		ciso: actor.roles.some((held) => held.role === "ciso"),
		acceptAs: pack ? acceptingRole(actor, pack.pack) : undefined,
		today: japanDate(now),
	};
}

/** An auditor's findings: those of audits, and those they raised. */
function audits(desk: FindingDesk, row: Pick<FindingRow, "source" | "raised_by">): boolean {
	return desk.auditor && (row.source === "audit" || row.raised_by === desk.actor.accountId);
}

/** Whether the caller sees the finding. */
export function seesFinding(
	desk: FindingDesk,
	row: Pick<FindingRow, "owner_unit_id" | "source" | "raised_by">,
): boolean {
	return desk.oversees || desk.managed.has(row.owner_unit_id) || audits(desk, row);
}

/** How the caller stands to a finding they see. */
export function relationOf(
	desk: FindingDesk,
	row: Pick<FindingRow, "owner_unit_id" | "source" | "raised_by">,
): FindingRelation {
	return {
		accountId: desk.actor.accountId,
		manages: desk.managed.has(row.owner_unit_id),
		oversees: desk.oversees,
		verifies: desk.ciso || audits(desk, row),
		accepts: desk.acceptAs !== undefined,
	};
}

/** What the step rules read of a finding (its evidence counted when `evidenceCount` is not given). */
export async function factsOf(
	db: Queryable,
	row: FindingRow,
	evidenceCount?: number,
): Promise<FindingFacts> {
	return {
		state: row.state as FindingState,
		doneBy: row.done_by,
		evidenceCount: evidenceCount ?? (await countFindingEvidence(db, row.tenant_id, row.id)),
		riskLinked: row.risk_id !== null,
	};
}

/**
 * The finding if the caller may see it; otherwise `not_found`, exactly as for one that does not
 * exist, so the answer tells nothing of other units' findings.
 */
export async function visibleFinding(
	db: Queryable,
	desk: FindingDesk,
	id: string,
): Promise<FindingRow> {
	const row = await findFinding(db, desk.actor.tenantId, id);
	if (row && seesFinding(desk, row)) return row;
	throw new Problem("not_found", "no such finding");
}

/** The finding was changed by someone else since the caller read it. */
export function staleFinding(): Problem {
	return refusal(
		"conflict",
		"stale_version",
		"the finding was changed by someone else; reload and try again",
	);
}

/**
 * A finding the caller sees and may take `step` on now, as they last read it (`version`).
 *
 * @throws Problem `not_found`; `conflict` (`finding_step_not_allowed`, `finding_evidence_required`,
 * `finding_risk_required`, `stale_version`); `forbidden` (`finding_not_yours`,
 * `finding_verifier_marked_done`)
 */
export async function findingForStep(
	db: Queryable,
	desk: FindingDesk,
	id: string,
	step: FindingStep,
	version: number,
	facts: Partial<FindingFacts> = {},
): Promise<FindingRow> {
	const row = await visibleFinding(db, desk, id);
	const refused = stepRefusal(step, relationOf(desk, row), {
		...(await factsOf(db, row)),
		...facts,
	});
	if (refused) throw refused;
	if (Number(row.version) !== version) throw staleFinding();
	return row;
}
