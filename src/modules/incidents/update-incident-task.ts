import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import {
	findIncidentTask,
	type IncidentTaskRow,
	updateIncidentTaskRow,
} from "./incident-casework.repository.ts";
import type { UpdateTaskInput } from "./incident-casework.schemas.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { assertDueDate, assertTaskOwner, staleTask } from "./incident-task-rules.ts";
import { appendIncidentEvent, touchIncident } from "./incidents.repository.ts";

/** The timeline's word for a change: done or reopened when that is what changed. */
function eventKind(fields: readonly string[], done: boolean): string {
	if (!fields.includes("done")) return "task_updated";
	return done ? "task_completed" : "task_reopened";
}

/**
 * Change a task of a case: its title, owner or due date (from today on), or mark it done or open
 * again (`done`). Fields left out, or given unchanged, stay as they are; a call that changes
 * nothing writes nothing. Returns the fields changed.
 *
 * @throws Problem `not_found` for a case the caller may not see or a task not of that case;
 * `validation_failed` (`account_unknown`, `due_in_past`); `conflict` for a stale version
 * (`stale_version`)
 */
export async function updateIncidentTask(
	tx: Tx,
	desk: IncidentDesk,
	incidentId: string,
	taskId: string,
	input: UpdateTaskInput,
	now: Date = new Date(),
): Promise<string[]> {
	const { actor } = desk;
	authorize(actor, incidentCaseworkPolicy, "incident.task_manage");
	const row = await visibleIncident(tx, desk, incidentId);
	const task = await findIncidentTask(tx, actor.tenantId, row.id, taskId);
	if (!task) throw new Problem("not_found", "no such task on this case");
	const at = now.toISOString();
	const patch: Partial<IncidentTaskRow> = {};
	const fields: string[] = [];
	if (input.title !== undefined && input.title !== task.title) {
		patch.title = input.title;
		fields.push("title");
	}
	let ownerLabel: string | undefined;
	if (input.ownerId !== undefined && input.ownerId !== task.owner_id) {
		ownerLabel = await assertTaskOwner(tx, desk, input.ownerId);
		patch.owner_id = input.ownerId;
		fields.push("ownerId");
	}
	if (input.dueOn !== undefined && input.dueOn !== task.due_on) {
		assertDueDate(desk, input.dueOn);
		patch.due_on = input.dueOn;
		fields.push("dueOn");
	}
	if (input.done !== undefined && input.done !== (task.done_at !== null)) {
		patch.done_at = input.done ? at : null;
		patch.done_by_label = input.done ? actor.label : null;
		fields.push("done");
	}
	if (Number(task.version) !== input.version) throw staleTask();
	if (fields.length === 0) return [];
	await touchIncident(tx, actor.tenantId, row.id, at);
	const saved = await updateIncidentTaskRow(tx, actor.tenantId, task.id, input.version, {
		...patch,
		updated_at: at,
	});
	if (!saved) throw staleTask();
	const after = { ...task, ...patch };
	const done = after.done_at !== null;
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: eventKind(fields, done),
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: after.title,
		data: {
			taskId: task.id,
			fields,
			ownerId: after.owner_id,
			...(ownerLabel ? { ownerLabel } : {}),
			dueOn: after.due_on,
			done,
		},
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.task_updated",
		{
			reference: row.reference,
			taskId: task.id,
			fields,
			ownerId: after.owner_id,
			dueOn: after.due_on,
			done,
		},
		{ recordType: "incident", recordId: row.id },
	);
	return fields;
}
