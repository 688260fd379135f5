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
};
