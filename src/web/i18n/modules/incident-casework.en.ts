import type { incidentCaseworkJa } from "./incident-casework.ja.ts";

/** English messages of an incident's casework (tasks, evidence, report draft), merged into en.ts. */
export const incidentCaseworkEn: Record<keyof typeof incidentCaseworkJa, string> = {
	"audit.type.incident.task_created": "Incident task created",
	"audit.type.incident.task_updated": "Incident task changed",
	"audit.type.incident.task_completed": "Incident task completed",
	"audit.type.incident.evidence_added": "Evidence file added to an incident",
	"audit.type.incident.report_draft_exported": "Draft leak report downloaded",

	"issue.due_in_past": "The due date cannot lie in the past (today is {today}).",
	"issue.task_done": "This task is done already.",

	"issue.field.ownerId": "owner",
	"issue.field.dueOn": "due date",
	"issue.field.done": "done",
	"issue.field.taskId": "task",
	"issue.field.evidenceId": "evidence file",
	"issue.field.cause": "cause",
	"issue.field.secondaryDamage": "secondary damage",
	"issue.field.responseToPeople": "response to the people concerned",
	"issue.field.publicAnnouncement": "public announcement",

	"home.work.kind.incident_tasks": "Incident tasks you own: {count}",
};
