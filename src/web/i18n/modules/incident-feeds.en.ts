import type { incidentFeedsJa } from "./incident-feeds.ja.ts";

/** English messages of what incident response feeds to the rest (see incident-feeds.ja.ts). */
export const incidentFeedsEn: Record<keyof typeof incidentFeedsJa, string> = {
	"settings.incidentDays": "Incidents: preliminary report to the PPC",
	"settings.incidentDays.label":
		"Preliminary report aimed at by day (counting the day known as day 1)",
	"settings.incidentDays.hint":
		"The law says “promptly”. Left empty, due dates follow the policy pack's aim (day {days}).",
	"settings.incidentDays.hintNoAim":
		"The law says “promptly”. Left empty, due dates follow the policy pack.",
	"issue.field.riskId": "risk",
	"issue.field.incidentPreliminaryDays": "Days for the preliminary report",

	"audit.type.incident.stats_exported": "Incident figures exported",
	"audit.type.incident.risk_linked": "Risk raised or re-rated from an incident",
	"issue.risk_threat_required":
		"The case's category is not a threat of the policy; choose the risk's threat.",
	"issue.risk_unit_required":
		"None of the case's units is one you may enter a risk in; choose the risk's owning unit.",

	"issue.field.malwareIncidents": "Incident for held malware",
	"mail.settings.malwareIncidents": "Open an incident for each message held for malware",
	"mail.settings.malwareIncidentsHint":
		"One case per held message, reported by the sanitising gateway to incident response, for the CSIRT to triage.",

	"incidents.raiseRisk.action": "Enter as a risk",
	"incidents.raiseRisk.title": "Enter a risk from this case",
	"incidents.raiseRisk.hint":
		"The description is taken from what happened, the treatment plan from the prevention of recurrence, the linked assets from the case's. The owning unit's manager completes and reviews the risk in the register.",
	"incidents.raiseRisk.choose": "Choose",
	"incidents.raiseRisk.submit": "Enter the risk",
	"incidents.raiseRisk.done": "The risk “{title}” was entered in the register.",
	"incidents.raiseRisk.open": "Open the risk",
	"incidents.timeline.kind.risk_raised": "Entered as a risk",
	"incidents.timeline.kind.risk_rescored": "Risk re-rated",
	"incidents.timeline.risk": "Risk: {title}",
	"incidents.timeline.riskRatings":
		"Inherent risk {inherentBefore} → {inherentAfter}, residual risk {residualBefore} → {residualAfter}",
	"incidents.linkedRisks.title": "Risks linked to this case",
	"incidents.rescoreRisk.action": "Re-rate",
	"incidents.rescoreRisk.actionFor": "Re-rate “{title}”",
	"incidents.rescoreRisk.title": "Re-rate a risk in the light of this case",
	"incidents.rescoreRisk.hint":
		"Review the likelihood and impact of the risk “{title}” in the light of this case, starting from its ratings in the register.",
	"incidents.rescoreRisk.reason": "Reason for the re-rating",
	"incidents.rescoreRisk.reasonHint": "Kept on the case's timeline.",
	"incidents.rescoreRisk.submit": "Record the re-rating",

	"incidentStats.title": "Incidents",
	"incidentStats.recalculating":
		"Recalculating: the reporting rules (policy pack, days for preliminary reports, holidays) changed, so the report deadlines are being computed again. The dates listed follow the new rules; the counts and figures are those of before until this is done.",
	"incidentStats.open.none": "No legal report is waiting to be filed.",
	"incidentStats.open.count": "{count} legal reports are waiting to be filed.",
	"incidentStats.open.due": "due {date}",
	"incidentStats.open.overdue": "Overdue",
	"incidentStats.year": "Fiscal year",
	"incidentStats.caption": "Incident figures of {year}",
	"incidentStats.total": "Cases reported",
	"incidentStats.byCategory": "Categories (most first)",
	"incidentStats.byUnit": "Units (most first)",
	"incidentStats.uncategorised": "Not categorised",
	"incidentStats.noUnit": "No unit",
	"incidentStats.toTriage": "To triage (median, mean)",
	"incidentStats.toClose": "To close (median, mean)",
	"incidentStats.duration": "{median}, {mean}",
	"incidentStats.hours": "{value} h",
	"incidentStats.days": "{value} days",
	"incidentStats.none": "None",
	"incidentStats.stage.preliminary": "Preliminary reports (on time, late, not filed)",
	"incidentStats.stage.final": "Final reports (on time, late, not filed)",
	"incidentStats.reporting": "{onTime}, {late}, {unfiled}",
	"incidentStats.exportXlsx": "Export the figures (Excel)",
	"incidentStats.exportCsv": "Export the figures (CSV)",

	"review.incidentInput.title": "Incidents (cases closed in the period)",
	"review.incidentInput.period": "Period: {from} to {to}.",
	"review.incidentInput.hint":
		"Cases closed since the previous review's decision (for the first review, since 1 April of the previous fiscal year), gathered from incident response.",
	"review.incidentInput.counts": "{closed} cases closed, {prevention} with a prevention record.",
	"review.incidentInput.none": "No incident was closed in this period.",
	"review.incidentInput.uncategorised": "Not categorised",
	"review.incidentInput.more": "The {shown} most severe shown ({total} in all).",
	"review.incidentInput.noPrevention": "(none recorded)",
	"review.incidentInput.col.case": "Case",
	"review.incidentInput.col.category": "Category",
	"review.incidentInput.col.severity": "Severity",
	"review.incidentInput.col.units": "Units",
	"review.incidentInput.col.closed": "Closed on",
	"review.incidentInput.col.prevention": "Prevention of recurrence",
};
