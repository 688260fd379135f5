import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { staffPlacements } from "../org/staff-placements.ts";
import { myNumberPolicy } from "./my-number.policy.ts";
import { type AffairRow, insertAffair, updateAffairRow } from "./my-number.repository.ts";
import type { CreateAffairInput, UpdateAffairInput } from "./my-number.schemas.ts";
import { type MyNumberDesk, visibleAffair } from "./my-number-desk.ts";
import { invalidField, staleAffair } from "./my-number-problems.ts";
import { type PiaStatus, piaDueOn } from "./my-number-rules.ts";

/** An active member of the roster, or a validation refusal at `path`. */
export async function activeStaffAt(tx: Tx, tenantId: string, staffId: string, path: string) {
	const [placement] = await staffPlacements(tx, tenantId, [staffId]);
	if (!placement?.active)
		throw invalidField(path, "my_number_staff_unknown", "no such active member of staff");
	return placement;
}

function piaOf(input: CreateAffairInput | UpdateAffairInput) {
	return {
		pia_level: input.piaLevel,
		pia_status: input.piaStatus,
		pia_done_on: input.piaDoneOn,
		pia_due_on: piaDueOn(input.piaStatus as PiaStatus, input.piaDoneOn, input.piaDueOn),
	};
}

function piaEvent(row: Pick<AffairRow, "pia_level" | "pia_status" | "pia_done_on" | "pia_due_on">) {
	return {
		piaLevel: row.pia_level,
		piaStatus: row.pia_status,
		piaDoneOn: row.pia_done_on,
		piaDueOn: row.pia_due_on,
	};
}

/**
 * The CISO or 統括 registers a My Number affair the tenant runs: its name, kind (利用事務 /
 * 関係事務), legal basis, 事務取扱責任者 (a member of the roster) and its PIA.
 *
 * @throws Problem `forbidden`; `validation_failed` (`my_number_staff_unknown`)
 */
export async function createAffair(
	tx: Tx,
	desk: MyNumberDesk,
	input: CreateAffairInput,
	now: Date = new Date(),
): Promise<AffairRow> {
	const { actor } = desk;
	authorize(actor, myNumberPolicy, "my_number.manage");
	const responsible = await activeStaffAt(
		tx,
		actor.tenantId,
		input.responsibleStaffId,
		"responsibleStaffId",
	);
	const at = now.toISOString();
	const row: AffairRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		name: input.name,
		kind: input.kind,
		legal_basis: input.legalBasis,
		responsible_staff_id: responsible.staffId,
		...piaOf(input),
		created_by_label: actor.label,
		version: 1,
		created_at: at,
		updated_at: at,
	};
	await insertAffair(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.affair_created",
		{
			name: row.name,
			kind: row.kind,
			legalBasis: row.legal_basis,
			responsibleStaffId: row.responsible_staff_id,
			...piaEvent(row),
		},
		{ recordType: "my_number_affair", recordId: row.id },
	);
	return row;
}

/** The CISO or 統括 changes an affair's name, basis, responsible person or PIA. */
export async function updateAffair(
	tx: Tx,
	desk: MyNumberDesk,
	id: string,
	input: UpdateAffairInput,
	now: Date = new Date(),
): Promise<AffairRow> {
	const { actor } = desk;
	authorize(actor, myNumberPolicy, "my_number.manage");
	const before = await visibleAffair(tx, desk, id);
	const responsible = await activeStaffAt(
		tx,
		actor.tenantId,
		input.responsibleStaffId,
		"responsibleStaffId",
	);
	const patch = {
		name: input.name,
		legal_basis: input.legalBasis,
		responsible_staff_id: responsible.staffId,
		...piaOf(input),
		updated_at: now.toISOString(),
	};
	if (!(await updateAffairRow(tx, actor.tenantId, id, input.version, patch))) throw staleAffair();
	const after: AffairRow = { ...before, ...patch, version: input.version + 1 };
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.affair_updated",
		{
			name: after.name,
			legalBasis: after.legal_basis,
			responsibleStaffId: after.responsible_staff_id,
			...piaEvent(after),
		},
		{ recordType: "my_number_affair", recordId: id },
	);
	return after;
}
