import type { Queryable } from "../../db/queryable.ts";
import { findAsset } from "../assets/assets.repository.ts";
import { allowedActions, authorize, can } from "../authz/policy.ts";
import { networkPolicy } from "../network/network.policy.ts";
import { findNetworkTargets } from "../network/network-targets.ts";
import { NETWORK_RULES } from "../network/rules/index.ts";
import { splitClause } from "../network/rules/rule.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { policyClauses } from "../policies/documents/policy-clauses.ts";
import { type ExceptionDesk, mayRequestFor, visibleException } from "./exception-desk.ts";
import { decidingRoles, type ExceptionState, inForce, stepAllowed } from "./exception-rules.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import { type ExceptionRow, findException, listExceptions } from "./exceptions.repository.ts";
import type { ExceptionQuery, ExceptionTargetQuery, ExceptionView } from "./exceptions.schemas.ts";

/** The names of the tenant's units by id. */
export async function unitNames(db: Queryable, tenantId: string): Promise<Map<string, string>> {
	const units = await listOrgUnits(db, tenantId);
	return new Map(units.map((unit) => [unit.id, unit.name]));
}

const ids = (json: string) => JSON.parse(json) as string[];

function summary(row: ExceptionRow, units: ReadonlyMap<string, string>, today: string) {
	return {
		id: row.id,
		reference: row.reference,
		state: row.state as ExceptionState,
		inForce: inForce(row, today),
		fiscalYear: Number(row.fiscal_year),
		unit: { id: row.org_unit_id, name: units.get(row.org_unit_id) ?? "" },
		clause: row.clause,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		requestedBy: row.requested_by_label,
		createdAt: row.created_at,
	};
}

/** The steps the caller may take on this exception now. */
function actionsOn(desk: ExceptionDesk, row: ExceptionRow): string[] {
	const state = row.state as ExceptionState;
	const actions: string[] = [];
	if (desk.decideAs !== undefined && stepAllowed(state, "approve"))
		actions.push("approve", "refuse");
	const requester =
		can(desk.actor, exceptionsPolicy, "exception.request") && mayRequestFor(desk, row.org_unit_id);
	if (requester && stepAllowed(state, "withdraw")) actions.push("withdraw");
	if (requester && stepAllowed(state, "renew")) actions.push("renew");
	return actions;
}

/** One exception as the API sends it. */
export async function presentException(
	db: Queryable,
	desk: ExceptionDesk,
	row: ExceptionRow,
): Promise<ExceptionView> {
	const tenantId = desk.actor.tenantId;
	const [units, renewed] = await Promise.all([
		unitNames(db, tenantId),
		row.renewal_of ? findException(db, tenantId, row.renewal_of) : undefined,
	]);
	const assets = [];
	for (const id of ids(row.asset_ids)) {
		const asset = await findAsset(db, tenantId, id);
		assets.push({ id, name: asset?.name ?? "" });
	}
	return {
		...summary(row, units, desk.today),
		networkRule: row.network_rule,
		deviation: row.deviation,
		reason: row.reason,
		compensatingMeasures: row.compensating_measures,
		assets,
		networkFlows: ids(row.network_flows),
		networkNodes: ids(row.network_nodes),
		renewalOf: renewed ? { id: renewed.id, reference: renewed.reference } : null,
		decision:
			row.decided_at && row.decided_by_label && row.decided_as
				? {
						by: row.decided_by_label,
						as: row.decided_as,
						at: row.decided_at,
						reason: row.decision_reason,
					}
				: null,
		lapsedAt: row.lapsed_at,
		version: Number(row.version),
		allowedActions: actionsOn(desk, row),
	};
}

export async function getException(db: Queryable, desk: ExceptionDesk, id: string) {
	authorize(desk.actor, exceptionsPolicy, "exception.read");
	return presentException(db, desk, await visibleException(db, desk, id));
}

/** A page of the exceptions the caller sees, newest first. */
export async function listVisibleExceptions(
	db: Queryable,
	desk: ExceptionDesk,
	query: ExceptionQuery,
) {
	authorize(desk.actor, exceptionsPolicy, "exception.read");
	const tenantId = desk.actor.tenantId;
	const { rows, total } = await listExceptions(
		db,
		tenantId,
		{
			state: query.state,
			fiscalYear: query.fiscalYear,
			orgUnitId: query.orgUnitId,
			unitIds: desk.visibleUnits ? [...desk.visibleUnits] : undefined,
		},
		{ offset: query.offset, limit: query.limit },
	);
	const units = await unitNames(db, tenantId);
	return {
		items: rows.map((row) => summary(row, units, desk.today)),
		total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(desk.actor, exceptionsPolicy),
	};
}

/**
 * What the request form offers: the units, who decides in this tenant, the clauses of the
 * policy documents the caller may read, the rules of the three-tier check, and whether flows and
 * nodes may be picked from the network model (only for those who read it).
 */
export async function exceptionOptions(db: Queryable, desk: ExceptionDesk) {
	authorize(desk.actor, exceptionsPolicy, "exception.request");
	const [units, clauses] = await Promise.all([
		listOrgUnits(db, desk.actor.tenantId),
		policyClauses(db, desk.actor),
	]);
	return {
		units: units
			.filter((unit) => mayRequestFor(desk, unit.id))
			.map((unit) => ({ id: unit.id, name: unit.name })),
		deciders: decidingRoles(desk.pack),
		today: desk.today,
		clauses,
		networkRules: NETWORK_RULES.map((rule) => ({
			id: rule.id,
			clause: splitClause(rule.clause).clause,
			title: rule.title,
		})),
		networkPicker: can(desk.actor, networkPolicy, "network.read"),
	};
}

/**
 * Flows or nodes of the tenant's network model matching `q`, for the request form's picker:
 * only for callers who may request and read the network (the layout is a system document).
 *
 * @throws Problem `forbidden` for a caller who may not request, or may not read the network
 */
export async function exceptionTargets(
	db: Queryable,
	desk: ExceptionDesk,
	query: ExceptionTargetQuery,
) {
	authorize(desk.actor, exceptionsPolicy, "exception.request");
	authorize(desk.actor, networkPolicy, "network.read");
	return {
		items: await findNetworkTargets(db, desk.actor.tenantId, query.kind, query.q, query.limit),
	};
}
