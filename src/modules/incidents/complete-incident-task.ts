import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize, can, forbiddenFor } from "../authz/policy.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import { findIncidentTask, updateIncidentTaskRow } from "./incident-casework.repository.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { staleTask, taskDone } from "./incident-task-rules.ts";
import { appendIncidentEvent, findIncident, touchIncident } from "./incidents.repository.ts";

/**
 * Mark a task done: its owner may, whether or not they see the case; so may whoever manages
 * tasks and sees the case. Anyone else who sees the case is refused (`forbidden`); to anyone who
 * does not, the task does not exist.
 *
 * @throws Problem `not_found`, `forbidden`; `conflict` when the task is done already (`task_done`)
 */
export async function completeIncidentTask(
	tx: Tx,
	desk: IncidentDesk,
	incidentId: string,
	taskId: string,
	now: Date = new Date(),
): Promise<void> {
	const { actor } = desk;
	authorize(actor, incidentCaseworkPolicy, "incident.task_complete");
	const task = await findIncidentTask(tx, actor.tenantId, incidentId, taskId);
	if (!task) throw new Problem("not_found", "no such task on this case");
	const owner = task.owner_id === actor.accountId;
	const row = owner
		? await findIncident(tx, actor.tenantId, task.incident_id)
		: await visibleIncident(tx, desk, task.incident_id);
	if (!row) throw new Problem("not_found", "no such task on this case");
	if (!owner && !can(actor, incidentCaseworkPolicy, "incident.task_manage")) {
		throw forbiddenFor("incident.task_complete", incidentCaseworkPolicy["incident.task_manage"]);
	}
	if (task.done_at !== null) throw taskDone();
	const at = now.toISOString();
	await touchIncident(tx, actor.tenantId, row.id, at);
	const version = Number(task.version);
	const saved = await updateIncidentTaskRow(tx, actor.tenantId, task.id, version, {
		done_at: at,
		done_by_label: actor.label,
		updated_at: at,
	});
	if (!saved) throw staleTask();
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: "task_completed",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: task.title,
		data: { taskId: task.id, fields: ["done"], ownerId: task.owner_id, done: true },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.task_completed",
		{ reference: row.reference, taskId: task.id },
		{ recordType: "incident", recordId: row.id },
	);
}
