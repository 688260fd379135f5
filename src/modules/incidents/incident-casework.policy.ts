import { definePolicy } from "../authz/policy.ts";

/**
 * Who may do the casework of a case: its tasks, its evidence files and the draft of the legal
 * report. Reading a case's tasks and evidence is `incident.read` of `incidentsPolicy` (whoever may
 * see the case, checked per case by `incident-desk.ts`).
 */
export const incidentCaseworkPolicy = definePolicy({
	/** Create a task, change its title, owner or due date, reopen it. */
	"incident.task_manage": ["csirt", "ciso"],
	/** Mark a task done: its owner, or those who manage tasks (checked per task). */
	"incident.task_complete": ["staff"],
	/** One's own open tasks, on whatever case. */
	"incident.task_mine": ["staff"],
	"incident.evidence_add": ["csirt", "ciso"],
	/** The draft of the report to the PPC (PDF / XLSX), for the officer to complete and file. */
	"incident.report_draft": ["csirt", "ciso", "chief_officer"],
});

export type IncidentCaseworkAction = keyof typeof incidentCaseworkPolicy;
