import type { Queryable } from "../../../db/queryable.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { drillsPolicy } from "./drills.policy.ts";
import { drillFollowUps, drillParticipants, drillsOfYear } from "./drills.repository.ts";
import type { DrillReviewInput, DrillState } from "./drills.schemas.ts";

/**
 * A fiscal year's drills as an input of the yearly review (見直し): how many were planned, held,
 * recorded and cancelled, and each drill held that year with its participants, lessons (教訓) and
 * follow-ups. The reviews module calls this; it never reads the drills' tables.
 *
 * @example
 * const drills = await drillsForReview(db, actor, 2025);
 */
export async function drillsForReview(
	db: Queryable,
	actor: Actor,
	fiscalYear: number,
): Promise<DrillReviewInput> {
	authorize(actor, drillsPolicy, "drill.review_input");
	const rows = await drillsOfYear(db, actor.tenantId, fiscalYear);
	const counts: Record<DrillState, number> = { planned: 0, held: 0, recorded: 0, cancelled: 0 };
	for (const row of rows) counts[row.state as DrillState] += 1;
	const held = rows
		.filter((row) => row.held_on !== null)
		.sort((a, b) => (a.held_on ?? "").localeCompare(b.held_on ?? ""));
	const ids = held.map((row) => row.id);
	const [participants, followUps] = await Promise.all([
		drillParticipants(db, actor.tenantId, ids),
		drillFollowUps(db, actor.tenantId, ids),
	]);
	return {
		fiscalYear,
		counts,
		held: held.map((row) => ({
			id: row.id,
			title: row.title,
			heldOn: row.held_on ?? "",
			participantCount: participants
				.filter((p) => p.drill_id === row.id)
				.reduce((sum, p) => sum + Number(p.headcount), 0),
			lessons: row.lessons,
			followUps: followUps.filter((f) => f.drill_id === row.id).map((f) => f.measure),
		})),
	};
}
