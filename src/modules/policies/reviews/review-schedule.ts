import { fiscalYear } from "../../../shared/dates.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";

export interface ScheduledReview {
	fiscalYear: number;
	/** The last day of the fiscal year, `YYYY-03-31`. */
	dueOn: string;
	scheduleKey: string;
}

/** The last day of a fiscal year (年度 N runs from 1 April N to 31 March N+1). */
export function fiscalYearEnd(year: number): string {
	return `${year + 1}-03-31`;
}

/**
 * The yearly review the pack's cadence asks for at an instant, on the fiscal-year calendar; null
 * when the policy reviews only on triggers (periodic or as needed).
 *
 * @example
 * scheduledReview(pack.cadence, "2026-04-01T00:00:00+09:00"); // { fiscalYear: 2026, dueOn: "2027-03-31", … }
 */
export function scheduledReview(
	cadence: PolicyPack["cadence"],
	nowIso: string,
): ScheduledReview | null {
	if (cadence.review.every !== "fiscal_year") return null;
	const year = fiscalYear(nowIso);
	return { fiscalYear: year, dueOn: fiscalYearEnd(year), scheduleKey: `FY${year}` };
}
