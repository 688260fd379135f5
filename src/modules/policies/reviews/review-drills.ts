import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import type { DrillReviewInput } from "../../incidents/drills/drills.schemas.ts";
import { drillsForReview } from "../../incidents/drills/drills-for-review.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import { findReview } from "./reviews.repository.ts";

/**
 * The drills (訓練) input of a review: its fiscal year's drills, held with their lessons, as the
 * drills module reports them. Read live, so an open review shows drills recorded meanwhile.
 *
 * @throws Problem `not_found` for a review of another tenant or none
 */
export async function reviewDrills(
	db: Queryable,
	actor: Actor,
	reviewId: string,
): Promise<DrillReviewInput> {
	authorize(actor, reviewsPolicy, "policy_review.read");
	const review = await findReview(db, actor.tenantId, reviewId);
	if (!review) throw new Problem("not_found", "no such review");
	return drillsForReview(db, actor, Number(review.fiscal_year));
}
