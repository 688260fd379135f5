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
	"issue.field.incidentPreliminaryDays": "Days for the preliminary report",

	"audit.type.incident.stats_exported": "Incident figures exported",
	"audit.type.incident.risk_linked": "Risk raised or re-rated from an incident",
	"issue.risk_threat_required":
		"The case's category is not a threat of the policy; choose the risk's threat.",
	"issue.risk_unit_required":
		"None of the case's units is one you manage; choose the risk's owning unit.",
};
