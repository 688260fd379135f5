import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import type { AuditReviewInput } from "../../assurance/audits/review-input.schemas.ts";
import { auditsForReview } from "../../assurance/audits/review-input.ts";
import type { FindingReviewInput } from "../../assurance/findings/review-input.schemas.ts";
import { findingsForReview } from "../../assurance/findings/review-input.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import { findReview } from "./reviews.repository.ts";

/** The review's fiscal year, for one the caller may read. @throws Problem `not_found` */
async function reviewYear(db: Queryable, actor: Actor, reviewId: string): Promise<number> {
	authorize(actor, reviewsPolicy, "policy_review.read");
	const review = await findReview(db, actor.tenantId, reviewId);
	if (!review) throw new Problem("not_found", "no such review");
	return Number(review.fiscal_year);
}

/**
 * The findings input of a review: its fiscal year's findings register counted, with the year
 * before's and the change, as the assurance module reports them. Read live.
 *
 * @throws Problem `not_found` for a review of another tenant or none
 */
export async function reviewFindings(
	db: Queryable,
	actor: Actor,
	reviewId: string,
	now: Date = new Date(),
): Promise<FindingReviewInput> {
	return findingsForReview(db, actor, await reviewYear(db, actor, reviewId), now);
}

/**
 * The audits input of a review: its fiscal year's audits and yearly plan coverage, as the
 * assurance module reports them. Read live.
 *
 * @throws Problem `not_found` for a review of another tenant or none
 */
export async function reviewAudits(
	db: Queryable,
	actor: Actor,
	reviewId: string,
): Promise<AuditReviewInput> {
	return auditsForReview(db, actor, await reviewYear(db, actor, reviewId));
}
