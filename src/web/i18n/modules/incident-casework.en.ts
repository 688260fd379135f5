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

	"incidents.section.tasks": "Tasks",
	"incidents.task.add": "Add a task",
	"incidents.task.addTitle": "New task",
	"incidents.task.editTitle": "Change the task",
	"incidents.task.title": "Task",
	"incidents.task.titleHint":
		"E.g. report the loss to the police, draft the letter to the residents concerned",
	"incidents.task.owner": "Owner",
	"incidents.task.ownerHint": "The owner sees it on their Home page with its due date.",
	"incidents.task.dueOn": "Due",
	"incidents.task.status": "Status",
	"incidents.task.actions": "Actions",
	"incidents.task.open": "Open",
	"incidents.task.doneOn": "Done {date} ({name})",
	"incidents.task.edit": "Edit",
	"incidents.task.complete": "Mark done",
	"incidents.task.reopen": "Reopen",
	"incidents.task.created": "Task “{title}” added.",
	"incidents.task.saved": "Task “{title}” saved.",
	"incidents.task.completed": "Task “{title}” marked done.",
	"incidents.task.reopened": "Task “{title}” reopened.",
	"incidents.task.empty": "No tasks yet.",
	"incidents.task.emptyGuidance":
		"Give the work the response needs (containment, calls, reports) an owner and a due date.",
	"incidents.taskField.title": "task",
	"incidents.taskField.ownerId": "owner",
	"incidents.taskField.dueOn": "due date",
	"incidents.taskField.done": "done",

	"incidents.tasks.title": "My incident tasks",
	"incidents.tasks.lead": "Your open tasks in incident response, the soonest due first.",
	"incidents.tasks.case": "Case",
	"incidents.tasks.empty": "You have no open incident tasks.",
	"incidents.tasks.emptyGuidance": "Tasks the CSIRT gives you appear here.",

	"incidents.section.evidence": "Evidence files",
	"incidents.evidence.add": "Add an evidence file",
	"incidents.evidence.addTitle": "New evidence file",
	"incidents.evidence.file": "File",
	"incidents.evidence.fileHint":
		"Up to {limit} per file. Its SHA-256 is recorded on saving and checked on every download.",
	"incidents.evidence.tooLarge": "“{name}” is {size}; an evidence file may be at most {limit}.",
	"incidents.evidence.description": "Description",
	"incidents.evidence.descriptionHint":
		"E.g. an extract of the VPN log, a photo of the place it was lost",
	"incidents.evidence.upload": "Add",
	"incidents.evidence.added": "“{name}” saved (SHA-256: {sha256}).",
	"incidents.evidence.fileName": "File name",
	"incidents.evidence.size": "Size",
	"incidents.evidence.uploaded": "Added",
	"incidents.evidence.download": "Download",
	"incidents.evidence.empty": "No evidence files yet.",
	"incidents.evidence.emptyGuidance":
		"Keep log extracts, photos and the like with their SHA-256, so that anyone can check they were not altered.",

	"incidents.section.reportDraft": "Draft leak report",
	"incidents.draft.lead":
		"A draft of the leak report to the Personal Information Protection Commission, made from the case. Fill in the blanks and check it before filing.",
	"incidents.draft.pdf": "Download the draft (PDF)",
	"incidents.draft.xlsx": "Download the draft (Excel)",

	"incidents.field.cause": "Cause",
	"incidents.field.secondaryDamage": "Secondary damage or its risk",
	"incidents.field.responseToPeople": "Response to the people concerned",
	"incidents.field.publicAnnouncement": "Public announcement",
	"incidents.triage.reportItems": "Items of the leak report",
	"incidents.triage.reportItemsHint":
		"Fill in what is known; the draft report takes them as written. Emptied, they are removed.",
	"incidents.column.cause": "cause",
	"incidents.column.secondary_damage": "secondary damage",
	"incidents.column.response_to_people": "response to the people concerned",
	"incidents.column.public_announcement": "public announcement",

	"incidents.timeline.kind.task_created": "Task added",
	"incidents.timeline.kind.task_updated": "Task changed",
	"incidents.timeline.kind.task_completed": "Task done",
	"incidents.timeline.kind.task_reopened": "Task reopened",
	"incidents.timeline.kind.evidence_added": "Evidence file added",
	"incidents.timeline.task": "Owner: {owner}, due {due}",
	"incidents.timeline.taskDue": "Due {due}",
	"incidents.timeline.evidence": "{name} ({size}, SHA-256: {sha256})",
};
