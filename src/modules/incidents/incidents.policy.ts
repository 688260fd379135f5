import { definePolicy } from "../authz/policy.ts";

/**
 * Who may do what with incident cases. Every member of staff reports and sees their own reports;
 * `incident-desk.ts` then narrows reading a case to the CSIRT, the CISO, 統括 (chief officer), the
 * reporter, and the 管理者 of a unit the case concerns; anyone else is told it does not exist.
 */
export const incidentsPolicy = definePolicy({
	"incident.report": ["staff"],
	/** One case, or a note on it: whoever may see the case (checked per case). */
	"incident.read": ["staff"],
	"incident.note": ["staff"],
	/** The case list of the units one oversees, or of all units. */
	"incident.list": ["csirt", "ciso", "chief_officer", "department_officer", "section_manager"],
	"incident.triage": ["csirt", "ciso"],
	"incident.transition": ["csirt", "ciso"],
	/** Recording that a legal report (速報 / 確報) was filed. */
	"incident.file": ["csirt", "ciso", "chief_officer"],
});

export type IncidentAction = keyof typeof incidentsPolicy;
