import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import type { TrainingYear } from "../../training/training.schemas.ts";
import { trainingForReview } from "../../training/training-for-review.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import { findReview } from "./reviews.repository.ts";

/**
 * The training (研修・訓練) input of a review: its fiscal year's courses, completion and phishing
 * drills, as the training module reports them. Read live, so an open review shows attendance
 * recorded meanwhile.
 *
 * @throws Problem `not_found` for a review of another tenant or none
 */
export async function reviewTraining(
	db: Queryable,
	actor: Actor,
	reviewId: string,
): Promise<TrainingYear> {
	authorize(actor, reviewsPolicy, "policy_review.read");
	const review = await findReview(db, actor.tenantId, reviewId);
	if (!review) throw new Problem("not_found", "no such review");
	return trainingForReview(db, actor, Number(review.fiscal_year));
}
