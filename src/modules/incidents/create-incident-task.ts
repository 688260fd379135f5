import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import type { IncidentTaskRow } from "./incident-casework.repository.ts";
import { insertIncidentTask } from "./incident-casework.repository.ts";
import type { CreateTaskInput } from "./incident-casework.schemas.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { assertDueDate, assertNotRejected, assertTaskOwner } from "./incident-task-rules.ts";
import { appendIncidentEvent, touchIncident } from "./incidents.repository.ts";

/**
 * Give a case a task: a title, an owner (an active account of the tenant, who need not otherwise
 * see the case) and a due date from today on. The task, its timeline entry and its audit event
 * commit together.
 *
 * @throws Problem `not_found` for a case the caller may not see; `validation_failed` (issue codes
 * `account_unknown`, `due_in_past`); `conflict` for a rejected case (`case_rejected`)
 * @example
 * const task = await inTransaction(db, (tx) => createIncidentTask(tx, desk, id, { title, ownerId, dueOn }));
 */
export async function createIncidentTask(
	tx: Tx,
	desk: IncidentDesk,
	incidentId: string,
	input: CreateTaskInput,
	now: Date = new Date(),
): Promise<IncidentTaskRow> {
	const { actor } = desk;
	authorize(actor, incidentCaseworkPolicy, "incident.task_manage");
	const row = await visibleIncident(tx, desk, incidentId);
	assertNotRejected(row);
	assertDueDate(desk, input.dueOn);
	const ownerLabel = await assertTaskOwner(tx, desk, input.ownerId);
	const at = now.toISOString();
	const task: IncidentTaskRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		incident_id: row.id,
		title: input.title,
		owner_id: input.ownerId,
		due_on: input.dueOn,
		done_at: null,
		done_by_label: null,
		created_by: actor.accountId,
		created_by_label: actor.label,
		created_at: at,
		updated_at: at,
		version: 1,
	};
	await touchIncident(tx, actor.tenantId, row.id, at);
	await insertIncidentTask(tx, task);
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: "task_created",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: task.title,
		data: { taskId: task.id, ownerId: task.owner_id, ownerLabel, dueOn: task.due_on },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.task_created",
		{ reference: row.reference, taskId: task.id, ownerId: task.owner_id, dueOn: task.due_on },
		{ recordType: "incident", recordId: row.id },
	);
	return task;
}
