import type { Queryable } from "../../../db/queryable.ts";
import type { PolicyReviewTable } from "../../../db/schema.ts";
import type { Actor } from "../../authz/roles.ts";
import type { ReviewIncidentInput } from "../../incidents/review-input.schemas.ts";
import { type ClosedPeriod, closedCasesForReview } from "../../incidents/review-input.ts";
import { previousDecisionAt } from "./reviews.repository.ts";

/**
 * The period whose closed incidents a review is based on: from the tenant's previous review
 * decision (or, before any, from 1 April of the fiscal year before the review's) up to this
 * review's decision, or up to now while it is open. Consecutive reviews neither overlap nor leave
 * a gap, whenever in the year each is decided.
 *
 * @example
 * await reviewPeriod(db, row); // { from: "2025-03-31T15:00:00.000Z", to: "2026-12-06T…" }
 */
export async function reviewPeriod(
	db: Queryable,
	row: PolicyReviewTable,
	now: Date = new Date(),
): Promise<ClosedPeriod> {
	const to = row.decided_at ?? now.toISOString();
	const previous = await previousDecisionAt(db, row.tenant_id, to);
	const from =
		previous ?? new Date(`${Number(row.fiscal_year) - 1}-04-01T00:00:00+09:00`).toISOString();
	return { from, to };
}

/**
 * The review's incident input, from the incidents module (modules never read each other's
 * tables): the cases closed in the review's period and their 再発防止.
 */
export async function reviewIncidentInput(
	db: Queryable,
	actor: Actor,
	row: PolicyReviewTable,
	now: Date = new Date(),
): Promise<ReviewIncidentInput> {
	return closedCasesForReview(db, actor, await reviewPeriod(db, row, now));
}
