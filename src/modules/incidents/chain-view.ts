import type { Queryable } from "../../db/queryable.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { CHAIN_ROLES, type ChainRole } from "../policies/pack/incident-chain.schema.ts";
import { escalates } from "./chain-rules.ts";
import { incidentChainPolicy } from "./incident-chain.policy.ts";
import {
	caseNotifications,
	casesAwaitingAcknowledgement,
	countCasesAwaitingAcknowledgement,
} from "./incident-chain.repository.ts";
import type { IncidentChainView, NOTIFICATION_REASONS } from "./incident-chain.schemas.ts";
import { chainOfPack } from "./incident-chain.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import { listIncidentEvents } from "./incidents.repository.ts";
import type { IncidentState } from "./incidents.schemas.ts";

/**
 * A case's reporting chain for whoever may see the case: the pack's contact point and escalation
 * rule, and everyone told of it (why, when, whether the mail went out, when they acknowledged).
 *
 * @throws Problem `not_found` for a case the caller may not see
 * @example
 * const chain = await incidentChain(db, desk, incidentId);
 */
export async function incidentChain(
	db: Queryable,
	desk: IncidentDesk,
	id: string,
): Promise<IncidentChainView> {
	authorize(desk.actor, incidentsPolicy, "incident.read");
	const row = await visibleIncident(db, desk, id);
	const tenantId = desk.actor.tenantId;
	const chain = chainOfPack(desk.pack);
	const [notes, units, events] = await Promise.all([
		caseNotifications(db, tenantId, row.id),
		listOrgUnits(db, tenantId),
		listIncidentEvents(db, tenantId, row.id),
	]);
	const unitOf = new Map(units.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
	const names = new Map<string, string>();
	for (const accountId of new Set(notes.map((n) => n.account_id))) {
		names.set(accountId, (await findAccount(db, tenantId, accountId))?.display_name ?? "");
	}
	// Told at the same instant: in the chain's order, staff up to the CISO.
	const rank = (role: string) => (CHAIN_ROLES as readonly string[]).indexOf(role);
	notes.sort(
		(a, b) => Date.parse(a.notified_at) - Date.parse(b.notified_at) || rank(a.role) - rank(b.role),
	);
	const severity = row.severity === null ? null : Number(row.severity);
	const waiting = notes.some((n) => n.account_id === desk.actor.accountId && !n.acknowledged_at);
	return {
		contactPoint: chain.contactPoint,
		escalation: {
			...chain.escalation,
			applies: escalates(chain, severity),
			escalatedAt: events.find((event) => event.kind === "escalated")?.at ?? null,
		},
		notifications: notes.map((n) => ({
			id: n.id,
			accountId: n.account_id,
			name: names.get(n.account_id) ?? "",
			role: n.role as ChainRole,
			unit: n.org_unit_id ? (unitOf.get(n.org_unit_id) ?? null) : null,
			reason: n.reason as (typeof NOTIFICATION_REASONS)[number],
			severity: n.severity === null ? null : Number(n.severity),
			subject: n.subject,
			notifiedAt: n.notified_at,
			mailedAt: n.mailed_at,
			acknowledgedAt: n.acknowledged_at,
		})),
		allowedActions: waiting ? ["incident.acknowledge"] : [],
	};
}

/**
 * The cases the caller was told of and has not acknowledged yet (Home's "to acknowledge"),
 * oldest notice first; at most `limit`, with the total.
 *
 * @example
 * const { items, total } = await incidentsToAcknowledge(db, actor);
 */
export async function incidentsToAcknowledge(db: Queryable, actor: Actor, limit = 100) {
	authorize(actor, incidentChainPolicy, "incident.acknowledge");
	const rows = await casesAwaitingAcknowledgement(db, actor.tenantId, actor.accountId);
	return {
		items: rows.slice(0, limit).map((row) => ({
			id: row.id,
			reference: row.reference,
			title: row.title,
			state: row.state as IncidentState,
			severity: row.severity === null ? null : Number(row.severity),
			firstNotifiedAt: String(row.first_notified_at),
			notices: Number(row.notices),
		})),
		total: rows.length,
	};
}

/** How many cases wait for the caller's acknowledgement: Home's count. */
export function countIncidentsToAcknowledge(db: Queryable, actor: Actor): Promise<number> {
	authorize(actor, incidentChainPolicy, "incident.acknowledge");
	return countCasesAwaitingAcknowledgement(db, actor.tenantId, actor.accountId);
}
