import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import { type CloudDesk, mayManage, tenantService } from "./cloud-desk.ts";
import {
	codeTaken,
	invalidField,
	notUnitManager,
	staleService,
	stepRefused,
} from "./cloud-problems.ts";
import {
	addMonths,
	type CloudServiceState,
	levelOf,
	serviceFlags,
	stepAllowed,
	storedFlags,
} from "./cloud-rules.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";
import {
	type CloudServiceRow,
	findByCode,
	insertCloudServices,
	updateCloudService,
} from "./cloud-services.repository.ts";
import type {
	RegisterCloudServiceInput,
	UpdateCloudServiceInput,
} from "./cloud-services.schemas.ts";

/** The register's fields of a row, as the forms and the import give them. */
export type ServiceFields = Pick<
	CloudServiceRow,
	| "code"
	| "name"
	| "provider"
	| "kind"
	| "org_unit_id"
	| "purpose"
	| "data_description"
	| "data_level"
	| "ismap"
	| "data_location"
	| "location_detail"
	| "sla_uptime"
	| "sla_recovery"
	| "backups"
	| "notes"
	| "next_review_on"
>;

/** The API names of the fields, for the audit event's list of changes. */
export const FIELD_NAMES: Record<keyof ServiceFields, string> = {
	code: "code",
	name: "name",
	provider: "provider",
	kind: "kind",
	org_unit_id: "orgUnitId",
	purpose: "purpose",
	data_description: "dataDescription",
	data_level: "dataLevel",
	ismap: "ismap",
	data_location: "dataLocation",
	location_detail: "locationDetail",
	sla_uptime: "slaUptime",
	sla_recovery: "slaRecovery",
	backups: "backups",
	notes: "notes",
	next_review_on: "nextReviewOn",
};

/** The fields that differ between a row and new values. */
export function changedFields(
	before: CloudServiceRow,
	after: ServiceFields,
): (keyof ServiceFields)[] {
	return (Object.keys(FIELD_NAMES) as (keyof ServiceFields)[]).filter(
		(key) => String(before[key]) !== String(after[key]),
	);
}

/** Check an input against the tenant (unit, level, the caller's reach) and make row fields. */
async function fieldsOf(
	tx: Tx,
	desk: CloudDesk,
	input: RegisterCloudServiceInput,
	currentReview: string | null,
): Promise<ServiceFields> {
	const unit = await findOrgUnit(tx, desk.actor.tenantId, input.orgUnitId);
	if (!unit) throw invalidField("orgUnitId", "cloud_service_unit_unknown", "no such org unit");
	if (!mayManage(desk, unit.id)) throw notUnitManager();
	const level = levelOf(desk.scale, input.dataLevel);
	if (!level)
		throw invalidField("dataLevel", "cloud_service_level_unknown", "not a level of the scheme", {
			value: input.dataLevel,
		});
	return {
		code: input.code,
		name: input.name,
		provider: input.provider,
		kind: input.kind,
		org_unit_id: unit.id,
		purpose: input.purpose,
		data_description: input.dataDescription,
		data_level: level,
		ismap: input.ismap,
		data_location: input.dataLocation,
		location_detail: input.locationDetail,
		sla_uptime: input.slaUptime,
		sla_recovery: input.slaRecovery,
		backups: input.backups ? 1 : 0,
		notes: input.notes,
		next_review_on:
			input.nextReviewOn ?? currentReview ?? addMonths(desk.today, desk.scale.reviewMonths),
	};
}

/** A new row of the register from checked fields, in `draft`. */
export function newServiceRow(desk: CloudDesk, fields: ServiceFields, at: string): CloudServiceRow {
	const base = {
		id: randomUUID(),
		tenant_id: desk.actor.tenantId,
		...fields,
		last_reviewed_on: null,
		state: "draft",
		approved_max_level: null,
		decision_reason: null,
		decided_by: null,
		decided_by_label: null,
		decided_as: null,
		decided_at: null,
		review_warned_for: null,
		created_by_label: desk.actor.label,
		version: 1,
		created_at: at,
		updated_at: at,
	};
	return { ...base, ...storedFlags(serviceFlags(desk.scale, base, desk.today)) };
}

/**
 * Register a service (SaaS, IaaS, web conferencing, free mail …) for a unit, in `draft`: what
 * data at which class, its ISMAP registration, where the data lives, its SLA and review date.
 *
 * @throws Problem `forbidden` (`cloud_service_not_unit_manager`); `validation_failed`
 * (`cloud_service_unit_unknown`, `cloud_service_level_unknown`); `conflict` (`cloud_service_code_taken`)
 */
export async function registerCloudService(
	tx: Tx,
	desk: CloudDesk,
	input: RegisterCloudServiceInput,
	now: Date = new Date(),
): Promise<CloudServiceRow> {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.manage");
	const fields = await fieldsOf(tx, desk, input, null);
	if (await findByCode(tx, desk.actor.tenantId, fields.code)) throw codeTaken(fields.code);
	const row = newServiceRow(desk, fields, now.toISOString());
	await insertCloudServices(tx, [row]);
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"cloud_service.registered",
		{
			code: row.code,
			name: row.name,
			orgUnitId: row.org_unit_id,
			dataLevel: row.data_level,
			flags: row.flags === "" ? [] : row.flags.split(","),
		},
		{ recordType: "cloud_service", recordId: row.id },
	);
	return row;
}

/**
 * Change a service's register fields (not its state or decision). Raising the class of its data
 * above what the approval allows is allowed, and flagged.
 *
 * @throws Problem as `registerCloudService`; `conflict` (`cloud_service_step_not_allowed` for a
 * retired service, `stale_version`)
 */
export async function updateCloudServiceFields(
	tx: Tx,
	desk: CloudDesk,
	id: string,
	input: UpdateCloudServiceInput,
	now: Date = new Date(),
): Promise<CloudServiceRow> {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.manage");
	const before = await tenantService(tx, desk, id);
	if (!mayManage(desk, before.org_unit_id)) throw notUnitManager();
	if (!stepAllowed(before.state as CloudServiceState, "edit"))
		throw stepRefused("edit", before.state);
	const { version, ...rest } = input;
	const fields = await fieldsOf(tx, desk, rest, before.next_review_on);
	if (fields.code !== before.code && (await findByCode(tx, desk.actor.tenantId, fields.code)))
		throw codeTaken(fields.code);
	const changed = changedFields(before, fields);
	const flags = serviceFlags(desk.scale, { ...before, ...fields }, desk.today);
	const patch: Partial<CloudServiceRow> = {
		...fields,
		...storedFlags(flags),
		updated_at: now.toISOString(),
	};
	if (!(await updateCloudService(tx, desk.actor.tenantId, before.id, version, patch)))
		throw staleService();
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"cloud_service.updated",
		{
			code: fields.code,
			changed: changed.map((key) => FIELD_NAMES[key]),
			dataLevel: fields.data_level,
			flags,
		},
		{ recordType: "cloud_service", recordId: before.id },
	);
	return { ...before, ...patch, version: version + 1 };
}
