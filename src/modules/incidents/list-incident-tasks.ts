import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { allowedActions, authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import {
	countOwnerOpenTasks,
	listCaseTasks,
	listOwnerOpenTasks,
	type NamedTaskRow,
} from "./incident-casework.repository.ts";
import type { IncidentTaskView, MyTasksQuery } from "./incident-casework.schemas.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";

/** Whitelist what leaves the server of one task, with what the caller may do with it. */
export function presentTask(
	actor: Actor,
	today: string,
	row: NamedTaskRow,
	seesCase: boolean,
): IncidentTaskView {
	const done = row.done_at !== null;
	const manages = seesCase && can(actor, incidentCaseworkPolicy, "incident.task_manage");
	const actions: IncidentTaskView["allowedActions"] = [];
	if (manages) actions.push("update");
	if (!done && (manages || row.owner_id === actor.accountId)) actions.push("complete");
	return {
		id: row.id,
		incidentId: row.incident_id,
		reference: row.reference,
		caseTitle: row.case_title,
		title: row.title,
		owner: { id: row.owner_id, label: row.owner_label },
		dueOn: row.due_on,
		overdue: !done && row.due_on < today,
		done,
		doneAt: row.done_at,
		doneBy: row.done_by_label,
		createdBy: row.created_by_label,
		createdAt: row.created_at,
		version: Number(row.version),
		allowedActions: actions,
	};
}

/**
 * The tasks of a case, open ones first, for whoever may see the case.
 *
 * @throws Problem `not_found` for a case the caller may not see
 */
export async function listTasksOfCase(db: Queryable, desk: IncidentDesk, incidentId: string) {
	authorize(desk.actor, incidentsPolicy, "incident.read");
	const row = await visibleIncident(db, desk, incidentId);
	const tasks = await listCaseTasks(db, desk.actor.tenantId, row.id);
	return {
		items: tasks.map((task) => presentTask(desk.actor, desk.today, task, true)),
		allowedActions:
			row.state === "rejected"
				? []
				: allowedActions(desk.actor, incidentCaseworkPolicy, ["incident.task_manage"]),
	};
}

/**
 * The caller's open tasks on any case, soonest due first: the case's reference and title come
 * with each, but no more of a case the caller may not otherwise see.
 */
export async function listMyIncidentTasks(
	db: Queryable,
	actor: Actor,
	query: MyTasksQuery,
	now: Date = new Date(),
) {
	authorize(actor, incidentCaseworkPolicy, "incident.task_mine");
	const found = await listOwnerOpenTasks(db, actor.tenantId, actor.accountId, query);
	const today = japanDate(now);
	return {
		items: found.rows.map((row) => presentTask(actor, today, row, false)),
		total: found.total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: [],
	};
}

/**
 * How many open tasks the caller owns, for Home's "my work".
 *
 * @example
 * const count = await myOpenIncidentTasks(db, actor); // → 2
 */
export function myOpenIncidentTasks(db: Queryable, actor: Actor): Promise<number> {
	authorize(actor, incidentCaseworkPolicy, "incident.task_mine");
	return countOwnerOpenTasks(db, actor.tenantId, actor.accountId);
}
