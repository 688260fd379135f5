import type { Queryable } from "../../db/queryable.ts";
import type { IncidentFilingTable } from "../../db/schema.ts";
import { authorize, can } from "../authz/policy.ts";
import type { AssessedDeadline, AssessedObligation } from "./assess-obligations.ts";
import { actionsFrom, caseFacts, dataKindsOf, isOpen } from "./case-rules.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { incidentFeedsPolicy } from "./incident-feeds.policy.ts";
import type { IncidentView } from "./incident-view.schemas.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import {
	type IncidentRow,
	incidentAssets,
	incidentUnits,
	listIncidentEvents,
	listIncidentFilings,
} from "./incidents.repository.ts";
import { presentSummary } from "./list-incidents.ts";

function deadline(
	desk: IncidentDesk,
	assessed: AssessedDeadline | null,
	filing: IncidentFilingTable | undefined,
) {
	if (!assessed) return null;
	const filedOn = filing?.filed_on ?? null;
	return {
		label: assessed.label,
		due: assessed.due,
		days: assessed.days,
		aim: assessed.aim,
		clause: assessed.clause ?? null,
		filedOn,
		overdue: filedOn === null && assessed.due < desk.today,
	};
}

/** The obligations of the pack's rules on the case's facts, each stage with its filing. */
export function presentObligations(
	desk: IncidentDesk,
	row: IncidentRow,
	filings: readonly IncidentFilingTable[],
) {
	if (row.state === "rejected") return [];
	const filed = (code: string, stage: string) =>
		filings.find((f) => f.obligation_code === code && f.stage === stage);
	return desk.rules.assess(caseFacts(row)).map((obligation: AssessedObligation) => ({
		code: obligation.code,
		authority: obligation.authority,
		law: obligation.law,
		clause: obligation.clause,
		required: obligation.required,
		reasons: obligation.reasons.map((reason) => ({
			code: reason.code,
			params: reason.params,
			clause: reason.clause ?? null,
		})),
		preliminary: deadline(desk, obligation.preliminary, filed(obligation.code, "preliminary")),
		final: deadline(desk, obligation.final, filed(obligation.code, "final")),
	}));
}

/** What the caller may do with the case now. */
function caseActions(desk: IncidentDesk, row: IncidentRow): string[] {
	const { actor } = desk;
	const actions = ["incident.read", "incident.note"];
	if (isOpen(row.state) && can(actor, incidentsPolicy, "incident.triage")) {
		actions.push("incident.triage");
	}
	if (can(actor, incidentsPolicy, "incident.transition")) {
		for (const action of actionsFrom(row.state)) actions.push(`incident.${action}`);
	}
	if (row.state !== "rejected" && can(actor, incidentsPolicy, "incident.file")) {
		actions.push("incident.file");
	}
	if (row.state !== "rejected" && can(actor, incidentFeedsPolicy, "incident.raise_risk")) {
		actions.push("incident.raise_risk");
	}
	if (row.state !== "rejected" && can(actor, incidentFeedsPolicy, "incident.rescore_risk")) {
		actions.push("incident.rescore_risk");
	}
	return actions;
}

/** Whitelist what leaves the server of one case, with its timeline and legal obligations. */
export async function presentIncident(
	db: Queryable,
	desk: IncidentDesk,
	row: IncidentRow,
): Promise<IncidentView> {
	const tenantId = desk.actor.tenantId;
	const filings = await listIncidentFilings(db, tenantId, row.id);
	const events = await listIncidentEvents(db, tenantId, row.id);
	const assets = await incidentAssets(db, tenantId, row.id);
	return {
		...presentSummary(desk, row),
		whatHappened: row.what_happened,
		reporterId: row.reporter_id,
		units: await incidentUnits(db, tenantId, row.id),
		assets: assets.map(({ id, code, name, kind }) => ({ id, code, name, kind })),
		people: Number(row.people),
		dataKinds: dataKindsOf(row),
		wrongfulIntent: Boolean(row.wrongful_intent),
		financialDamageRisk: Boolean(row.financial_damage_risk),
		encrypted: Boolean(row.encrypted),
		publishedOnline: Boolean(row.published_online),
		networkSystem: Boolean(row.network_system),
		prevention: row.prevention,
		cause: row.cause,
		secondaryDamage: row.secondary_damage,
		responseToPeople: row.response_to_people,
		publicAnnouncement: row.public_announcement,
		rejectReason: row.reject_reason,
		triagedAt: row.triaged_at,
		version: Number(row.version),
		obligations: presentObligations(desk, row, filings),
		filings: filings.map((f) => ({
			id: f.id,
			obligation: f.obligation_code,
			stage: f.stage as "preliminary" | "final",
			filedOn: f.filed_on,
			reference: f.reference,
			recordedBy: f.recorded_by_label,
			recordedAt: f.recorded_at,
		})),
		timeline: events.map((event) => ({
			seq: Number(event.seq),
			kind: event.kind,
			at: event.at,
			actorLabel: event.actor_label,
			text: event.text,
			data: JSON.parse(event.data) as Record<string, unknown>,
		})),
		allowedActions: caseActions(desk, row),
	};
}

/**
 * One case with its timeline and the legal obligations its facts give, for whoever may see it.
 *
 * @throws Problem `not_found` for a case that does not exist or that the caller may not see
 */
export async function getIncident(db: Queryable, desk: IncidentDesk, id: string) {
	authorize(desk.actor, incidentsPolicy, "incident.read");
	return presentIncident(db, desk, await visibleIncident(db, desk, id));
}
