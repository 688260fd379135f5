import type { IncidentEventTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import { appendIncidentEvent, touchIncident } from "./incidents.repository.ts";

/**
 * Add a note to a case's timeline: anyone who may see the case may add what they know, the
 * reporter included, in any state (a closed case keeps collecting what was learnt).
 *
 * @throws Problem `not_found` for a case the caller may not see
 */
export async function addIncidentNote(
	tx: Tx,
	desk: IncidentDesk,
	id: string,
	text: string,
	now: Date = new Date(),
): Promise<IncidentEventTable> {
	const { actor } = desk;
	authorize(actor, incidentsPolicy, "incident.note");
	const row = await visibleIncident(tx, desk, id);
	const at = now.toISOString();
	await touchIncident(tx, actor.tenantId, row.id, at);
	const event = await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: "note",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text,
		data: {},
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.note_added",
		{ reference: row.reference, seq: event.seq },
		{ recordType: "incident", recordId: row.id },
	);
	return event;
}
