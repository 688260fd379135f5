import type { Queryable } from "../../db/queryable.ts";
import { filterAssets, withUnit } from "../assets/assets.repository.ts";
import { allowedActions, authorize, can } from "../authz/policy.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { DATA_KINDS } from "../policies/pack/incident-reporting.schema.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import { listTaskOwnerChoices } from "./incident-casework.repository.ts";
import { type IncidentDesk, severeLevel } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import { INCIDENT_STATES, PRIORITIES } from "./incidents.schemas.ts";

/** How many assets the report form offers at once; typing narrows them. */
const ASSET_CHOICES = 20;

/** The choices of the triage and list screens, from the tenant's pack. */
export async function incidentOptions(db: Queryable, desk: IncidentDesk) {
	authorize(desk.actor, incidentsPolicy, "incident.list");
	const { pack } = desk;
	const units = await listOrgUnits(db, desk.actor.tenantId);
	// Only those who give tasks are told who else has an account.
	const owners = can(desk.actor, incidentCaseworkPolicy, "incident.task_manage")
		? await listTaskOwnerChoices(db, desk.actor.tenantId)
		: [];
	return {
		categories: pack.threats.map((threat) => ({ code: threat.code, label: threat.label })),
		severities: pack.riskMatrix.impact.map((label, index) => ({
			level: index + 1,
			label,
			severe: index + 1 >= severeLevel(desk),
		})),
		priorities: [...PRIORITIES],
		dataKinds: [...DATA_KINDS],
		states: [...INCIDENT_STATES],
		units: units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name })),
		accounts: owners.map((account) => ({ id: account.id, displayName: account.display_name })),
		allowedActions: allowedActions(desk.actor, incidentsPolicy),
	};
}

/**
 * The ledger assets a reporter may name: those of their own unit and those they can see in the
 * ledger, matching `q` (asset ID or name), a short list for a phone.
 */
export async function reportableAssetList(db: Queryable, desk: IncidentDesk, q?: string) {
	authorize(desk.actor, incidentsPolicy, "incident.report");
	const { assets, staffUnitId } = desk;
	const scope = assets.all
		? assets
		: {
				all: false as const,
				unitIds: new Set([...assets.unitIds, ...(staffUnitId ? [staffUnitId] : [])]),
			};
	const rows = await withUnit(
		filterAssets(db.selectFrom("assets"), desk.actor.tenantId, scope, q ? { q } : {}),
	)
		.orderBy("assets.code")
		.limit(ASSET_CHOICES)
		.execute();
	return rows.map((row) => ({
		id: row.id,
		code: row.code,
		name: row.name,
		kind: row.kind,
		unitName: row.unit_name,
	}));
}
