import type { Queryable } from "../../db/queryable.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { trainingPolicy } from "./training.policy.ts";
import type { TrainingYear } from "./training.schemas.ts";
import { openTrainingDesk } from "./training-desk.ts";
import { trainingYear } from "./training-year.ts";

/**
 * A fiscal year's training figures as an input of the yearly review (見直し) and the status
 * report: each course's completion, the total and the phishing drills, over every unit of the
 * tenant whatever units the reader manages. The reviews and status-report modules call this;
 * they never read training's tables.
 *
 * @example
 * const training = await trainingForReview(db, actor, 2026);
 */
export async function trainingForReview(
	db: Queryable,
	actor: Actor,
	fiscalYear: number,
	now: Date = new Date(),
): Promise<TrainingYear> {
	authorize(actor, trainingPolicy, "training.review_input");
	const desk = await openTrainingDesk(db, actor, now);
	return trainingYear(db, { ...desk, visibleUnits: undefined }, fiscalYear);
}
