import type { Tx } from "../../db/transaction.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { chainRecipients, escalates, rolesToTell } from "./chain-rules.ts";
import {
	CHAIN_REASONS,
	caseNotifications,
	type NotificationReason,
} from "./incident-chain.repository.ts";
import { chainHolders, chainOfPack, tellPeople } from "./incident-chain.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import {
	appendIncidentEvent,
	findIncident,
	type IncidentRow,
	incidentUnitIds,
} from "./incidents.repository.ts";

/** The job that escalates an unacknowledged severe case; declared in incidents.jobs.ts. */
export const ESCALATION_JOB = "incidents.escalation";

function reasonOf(before: IncidentRow, severity: number, changed: readonly string[]) {
	if (before.state === "reported") return "triage";
	if (before.severity === null || severity > Number(before.severity)) {
		return changed.includes("severity") ? "severity_raised" : null;
	}
	return changed.includes("units") ? "units_changed" : null;
}

/**
 * The reporting chain, run inside a triage's transaction: on the first triage, a raise of
 * severity or a change of units, everyone the pack's chain names for the case's severity and
 * units who has not been told yet is notified (in the app, and by mail after commit), and the
 * links nobody holds are recorded as gaps. The one who triaged is not told of their own triage.
 * A case of the escalation severity gets its escalation job, due when the pack's hours are up.
 *
 * @example
 * await notifyChain(tx, desk, rowBeforeTriage, changedFields, now);
 */
export async function notifyChain(
	tx: Tx,
	desk: IncidentDesk,
	before: IncidentRow,
	changed: readonly string[],
	now: Date,
): Promise<void> {
	const tenantId = desk.actor.tenantId;
	const row = await findIncident(tx, tenantId, before.id);
	if (!row || row.severity === null) return;
	const severity = Number(row.severity);
	const reason: NotificationReason | null = reasonOf(before, severity, changed);
	if (!reason) return;
	const chain = chainOfPack(desk.pack);
	const at = now.toISOString();
	const reasons: readonly string[] = [...CHAIN_REASONS, "escalation"];
	const already = new Set(
		(await caseNotifications(tx, tenantId, row.id))
			.filter((n) => reasons.includes(n.reason))
			.map((n) => n.account_id),
	);
	already.add(desk.actor.accountId);
	const resolved = chainRecipients(
		rolesToTell(chain, severity),
		await incidentUnitIds(tx, tenantId, row.id),
		await listOrgUnits(tx, tenantId),
		await chainHolders(tx, tenantId, at),
	);
	const recipients = resolved.recipients.filter((r) => !already.has(r.accountId));
	if (recipients.length === 0 && (reason === "units_changed" || resolved.gaps.length === 0)) {
		return;
	}
	const told = await tellPeople(tx, {
		tenantId,
		incidentId: row.id,
		recipients,
		reason,
		severity,
		at: now,
	});
	await appendIncidentEvent(tx, {
		tenant_id: tenantId,
		incident_id: row.id,
		kind: "chain_notified",
		actor_id: desk.actor.accountId,
		actor_label: desk.actor.label,
		at,
		text: null,
		data: { reason, severity, notified: told, gaps: resolved.gaps },
	});
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"incident.chain_notified",
		{
			reference: row.reference,
			reason,
			severity,
			accountIds: told.map((person) => person.accountId),
			gaps: resolved.gaps.map((gap) => gap.role),
		},
		{ recordType: "incident", recordId: row.id },
	);
	if (told.length > 0 && escalates(chain, severity)) {
		await enqueueJob(tx, {
			name: ESCALATION_JOB,
			tenantId,
			payload: { incidentId: row.id },
			dueAt: new Date(now.getTime() + chain.escalation.afterHours * 3600 * 1000),
		});
	}
}
