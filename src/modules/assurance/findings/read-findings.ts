import type { Queryable } from "../../../db/queryable.ts";
import { japanDate } from "../../../shared/dates.ts";
import { listAccounts } from "../../accounts/accounts.repository.ts";
import { allowedActions, authorize } from "../../authz/policy.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { type FindingDesk, factsOf, relationOf, visibleFinding } from "./finding-desk.ts";
import { presentFindingEvidence } from "./finding-evidence.ts";
import { allowedSteps, isOverdue } from "./finding-rules.ts";
import { type FindingAction, findingsPolicy } from "./findings.policy.ts";
import {
	type FindingRow,
	findingsByIds,
	listFindingEvents,
	listFindingEvidence,
	listFindings,
} from "./findings.repository.ts";
import type {
	FindingFilter,
	FindingQuery,
	FindingSeverity,
	FindingSource,
	FindingState,
	FindingSummary,
	FindingView,
} from "./findings.schemas.ts";

/** The names of the tenant's units, for the owner unit of each finding shown. */
export async function unitNames(db: Queryable, tenantId: string): Promise<Map<string, string>> {
	return new Map((await listOrgUnits(db, tenantId)).map((unit) => [unit.id, unit.name]));
}

/** Whitelist what leaves the server of a finding in a list. */
export function summaryOf(
	row: FindingRow,
	units: ReadonlyMap<string, string>,
	today: string,
): FindingSummary {
	return {
		id: row.id,
		reference: row.reference,
		title: row.title,
		source: row.source as FindingSource,
		sourceLabel: row.source_label,
		clause: row.clause,
		ownerUnit: { id: row.owner_unit_id, name: units.get(row.owner_unit_id) ?? "" },
		severity: row.severity as FindingSeverity,
		state: row.state as FindingState,
		dueOn: row.due_on,
		overdue: isOverdue(row, today),
		createdAt: row.created_at,
	};
}

/** One finding as the API shows it: its plan, evidence, verification, timeline and next steps. */
export async function presentFinding(
	db: Queryable,
	desk: FindingDesk,
	row: FindingRow,
): Promise<FindingView> {
	const tenantId = desk.actor.tenantId;
	const [units, evidence, events] = await Promise.all([
		unitNames(db, tenantId),
		listFindingEvidence(db, tenantId, row.id),
		listFindingEvents(db, tenantId, row.id),
	]);
	const facts = await factsOf(db, row, evidence.length);
	return {
		...summaryOf(row, units, desk.today),
		description: row.description,
		sourceRef: row.source_ref,
		plan:
			row.plan === null
				? null
				: {
						text: row.plan,
						owner: { id: row.plan_owner_id, name: row.plan_owner_label ?? "" },
						plannedBy: row.planned_by_label ?? "",
						plannedAt: row.planned_at ?? "",
					},
		done:
			row.done_at === null
				? null
				: { note: row.done_note ?? "", by: row.done_by_label ?? "", at: row.done_at },
		verification:
			row.verified_at === null
				? null
				: {
						comment: row.verification_comment ?? "",
						by: row.verified_by_label ?? "",
						at: row.verified_at,
					},
		risk:
			row.risk_id === null
				? null
				: {
						id: row.risk_id,
						acceptance:
							row.risk_accepted_at === null
								? null
								: {
										by: row.risk_accepted_by_label ?? "",
										at: row.risk_accepted_at,
										reason: row.risk_acceptance_reason ?? "",
									},
					},
		raisedBy: row.raised_by_label,
		evidence: evidence.map(presentFindingEvidence),
		timeline: events.map((event) => ({
			seq: Number(event.seq),
			kind: event.kind,
			actor: event.actor_label,
			at: event.at,
			text: event.text,
			data: JSON.parse(event.data) as Record<string, unknown>,
		})),
		version: Number(row.version),
		updatedAt: row.updated_at,
		allowedActions: allowedSteps(relationOf(desk, row), facts),
	};
}

/** One finding the caller sees. @throws Problem `not_found` */
export async function getFinding(db: Queryable, desk: FindingDesk, id: string) {
	authorize(desk.actor, findingsPolicy, "finding.read");
	return presentFinding(db, desk, await visibleFinding(db, desk, id));
}

/** The register-wide actions the caller may take (raise by hand, export). */
function registerActions(desk: FindingDesk): FindingAction[] {
	return allowedActions(desk.actor, findingsPolicy, [
		"finding.read",
		"finding.raise",
		"finding.raise_network",
		"finding.raise_incident",
	]);
}

/** A page of the findings the caller sees, newest first, under the register's filter. */
export async function listFindingsOf(db: Queryable, desk: FindingDesk, query: FindingQuery) {
	authorize(desk.actor, findingsPolicy, "finding.read");
	const { offset, limit, ...filter } = query;
	const context = { tenantId: desk.actor.tenantId, scope: desk.scope, today: desk.today };
	const [{ rows, total }, units] = await Promise.all([
		listFindings(db, context, filter satisfies FindingFilter, { offset, limit }),
		unitNames(db, desk.actor.tenantId),
	]);
	return {
		items: rows.map((row) => summaryOf(row, units, desk.today)),
		total,
		offset,
		limit,
		allowedActions: registerActions(desk),
	};
}

const MAX_ACCOUNTS = 2000;

/**
 * What the register's forms choose from: the units (all of the tenant's for those who see every
 * finding, else the units they manage), active accounts for a plan's responsible person, today.
 */
export async function findingOptions(db: Queryable, desk: FindingDesk) {
	authorize(desk.actor, findingsPolicy, "finding.read");
	const [units, accounts] = await Promise.all([
		listOrgUnits(db, desk.actor.tenantId),
		listAccounts(db, desk.actor.tenantId, { limit: MAX_ACCOUNTS, offset: 0 }),
	]);
	return {
		units: units
			.filter((unit) => desk.oversees || desk.auditor || desk.managed.has(unit.id))
			.map((unit) => ({ id: unit.id, name: unit.name })),
		accounts: accounts.rows
			.filter((account) => account.disabled_at === null)
			.map((account) => ({ id: account.id, name: account.display_name })),
		today: desk.today,
	};
}

/**
 * The findings raised from another module's records, by their ids, as that module reports them
 * (an audit's report lists the findings raised from its fieldwork). The calling module decides
 * who may read its report; this reads no further than the ids it is given.
 */
export async function findingsOfSource(
	db: Queryable,
	tenantId: string,
	ids: readonly string[],
	now: Date = new Date(),
): Promise<FindingSummary[]> {
	const [rows, units] = await Promise.all([
		findingsByIds(db, tenantId, ids),
		unitNames(db, tenantId),
	]);
	const today = japanDate(now);
	return rows.map((row) => summaryOf(row, units, today));
}
