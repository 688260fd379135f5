import type { Queryable } from "../../../db/queryable.ts";
import { japanDate } from "../../../shared/dates.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { ACTION_OWED, isOverdue } from "./finding-rules.ts";
import { findingsPolicy } from "./findings.policy.ts";
import { type FindingRow, findingsOfYears } from "./findings.repository.ts";
import {
	FINDING_SEVERITIES,
	FINDING_SOURCES,
	FINDING_STATES,
	type FindingSeverity,
	type FindingSource,
	type FindingState,
} from "./findings.schemas.ts";
import { unitNames } from "./read-findings.ts";
import type { FindingReviewInput, FindingYearFigures } from "./review-input.schemas.ts";

const zeros = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** One fiscal year's findings counted, overdue as of `today`. */
export function figuresOf(rows: readonly FindingRow[], today: string): FindingYearFigures {
	const figures: FindingYearFigures = {
		total: rows.length,
		bySource: zeros(FINDING_SOURCES),
		bySeverity: zeros(FINDING_SEVERITIES),
		byState: zeros(FINDING_STATES),
		overdue: 0,
	};
	for (const row of rows) {
		figures.bySource[row.source as FindingSource] += 1;
		figures.bySeverity[row.severity as FindingSeverity] += 1;
		figures.byState[row.state as FindingState] += 1;
		if (isOverdue(row, today)) figures.overdue += 1;
	}
	return figures;
}

const minus = <K extends string>(a: Record<K, number>, b: Record<K, number>) =>
	Object.fromEntries(Object.keys(a).map((key) => [key, a[key as K] - b[key as K]])) as Record<
		K,
		number
	>;

/** Figure by figure, `current` − `previous` (the 前年度比). */
export function changeOf(
	current: FindingYearFigures,
	previous: FindingYearFigures,
): FindingYearFigures {
	return {
		total: current.total - previous.total,
		bySource: minus(current.bySource, previous.bySource),
		bySeverity: minus(current.bySeverity, previous.bySeverity),
		byState: minus(current.byState, previous.byState),
		overdue: current.overdue - previous.overdue,
	};
}

/**
 * A fiscal year's findings as an input of the yearly review (見直し): counted by source, severity
 * and state with the overdue ones, the same for the year before and the change, and the major
 * findings whose action is still owed. The reviews module calls this; it never reads the findings'
 * tables. The whole register is counted, whatever units the caller manages.
 *
 * @example
 * const findings = await findingsForReview(db, actor, 2025);
 */
export async function findingsForReview(
	db: Queryable,
	actor: Actor,
	fiscalYear: number,
	now: Date = new Date(),
): Promise<FindingReviewInput> {
	authorize(actor, findingsPolicy, "finding.review_input");
	const today = japanDate(now);
	const [rows, units] = await Promise.all([
		findingsOfYears(db, actor.tenantId, [fiscalYear - 1, fiscalYear]),
		unitNames(db, actor.tenantId),
	]);
	const ofYear = rows.filter((row) => Number(row.fiscal_year) === fiscalYear);
	const current = figuresOf(ofYear, today);
	const previous = figuresOf(
		rows.filter((row) => Number(row.fiscal_year) === fiscalYear - 1),
		today,
	);
	return {
		fiscalYear,
		current,
		previous,
		change: changeOf(current, previous),
		openMajor: ofYear
			.filter(
				(row) => row.severity === "major" && (ACTION_OWED as readonly string[]).includes(row.state),
			)
			.map((row) => ({
				id: row.id,
				reference: row.reference,
				title: row.title,
				ownerUnit: units.get(row.owner_unit_id) ?? "",
				state: row.state as FindingState,
				dueOn: row.due_on,
				overdue: isOverdue(row, today),
			})),
	};
}
