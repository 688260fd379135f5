import type { PolicyReviewTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleIssue } from "../../../shared/issues.ts";
import { Problem, type ProblemIssue } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import { findReview, updateReview } from "./reviews.repository.ts";
import type { ReviewInputs } from "./reviews.schemas.ts";

/** Risk entries must name the pack's threats, once each, on the steps of its risk matrix. */
export function riskIssues(inputs: ReviewInputs, pack: PolicyPack): ProblemIssue[] {
	const threats = new Set(pack.threats.map((threat) => threat.code));
	const seen = new Set<string>();
	const issues: ProblemIssue[] = [];
	inputs.riskAnalysis.forEach((entry, index) => {
		const path = `riskAnalysis.${index}`;
		if (!threats.has(entry.threat)) {
			issues.push(
				ruleIssue(`${path}.threat`, "threat_unknown", "not a threat of the policy pack", {
					value: entry.threat,
				}),
			);
		} else if (seen.has(entry.threat)) {
			issues.push(
				ruleIssue(`${path}.threat`, "threat_rated_twice", "rated twice", { value: entry.threat }),
			);
		}
		seen.add(entry.threat);
		for (const axis of ["likelihood", "impact"] as const) {
			if (entry[axis] > pack.riskMatrix.size) {
				issues.push(
					ruleIssue(`${path}.${axis}`, "too_big", `at most ${pack.riskMatrix.size}`, {
						max: pack.riskMatrix.size,
					}),
				);
			}
		}
	});
	return issues;
}

/** An open review of the caller's tenant, or a 404 / 409. */
export async function openReviewOf(tx: Tx, actor: Actor, id: string): Promise<PolicyReviewTable> {
	const review = await findReview(tx, actor.tenantId, id);
	if (!review) throw new Problem("not_found", "no such review");
	if (review.status !== "open")
		throw refusal("conflict", "already_decided", "the review is already decided");
	return review;
}

/** Replace a review's gathered inputs (audit, self-inspection, incidents, changes, risk). */
export async function recordReviewInputs(
	tx: Tx,
	actor: Actor,
	id: string,
	inputs: ReviewInputs,
): Promise<void> {
	authorize(actor, reviewsPolicy, "policy_review.manage");
	await openReviewOf(tx, actor, id);
	const pack = await currentTenantPack(tx, actor.tenantId);
	const issues = pack ? riskIssues(inputs, pack.pack) : [];
	if (issues.length > 0) {
		throw new Problem("validation_failed", "the risk analysis does not fit the policy pack", {
			issues,
		});
	}
	await updateReview(tx, actor.tenantId, id, {
		inputs: JSON.stringify(inputs),
		updated_at: new Date().toISOString(),
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy_review.inputs_recorded",
		{ riskEntries: inputs.riskAnalysis.length },
		{ recordType: "policy_review", recordId: id },
	);
}
