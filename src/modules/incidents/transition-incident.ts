import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { invalid, staleVersion, TRANSITIONS } from "./case-rules.ts";
import { type IncidentDesk, severeLevel, visibleIncident } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import {
	appendIncidentEvent,
	type IncidentRow,
	updateIncidentRow,
} from "./incidents.repository.ts";
import type { TransitionIncidentInput } from "./incidents.schemas.ts";
import { hoursBetween, refreshCaseDues } from "./report-dues.ts";

/** Whether closing the case needs the 再発防止 record: its severity is the top of the pack's scale. */
export function needsPrevention(desk: IncidentDesk, row: Pick<IncidentRow, "severity">): boolean {
	return row.severity !== null && Number(row.severity) >= severeLevel(desk);
}

/**
 * Move a case on: contain, recover, close, or reject it as not an incident (with the reason).
 * Closing a severe case needs its 再発防止 (prevention of recurrence), recorded before or given
 * with the closing.
 *
 * @throws Problem `validation_failed` (issue codes `reason_required`, `prevention_required`);
 * `conflict` when the action does not apply to the case's state (`transition_not_allowed`) or the
 * version is stale (`stale_version`)
 */
export async function transitionIncident(
	tx: Tx,
	desk: IncidentDesk,
	id: string,
	input: TransitionIncidentInput,
	now: Date = new Date(),
): Promise<IncidentRow> {
	const { actor } = desk;
	authorize(actor, incidentsPolicy, "incident.transition");
	const row = await visibleIncident(tx, desk, id);
	const transition = TRANSITIONS[input.action];
	if (!(transition.from as readonly string[]).includes(row.state)) {
		throw new Problem("conflict", `a ${row.state} case cannot be given "${input.action}"`, {
			issues: [
				{
					path: "action",
					code: "transition_not_allowed",
					params: { action: input.action, state: row.state },
					message: `not from ${row.state}`,
				},
			],
		});
	}
	const reason = input.reason || null;
	const prevention = input.prevention || row.prevention;
	if (input.action === "reject" && !reason) {
		throw invalid([
			{ path: "reason", code: "reason_required", message: "say why this is not an incident" },
		]);
	}
	if (input.action === "close" && needsPrevention(desk, row) && !prevention) {
		throw invalid([
			{
				path: "prevention",
				code: "prevention_required",
				params: { severity: Number(row.severity) },
				message: "record the prevention of recurrence (再発防止) before closing a severe case",
			},
		]);
	}
	if (Number(row.version) !== input.version) throw staleVersion();
	const at = now.toISOString();
	const patch: Partial<IncidentRow> = { state: transition.to, updated_at: at };
	if (input.action === "reject") patch.reject_reason = reason;
	if (input.action === "close" || input.action === "reject") patch.closed_at = at;
	if (input.action === "close") patch.close_hours = hoursBetween(row.created_at, at);
	if (input.prevention) patch.prevention = input.prevention;
	if (!(await updateIncidentRow(tx, actor.tenantId, row.id, input.version, patch))) {
		throw staleVersion();
	}
	if (input.action === "reject") await refreshCaseDues(tx, desk.rules, actor.tenantId, row.id);
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: transition.to,
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: reason,
		data: { from: row.state, to: transition.to, preventionRecorded: Boolean(input.prevention) },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.transitioned",
		{ reference: row.reference, from: row.state, to: transition.to, reason },
		{ recordType: "incident", recordId: row.id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
