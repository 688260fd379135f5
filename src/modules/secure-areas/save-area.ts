import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findStaff } from "../org/staff.repository.ts";
import type { AreaDesk } from "./area-desk.ts";
import { areaNotFound, invalidField, staleArea } from "./area-problems.ts";
import { secureAreasPolicy } from "./secure-areas.policy.ts";
import {
	type AreaRow,
	findAreaByCode,
	findAreaRow,
	insertArea,
	updateArea,
} from "./secure-areas.repository.ts";
import type { AreaInput, AreaUpdate } from "./secure-areas.schemas.ts";

async function checkInput(tx: Tx, desk: AreaDesk, input: AreaInput, id: string | null) {
	const tenantId = desk.actor.tenantId;
	const staff = await findStaff(tx, tenantId, input.managerStaffId);
	if (!staff?.active)
		throw invalidField(
			"managerStaffId",
			"secure_area_staff_unknown",
			"the manager is not active on the roster",
		);
	const taken = await findAreaByCode(tx, tenantId, input.code);
	if (taken && taken.id !== id)
		throw invalidField("code", "secure_area_code_taken", "another area has this code", {
			value: input.code,
		});
}

/**
 * Set up a secure area (管理区域) with its level and manager; the CISO or 統括 only.
 *
 * @example
 * const area = await inTransaction(db, (tx) => createArea(tx, desk, { code: "SR-1", … }));
 */
export async function createArea(tx: Tx, desk: AreaDesk, input: AreaInput): Promise<AreaRow> {
	authorize(desk.actor, secureAreasPolicy, "secure_area.manage");
	await checkInput(tx, desk, input, null);
	const now = new Date().toISOString();
	const row: AreaRow = {
		id: randomUUID(),
		tenant_id: desk.actor.tenantId,
		code: input.code,
		name: input.name,
		level: input.level,
		location: input.location,
		manager_staff_id: input.managerStaffId,
		version: 1,
		created_at: now,
		updated_at: now,
	};
	await insertArea(tx, row);
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.created",
		{
			areaId: row.id,
			code: row.code,
			name: row.name,
			level: row.level,
			managerStaffId: row.manager_staff_id,
		},
		{ recordType: "secure_area", recordId: row.id },
	);
	return row;
}

/** Change an area's code, name, level, location or manager, at the version read. */
export async function updateAreaDetails(
	tx: Tx,
	desk: AreaDesk,
	id: string,
	input: AreaUpdate,
): Promise<AreaRow> {
	authorize(desk.actor, secureAreasPolicy, "secure_area.manage");
	const before = await findAreaRow(tx, desk.actor.tenantId, id);
	if (!before) throw areaNotFound();
	await checkInput(tx, desk, input, id);
	const patch = {
		code: input.code,
		name: input.name,
		level: input.level,
		location: input.location,
		manager_staff_id: input.managerStaffId,
	};
	const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
		(key) => before[key] !== patch[key],
	);
	const updatedAt = new Date().toISOString();
	if (
		!(await updateArea(tx, desk.actor.tenantId, id, input.version, {
			...patch,
			updated_at: updatedAt,
		}))
	)
		throw staleArea();
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.updated",
		{ areaId: id, code: patch.code, changed },
		{ recordType: "secure_area", recordId: id },
	);
	return { ...before, ...patch, version: input.version + 1, updated_at: updatedAt };
}
