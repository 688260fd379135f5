import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import type { AuditReviewInput } from "../../assurance/audits/review-input.schemas.ts";
import { auditsForReview } from "../../assurance/audits/review-input.ts";
import type { CampaignReviewInput } from "../../assurance/campaigns/review-input.schemas.ts";
import { campaignsForReview } from "../../assurance/campaigns/review-input.ts";
import { type RaiseFindingInput, raiseFinding } from "../../assurance/findings/raise-finding.ts";
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

/**
 * The self-inspection input of a review: its fiscal year's campaigns and rates against the year
 * before, as the assurance module reports them. Read live.
 *
 * @throws Problem `not_found` for a review of another tenant or none
 */
export async function reviewCampaigns(
	db: Queryable,
	actor: Actor,
	reviewId: string,
): Promise<CampaignReviewInput> {
	return campaignsForReview(db, actor, await reviewYear(db, actor, reviewId));
}

/** What the review's decision raises: a finding stated as by hand, in the review's name. */
export type ReviewFindingInput = Omit<RaiseFindingInput, "source" | "sourceRef" | "sourceLabel">;

/**
 * The decision opens a corrective action (是正処置): a finding of source `manual`, its source the
 * review (its id kept, labelled with the review's fiscal year), raised through the findings
 * register in the caller's transaction. Those who decide the review may, open or decided.
 *
 * @throws Problem `forbidden`; `not_found`; the register's `validation_failed` issues
 * @example
 * const finding = await raiseFindingFromReview(tx, actor, reviewId, { title, clause, ownerUnitId, severity: "major" });
 */
export async function raiseFindingFromReview(
	tx: Tx,
	actor: Actor,
	reviewId: string,
	input: ReviewFindingInput,
): Promise<{ id: string; reference: string }> {
	authorize(actor, reviewsPolicy, "policy_review.decide");
	const review = await findReview(tx, actor.tenantId, reviewId);
	if (!review) throw new Problem("not_found", "no such review");
	const { finding } = await raiseFinding(tx, actor, {
		...input,
		source: "manual",
		sourceRef: `policy_review:${review.id}`,
		sourceLabel: `情報セキュリティポリシーの見直し（${review.fiscal_year}年度）`,
	});
	return { id: finding.id, reference: finding.reference };
}
