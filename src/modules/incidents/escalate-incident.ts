import { systemActor } from "../../bootstrap.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event.ts";
import { isOpen } from "./case-rules.ts";
import { escalates } from "./chain-rules.ts";
import { CHAIN_REASONS, caseNotifications, hasEventOfKind } from "./incident-chain.repository.ts";
import { chainHolders, chainOfPack, tellPeople } from "./incident-chain.ts";
import { appendIncidentEvent, findIncident, touchIncident } from "./incidents.repository.ts";
import { ESCALATION_JOB } from "./notify-chain.ts";

export type EscalationOutcome =
	| "escalated"
	| "not_severe"
	| "not_open"
	| "already_escalated"
	| "acknowledged"
	| "ciso_knows";

/**
 * The escalation job's work for one case, at instant `at`: a case still open and of the pack's
 * escalation severity, some of whose chain notices have waited the pack's hours unacknowledged,
 * goes to the CISO holders who have not acknowledged it themselves (a notice and a mail each, a
 * timeline entry and an audit event with the scheduler as actor, in one transaction). A case
 * escalates once: a second run, or the job of a later round, finds the timeline entry and stops.
 * Without any CISO holder the escalation is still recorded, with the gap, so the case shows it.
 *
 * @example
 * await escalateIfUnacknowledged(runtime, tenant.id, incident.id, new Date());
 */
export async function escalateIfUnacknowledged(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	incidentId: string,
	at: Date,
): Promise<EscalationOutcome> {
	const found = await currentTenantPack(deps.db, tenantId);
	if (!found) return "not_open";
	const chain = chainOfPack(found.pack);
	const actor = systemActor(tenantId, `scheduler (${ESCALATION_JOB})`);
	return inTransaction(deps.db, async (tx) => {
		const row = await findIncident(tx, tenantId, incidentId);
		if (!row || !isOpen(row.state)) return "not_open";
		const severity = row.severity === null ? null : Number(row.severity);
		if (severity === null || !escalates(chain, severity)) return "not_severe";
		if (await hasEventOfKind(tx, tenantId, row.id, "escalated")) return "already_escalated";
		const cutoff = new Date(at.getTime() - chain.escalation.afterHours * 3600 * 1000);
		const notes = await caseNotifications(tx, tenantId, row.id);
		const chainReasons: readonly string[] = CHAIN_REASONS;
		const waiting = notes.filter(
			(n) =>
				chainReasons.includes(n.reason) &&
				n.acknowledged_at === null &&
				Date.parse(n.notified_at) <= cutoff.getTime(),
		);
		if (waiting.length === 0) return "acknowledged";
		const acknowledged = new Set(notes.filter((n) => n.acknowledged_at).map((n) => n.account_id));
		const cisos = (await chainHolders(tx, tenantId, at.toISOString())).filter(
			(holder) => holder.role === "ciso",
		);
		const targets = cisos.filter((holder) => !acknowledged.has(holder.accountId));
		if (cisos.length > 0 && targets.length === 0) return "ciso_knows";
		// The case's row lock, then the check again: two runs at once escalate once.
		await touchIncident(tx, tenantId, row.id, at.toISOString());
		if (await hasEventOfKind(tx, tenantId, row.id, "escalated")) return "already_escalated";
		const { afterHours } = chain.escalation;
		const told = await tellPeople(tx, {
			tenantId,
			incidentId: row.id,
			recipients: [...new Map(targets.map((t) => [t.accountId, t])).values()].map((t) => ({
				accountId: t.accountId,
				role: "ciso" as const,
				orgUnitId: null,
			})),
			reason: "escalation",
			severity,
			detail: { afterHours, waiting: waiting.length },
			at,
		});
		const waitingPeople = waiting.map((n) => ({ accountId: n.account_id, role: n.role }));
		await appendIncidentEvent(tx, {
			tenant_id: tenantId,
			incident_id: row.id,
			kind: "escalated",
			actor_id: actor.accountId,
			actor_label: actor.label,
			at: at.toISOString(),
			text: null,
			data: {
				severity,
				afterHours,
				waiting: waitingPeople,
				notified: told,
				gaps: cisos.length === 0 ? [{ role: "ciso", unitId: null }] : [],
			},
		});
		await recordAudit(
			tx,
			auditContextOf(actor),
			"incident.escalated",
			{
				reference: row.reference,
				severity,
				afterHours,
				waiting: [...new Set(waiting.map((n) => n.account_id))],
				accountIds: told.map((person) => person.accountId),
			},
			{ recordType: "incident", recordId: row.id },
		);
		await emitWebhookEvent(tx, tenantId, "incident.escalated", {
			incidentId: row.id,
			reference: row.reference,
			severity,
		});
		return "escalated";
	});
}
