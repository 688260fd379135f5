import type { Db, Engine } from "../../../db/connection.ts";
import { japanDate } from "../../../shared/dates.ts";
import { type CustodyCounts, custodyCountsOfYear } from "../../assets/custody-counts.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { openIncidentDesk } from "../../incidents/incident-desk.ts";
import type { IncidentStats } from "../../incidents/incident-stats.schemas.ts";
import { fiscalYearOfDay, incidentStats } from "../../incidents/incident-stats.ts";
import { type NetworkCheckStatus, networkCheckStatus } from "../../network/check-status.ts";
import {
	publicationsOfYear,
	type YearPublications,
} from "../../policies/documents/year-publications.ts";
import type { TrainingYear } from "../../training/training.schemas.ts";
import { trainingForReview } from "../../training/training-for-review.ts";
import type { AuditReviewInput } from "../audits/review-input.schemas.ts";
import { auditsForReview } from "../audits/review-input.ts";
import type { CampaignReviewInput } from "../campaigns/review-input.schemas.ts";
import { campaignsForReview } from "../campaigns/review-input.ts";
import type { FindingReviewInput } from "../findings/review-input.schemas.ts";
import { findingsForReview } from "../findings/review-input.ts";
import { statusReportPolicy } from "./status-report.policy.ts";

/** A fiscal year's figures of every part of the ISMS, each as its own module reports it. */
export interface StatusReport {
	fiscalYear: number;
	/** When the figures were read (they are live, not a snapshot). */
	at: string;
	policies: YearPublications;
	/** Courses, completion and phishing drills, over every unit. */
	training: TrainingYear;
	selfInspection: CampaignReviewInput;
	audits: AuditReviewInput;
	findings: FindingReviewInput;
	incidents: Pick<IncidentStats, "total" | "byState" | "byCategory">;
	custody: CustodyCounts;
	network: NetworkCheckStatus;
}

/**
 * Gathers the yearly status report (情報セキュリティ対策の状況) of a fiscal year through the use
 * cases of the modules that own each part: policy versions and acknowledgement (policies),
 * training and phishing drills (training), self-inspection, audits and findings (assurance), incidents by category, take-outs and disposals
 * (assets), the network check. Nothing here reads another module's tables.
 *
 * @example
 * const report = await gatherStatusReport(deps, actor, 2026);
 */
export async function gatherStatusReport(
	deps: { db: Db; engine: Engine },
	actor: Actor,
	fiscalYear: number | undefined,
	now: Date = new Date(),
): Promise<StatusReport> {
	authorize(actor, statusReportPolicy, "assurance_status_report.read");
	const { db } = deps;
	const year = fiscalYear ?? fiscalYearOfDay(japanDate(now));
	const desk = await openIncidentDesk(db, actor, now);
	const [policies, training, selfInspection, audits, findings, stats, custody, network] =
		await Promise.all([
			publicationsOfYear(db, actor, year),
			trainingForReview(db, actor, year, now),
			campaignsForReview(db, actor, year),
			auditsForReview(db, actor, year),
			findingsForReview(db, actor, year, now),
			incidentStats(deps, desk, { fiscalYear: year }),
			custodyCountsOfYear(db, actor, year),
			networkCheckStatus(db, actor, now),
		]);
	return {
		fiscalYear: year,
		at: now.toISOString(),
		policies,
		training,
		selfInspection,
		audits,
		findings,
		incidents: { total: stats.total, byState: stats.byState, byCategory: stats.byCategory },
		custody,
		network,
	};
}
