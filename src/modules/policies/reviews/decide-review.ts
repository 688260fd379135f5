import type { Tx } from "../../../db/transaction.ts";
import { ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { openDraftForReview } from "./draft-hook.ts";
import { openReviewOf } from "./record-inputs.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import { updateReview } from "./reviews.repository.ts";
import { type ReviewDecisionInput, reviewInputsSchema } from "./reviews.schemas.ts";

/**
 * Record a review's decision. Where the pack requires a risk analysis before revising (北九州市
 * §8), every threat must be rated first. `revise` asks the documents module for a new draft
 * through {@link openDraftForReview}.
 */
export async function decideReview(
	tx: Tx,
	actor: Actor,
	id: string,
	decision: ReviewDecisionInput,
): Promise<void> {
	authorize(actor, reviewsPolicy, "policy_review.decide");
	const review = await openReviewOf(tx, actor, id);
	const pack = await currentTenantPack(tx, actor.tenantId);
	const inputs = reviewInputsSchema.parse(JSON.parse(review.inputs));
	if (pack?.pack.cadence.review.requiresRiskAnalysis) {
		const rated = new Set(inputs.riskAnalysis.map((entry) => entry.threat));
		const unrated = pack.pack.threats.filter((threat) => !rated.has(threat.code));
		if (unrated.length > 0) {
			throw new Problem(
				"validation_failed",
				`the policy requires a risk analysis before the decision; rate: ${unrated.map((t) => t.code).join(", ")}`,
				{
					issues: unrated.map((t) =>
						ruleIssue("riskAnalysis", "review_risk_unrated", `${t.code} not rated`, {
							value: t.code,
						}),
					),
				},
			);
		}
	}
	const draftVersionId =
		decision.outcome === "revise"
			? await openDraftForReview(tx, actor, {
					id,
					fiscalYear: Number(review.fiscal_year),
					reason: decision.reason,
				})
			: null;
	const now = new Date().toISOString();
	await updateReview(tx, actor.tenantId, id, {
		status: "decided",
		decision: decision.outcome,
		decision_reason: decision.reason,
		decided_by: actor.label,
		decided_at: now,
		draft_version_id: draftVersionId,
		updated_at: now,
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy_review.decided",
		{ outcome: decision.outcome, reason: decision.reason, draftVersionId },
		{ recordType: "policy_review", recordId: id },
	);
}
