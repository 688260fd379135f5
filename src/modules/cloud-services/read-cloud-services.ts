import type { Queryable } from "../../db/queryable.ts";
import { allowedActions, authorize, can } from "../authz/policy.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { type CloudDesk, mayManage, tenantService } from "./cloud-desk.ts";
import {
	addDays,
	addMonths,
	type CloudServiceKind,
	type CloudServiceState,
	type DataLocation,
	decidingRoles,
	type IsmapStatus,
	parseFlags,
	stepAllowed,
	strictUnmet,
} from "./cloud-rules.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";
import { type CloudServiceRow, listCloudServices } from "./cloud-services.repository.ts";
import type { CloudServiceQuery, CloudServiceView } from "./cloud-services.schemas.ts";

/** The names of the tenant's units by id. */
export async function unitNames(db: Queryable, tenantId: string): Promise<Map<string, string>> {
	const units = await listOrgUnits(db, tenantId);
	return new Map(units.map((unit) => [unit.id, unit.name]));
}

const UNDER_APPROVAL: ReadonlySet<string> = new Set(["approved", "in_use"]);

function summary(desk: CloudDesk, row: CloudServiceRow, units: ReadonlyMap<string, string>) {
	const warnFrom = addDays(row.next_review_on, -desk.scale.reviewWarningDays);
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		provider: row.provider,
		kind: row.kind as CloudServiceKind,
		state: row.state as CloudServiceState,
		unit: { id: row.org_unit_id, name: units.get(row.org_unit_id) ?? "" },
		dataLevel: row.data_level,
		approvedMaxLevel: row.approved_max_level,
		ismap: row.ismap as IsmapStatus,
		dataLocation: row.data_location as DataLocation,
		nextReviewOn: row.next_review_on,
		reviewDueSoon:
			UNDER_APPROVAL.has(row.state) && desk.today >= warnFrom && desk.today <= row.next_review_on,
		flags: parseFlags(row.flags),
	};
}

/** The steps the caller may take on this service now. */
function actionsOn(desk: CloudDesk, row: CloudServiceRow): string[] {
	const state = row.state as CloudServiceState;
	const actions: string[] = [];
	if (desk.decideAs !== undefined && stepAllowed(state, "approve"))
		actions.push("approve", "refuse");
	const keeper =
		can(desk.actor, cloudServicesPolicy, "cloud_service.manage") &&
		mayManage(desk, row.org_unit_id);
	if (keeper) {
		for (const step of ["edit", "request", "start_use", "review", "retire"] as const)
			if (stepAllowed(state, step)) actions.push(step);
	}
	return actions;
}

/** One service as the API sends it. */
export async function presentCloudService(
	db: Queryable,
	desk: CloudDesk,
	row: CloudServiceRow,
): Promise<CloudServiceView> {
	const units = await unitNames(db, desk.actor.tenantId);
	return {
		...summary(desk, row, units),
		purpose: row.purpose,
		dataDescription: row.data_description,
		locationDetail: row.location_detail,
		slaUptime: row.sla_uptime,
		slaRecovery: row.sla_recovery,
		backups: Number(row.backups) === 1,
		notes: row.notes,
		lastReviewedOn: row.last_reviewed_on,
		strictUnmet: strictUnmet(desk.scale, row),
		decision:
			row.decided_at && row.decided_by_label && row.decided_as
				? {
						by: row.decided_by_label,
						as: row.decided_as,
						at: row.decided_at,
						reason: row.decision_reason,
					}
				: null,
		createdBy: row.created_by_label,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		version: Number(row.version),
		allowedActions: actionsOn(desk, row),
	};
}

export async function getCloudService(db: Queryable, desk: CloudDesk, id: string) {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.read");
	return presentCloudService(db, desk, await tenantService(db, desk, id));
}

/** A page of the register, in service-number order. */
export async function listVisibleCloudServices(
	db: Queryable,
	desk: CloudDesk,
	query: CloudServiceQuery,
) {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.read");
	const tenantId = desk.actor.tenantId;
	const [{ rows, total }, units] = await Promise.all([
		listCloudServices(
			db,
			tenantId,
			{
				state: query.state,
				kind: query.kind,
				orgUnitId: query.orgUnitId,
				flagged: query.flagged,
				q: query.q,
			},
			{ offset: query.offset, limit: query.limit },
		),
		unitNames(db, tenantId),
	]);
	return {
		items: rows.map((row) => summary(desk, row, units)),
		total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(desk.actor, cloudServicesPolicy),
	};
}

/** What the forms offer: units, the classes of data, the pack's rules, who decides. */
export async function cloudServiceOptions(db: Queryable, desk: CloudDesk) {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.read");
	const units = await listOrgUnits(db, desk.actor.tenantId);
	const { scale } = desk;
	return {
		units: units
			.filter((unit) => mayManage(desk, unit.id))
			.map((unit) => ({ id: unit.id, name: unit.name })),
		levels: scale.levels.map((level, index) => ({
			code: level.code,
			label: { ja: level.label.ja, en: level.label.en },
			strict: scale.strictRank >= 0 && index <= scale.strictRank,
		})),
		strict: scale.strict,
		freeMail: scale.freeMail,
		deciders: decidingRoles(desk.pack),
		defaultReviewOn: addMonths(desk.today, scale.reviewMonths),
		today: desk.today,
	};
}
