import type { PolicyReviewTable } from "../../../db/schema.ts";
import { allowedActions } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import {
	type PresentedReview,
	REVIEW_OUTCOMES,
	REVIEW_TRIGGERS,
	reviewInputsSchema,
} from "./reviews.schemas.ts";

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
	return values.find((v) => v === value);
}

/** A stored review as the API shows it, with the actions the caller may take on it now. */
export function presentReview(row: PolicyReviewTable, actor: Actor): PresentedReview {
	const outcome = oneOf(REVIEW_OUTCOMES, row.decision);
	const decided = row.status === "decided";
	const actions = allowedActions(actor, reviewsPolicy).filter(
		(action) => !decided || action === "policy_review.read",
	);
	return {
		id: row.id,
		fiscalYear: Number(row.fiscal_year),
		trigger: oneOf(REVIEW_TRIGGERS, row.trigger) ?? "as_needed",
		dueOn: row.due_on,
		status: decided ? "decided" : "open",
		inputs: reviewInputsSchema.parse(JSON.parse(row.inputs)),
		decision:
			outcome && row.decided_at && row.decided_by
				? {
						outcome,
						reason: row.decision_reason ?? "",
						decidedBy: row.decided_by,
						decidedAt: row.decided_at,
					}
				: null,
		draftVersionId: row.draft_version_id,
		createdAt: row.created_at,
		allowedActions: actions,
	};
}
