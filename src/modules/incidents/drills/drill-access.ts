import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertStep, type DrillStep, staleDrill } from "./drill-rules.ts";
import { type DrillRow, findDrill } from "./drills.repository.ts";

/** A drill of the caller's tenant; another tenant's id is simply not found. */
export async function drillOr404(db: Queryable, actor: Actor, id: string): Promise<DrillRow> {
	const row = await findDrill(db, actor.tenantId, id);
	if (!row) throw new Problem("not_found", `drill ${id} does not exist`);
	return row;
}

/** A drill the step applies to, as the caller last read it (its version). */
export async function drillForStep(
	db: Queryable,
	actor: Actor,
	id: string,
	step: DrillStep,
	version: number,
): Promise<DrillRow> {
	const row = await drillOr404(db, actor, id);
	assertStep(step, row.state);
	if (Number(row.version) !== version) throw staleDrill();
	return row;
}
