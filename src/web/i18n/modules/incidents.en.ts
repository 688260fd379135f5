import type { incidentsJa } from "./incidents.ja.ts";

/** English messages of incident response, merged into the main catalogue (en.ts). */
export const incidentsEn: Record<keyof typeof incidentsJa, string> = {
	"audit.type.incident.reported": "Incident reported",
	"audit.type.incident.triaged": "Incident triaged",
	"audit.type.incident.transitioned": "Incident state changed",
	"audit.type.incident.note_added": "Note added to an incident",
	"audit.type.incident.filing_recorded": "Legal report filing recorded",

	"issue.prevention_required": "Record the prevention of recurrence before closing a severe case.",
	"issue.reason_required": "Say why this is not an incident.",
	"issue.unknown_category": "Not a category of the policy. Choose one of: {known}",
	"issue.severity_out_of_scale": "Choose a severity from 1 to {max}.",
	"issue.unit_not_found": "No such org unit.",
	"issue.asset_not_found": "No such asset within your reach.",
	"issue.unknown_obligation": "Not an obligation of the rules. Choose one of: {known}",
	"issue.already_filed": "This report's filing is already recorded.",
	"issue.case_not_open": "A case that is done cannot be changed.",
	"issue.case_rejected": "This case was judged not to be an incident.",
	"issue.transition_not_allowed": "This cannot be done in the case's current state.",
	"issue.stale_version": "Someone changed this first. Reload and try again.",
	"issue.in_future": "A date in the future is not allowed (today is {today}).",
	"issue.required": "Required.",
};
