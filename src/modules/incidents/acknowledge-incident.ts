import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { incidentChainPolicy } from "./incident-chain.policy.ts";
import { acknowledgeNotifications, pendingOfAccount } from "./incident-chain.repository.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { appendIncidentEvent, touchIncident } from "./incidents.repository.ts";

function nothingToAcknowledge(): Problem {
	return new Problem("conflict", "you have no notice of this case waiting for acknowledgement", {
		issues: [
			{
				path: "id",
				code: "nothing_to_acknowledge",
				params: {},
				message: "no notice waiting",
			},
		],
	});
}

/**
 * The person told of a case acknowledges it: every notice of the case waiting for them (from the
 * chain, the escalation or a deadline reminder) is marked, with one timeline entry and one audit
 * event in the caller's transaction. Returns how many notices it covered.
 *
 * @throws Problem `not_found` for a case the caller may not see; `conflict`
 * (`nothing_to_acknowledge`) when no notice of it waits for them
 * @example
 * await inTransaction(db, (tx) => acknowledgeIncident(tx, desk, incidentId));
 */
export async function acknowledgeIncident(
	tx: Tx,
	desk: IncidentDesk,
	id: string,
	now: Date = new Date(),
): Promise<number> {
	const { actor } = desk;
	authorize(actor, incidentChainPolicy, "incident.acknowledge");
	const row = await visibleIncident(tx, desk, id);
	const pending = await pendingOfAccount(tx, actor.tenantId, row.id, actor.accountId);
	if (pending.length === 0) throw nothingToAcknowledge();
	const at = now.toISOString();
	// The case's row lock first: of two acknowledgements at once, the second finds nothing left.
	await touchIncident(tx, actor.tenantId, row.id, at);
	const notices = await acknowledgeNotifications(tx, actor.tenantId, row.id, actor.accountId, at);
	if (notices === 0) throw nothingToAcknowledge();
	const reasons = [...new Set(pending.map((n) => n.reason))];
	const roles = [...new Set(pending.map((n) => n.role))];
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: "acknowledged",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: null,
		data: { notices, reasons, roles },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.acknowledged",
		{ reference: row.reference, notices, reasons },
		{ recordType: "incident", recordId: row.id },
	);
	return notices;
}
