import type { LocalizedLabel } from "../policies/pack/pack.primitives.ts";
import type { ReportingRules } from "./assess-obligations.ts";
import { caseFacts } from "./case-rules.ts";
import type { IncidentRow } from "./incidents.repository.ts";

/** The legal report of a case due soonest and not yet filed, as the case list shows it. */
export interface NextDue {
	obligation: string;
	authority: LocalizedLabel;
	stage: "preliminary" | "final";
	/** The stage's label in the rules (速報 / 確報). */
	label: LocalizedLabel;
	/** YYYY-MM-DD, moved past the days offices are closed. */
	due: string;
	/** The due date has passed (Japan time). */
	overdue: boolean;
}

/**
 * Of the reports the case's facts require, the one due soonest that is not filed yet; null when
 * none is (nothing required, all filed, or a rejected case). Closed cases keep theirs until filed.
 *
 * @example
 * nextDue(desk.rules, row, filings, desk.today) // { obligation: "ppc_personal_information", stage: "preliminary", due: "2025-12-04", … }
 */
export function nextDue(
	rules: ReportingRules,
	row: IncidentRow,
	filings: readonly { obligation_code: string; stage: string }[],
	today: string,
): NextDue | null {
	if (row.state === "rejected") return null;
	let soonest: NextDue | null = null;
	for (const obligation of rules.assess(caseFacts(row))) {
		if (!obligation.required) continue;
		for (const stage of ["preliminary", "final"] as const) {
			const deadline = obligation[stage];
			if (!deadline) continue;
			const filed = filings.some((f) => f.obligation_code === obligation.code && f.stage === stage);
			if (filed || (soonest && soonest.due <= deadline.due)) continue;
			soonest = {
				obligation: obligation.code,
				authority: obligation.authority,
				stage,
				label: deadline.label,
				due: deadline.due,
				overdue: deadline.due < today,
			};
		}
	}
	return soonest;
}
