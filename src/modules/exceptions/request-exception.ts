import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { fiscalYear } from "../../shared/dates.ts";
import { findAsset } from "../assets/assets.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import { type ExceptionDesk, mayRequestFor } from "./exception-desk.ts";
import { invalidField, notUnitManager } from "./exception-problems.ts";
import { exceptionReference } from "./exception-rules.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import {
	type ExceptionRow,
	insertException,
	nextExceptionNumber,
} from "./exceptions.repository.ts";
import type { RequestExceptionInput } from "./exceptions.schemas.ts";

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * A unit's 管理者 asks to deviate from a clause or rule for a period: what, why, the compensating
 * measures, the assets, flows and nodes it covers. Numbered `例外-R8-0001` per tenant and fiscal
 * year; the pack's approver decides it.
 *
 * @throws Problem `forbidden` (`exception_not_unit_manager`) for a unit the caller does not manage;
 * `validation_failed` (`exception_unit_unknown`, `exception_asset_unknown`) for ids not of the tenant
 */
export async function requestException(
	tx: Tx,
	desk: ExceptionDesk,
	input: RequestExceptionInput,
	options: { now?: Date; renewalOf?: string } = {},
): Promise<ExceptionRow> {
	const { actor } = desk;
	authorize(actor, exceptionsPolicy, "exception.request");
	const tenantId = actor.tenantId;
	const unit = await findOrgUnit(tx, tenantId, input.orgUnitId);
	if (!unit) throw invalidField("orgUnitId", "exception_unit_unknown", "no such org unit");
	if (!mayRequestFor(desk, unit.id)) throw notUnitManager();
	const assetIds = unique(input.assetIds);
	for (const [i, id] of assetIds.entries()) {
		if (!(await findAsset(tx, tenantId, id)))
			throw invalidField(`assetIds.${i}`, "exception_asset_unknown", "no such asset");
	}
	const now = options.now ?? new Date();
	const at = now.toISOString();
	const year = fiscalYear(at);
	const number = await nextExceptionNumber(tx, tenantId, year);
	const row: ExceptionRow = {
		id: randomUUID(),
		tenant_id: tenantId,
		reference: exceptionReference(year, number),
		fiscal_year: year,
		org_unit_id: unit.id,
		clause: input.clause,
		network_rule: input.networkRule ?? null,
		deviation: input.deviation,
		reason: input.reason,
		compensating_measures: input.compensatingMeasures,
		asset_ids: JSON.stringify(assetIds),
		network_flows: JSON.stringify(unique(input.networkFlows)),
		network_nodes: JSON.stringify(unique(input.networkNodes)),
		starts_on: input.startsOn,
		ends_on: input.endsOn,
		state: "requested",
		renewal_of: options.renewalOf ?? null,
		decision_reason: null,
		decided_by: null,
		decided_by_label: null,
		decided_as: null,
		decided_at: null,
		lapsed_at: null,
		reminded_for: null,
		requested_by: actor.accountId,
		requested_by_label: actor.label,
		version: 1,
		created_at: at,
		updated_at: at,
	};
	await insertException(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"exception.requested",
		{
			reference: row.reference,
			orgUnitId: row.org_unit_id,
			clause: row.clause,
			startsOn: row.starts_on,
			endsOn: row.ends_on,
			renewalOf: row.renewal_of,
		},
		{ recordType: "exception", recordId: row.id },
	);
	return row;
}
