import { randomUUID } from "node:crypto";
import type { PolicyReviewTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { fiscalYear } from "../../../shared/dates.ts";
import { refusal, ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { fiscalYearEnd, scheduledReview } from "./review-schedule.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import { findReviewBySchedule, insertReview } from "./reviews.repository.ts";
import { EMPTY_INPUTS, type REVIEW_TRIGGERS } from "./reviews.schemas.ts";

/**
 * Open a review: `scheduled` makes this fiscal year's review the pack's cadence asks for (once);
 * any other trigger (major change, audit findings, new threats, …) opens an extra review.
 *
 * @throws Problem `validation_failed` when the cadence sets no yearly review; `conflict` when
 * this fiscal year's scheduled review exists.
 */
export async function openReview(
	tx: Tx,
	actor: Actor,
	trigger: (typeof REVIEW_TRIGGERS)[number],
	now: string = new Date().toISOString(),
): Promise<PolicyReviewTable> {
	authorize(actor, reviewsPolicy, "policy_review.manage");
	const pack = await currentTenantPack(tx, actor.tenantId);
	if (!pack) throw new Problem("not_found", "this tenant has no policy pack yet");
	let year = fiscalYear(now);
	let dueOn = fiscalYearEnd(year);
	let scheduleKey: string | null = null;
	if (trigger === "scheduled") {
		const schedule = scheduledReview(pack.pack.cadence, now);
		if (!schedule) {
			throw new Problem(
				"validation_failed",
				"the policy pack's cadence sets no yearly review; open one with its trigger instead",
				{
					issues: [
						ruleIssue("trigger", "review_no_yearly_cadence", "no yearly review in the cadence"),
					],
				},
			);
		}
		if (await findReviewBySchedule(tx, actor.tenantId, schedule.scheduleKey)) {
			throw refusal(
				"conflict",
				"review_exists",
				`the review for fiscal year ${schedule.fiscalYear} exists`,
				{ fiscalYear: schedule.fiscalYear },
			);
		}
		({ fiscalYear: year, dueOn, scheduleKey } = schedule);
	}
	const row: PolicyReviewTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		fiscal_year: year,
		trigger,
		schedule_key: scheduleKey,
		due_on: dueOn,
		status: "open",
		inputs: JSON.stringify(EMPTY_INPUTS),
		decision: null,
		decision_reason: null,
		decided_by: null,
		decided_at: null,
		draft_version_id: null,
		created_by: actor.accountId,
		created_at: now,
		updated_at: now,
	};
	await insertReview(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy_review.opened",
		{ fiscalYear: year, trigger, dueOn },
		{ recordType: "policy_review", recordId: row.id },
	);
	return row;
}
