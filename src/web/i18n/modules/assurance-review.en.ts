import type { assuranceReviewJa } from "./assurance-review.ja.ts";

/** English messages of the review's assurance inputs (findings, audits), merged into en.ts. */
export const assuranceReviewEn: Record<keyof typeof assuranceReviewJa, string> = {
	"reviewAssurance.findings.title": "Findings ({year})",
	"reviewAssurance.findings.hidden": "You may not see the findings figures.",
	"reviewAssurance.findings.total":
		"{count} findings ({change} on the previous year), {overdue} overdue ({overdueChange} on the previous year)",
	"reviewAssurance.findings.caption": "Findings by kind, against the previous year",
	"reviewAssurance.col.item": "Kind",
	"reviewAssurance.col.thisYear": "This year",
	"reviewAssurance.col.lastYear": "Previous year",
	"reviewAssurance.col.change": "Change",
	"reviewAssurance.group.source": "Source",
	"reviewAssurance.group.severity": "Severity",
	"reviewAssurance.group.state": "State",
	"reviewAssurance.openMajor": "Major findings still open",
	"reviewAssurance.openMajor.none": "No major finding is still open.",
	"reviewAssurance.audits.title": "Audits ({year})",
	"reviewAssurance.audits.hidden": "You may not see the audits.",
	"reviewAssurance.audits.none": "No audits this fiscal year.",
	"reviewAssurance.audits.coverage":
		"{audited} of the {planned} units in the yearly audit plan audited",
	"reviewAssurance.audits.notAudited": "Not audited: {units}",
	"reviewAssurance.audits.noPlan": "No yearly audit plan for this fiscal year.",
	"reviewAssurance.audits.period": "{start} – {end}",
	"reviewAssurance.campaigns.title": "Self-inspection ({year})",
	"reviewAssurance.campaigns.hidden": "You may not see the self-inspection figures.",
	"reviewAssurance.campaigns.none": "No self-inspection this fiscal year.",
	"reviewAssurance.campaigns.rates":
		"{count} campaigns; response rate {response} ({responseChange} points on the previous year), compliance rate {compliance} ({complianceChange} points)",
	"reviewAssurance.campaigns.one":
		"due {due}, response rate {response}, compliance rate {compliance}",
	"reviewAssurance.raise": "Raise a corrective action",
	"reviewAssurance.raiseTitle": "Raise a corrective action from the review's decision",
	"reviewAssurance.raised": "Finding {reference} raised.",
};
