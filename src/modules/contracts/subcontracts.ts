import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { assertManages, type ContractDesk } from "./contract-desk.ts";
import {
	contractEnded,
	invalidField,
	notApprover,
	staleRecord,
	subcontractDecided,
} from "./contract-problems.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	insertSubcontract,
	type SubcontractRow,
	subcontractsOf,
	updateSubcontractRow,
} from "./contracts.repository.ts";
import type { SubcontractDecision, SubcontractInput } from "./contracts.schemas.ts";
import { visibleContract } from "./save-contract.ts";

/**
 * Record the contractor's request to pass part of the work on (再委託): to whom, what, and the
 * safeguards it keeps. The pack's approver decides it.
 */
export async function requestSubcontract(
	tx: Tx,
	desk: ContractDesk,
	contractId: string,
	input: SubcontractInput,
	now: Date = new Date(),
): Promise<SubcontractRow> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.manage");
	const contract = await visibleContract(tx, desk, contractId);
	assertManages(desk, contract.owner_unit_id);
	if (contract.state === "ended") throw contractEnded();
	const row: SubcontractRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		contract_id: contract.id,
		subcontractor: input.subcontractor,
		work: input.work,
		safeguards: input.safeguards,
		state: "requested",
		decision_reason: null,
		decided_by_label: null,
		decided_as: null,
		decided_at: null,
		requested_by_label: actor.label,
		created_at: now.toISOString(),
		version: 1,
	};
	await insertSubcontract(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"contract.subcontract_requested",
		{ code: contract.code, subcontractId: row.id, subcontractor: row.subcontractor },
		{ recordType: "contract", recordId: contract.id },
	);
	return row;
}

/**
 * The pack's approver (`organisation.approvals.outsourcing`) approves or refuses a 再委託 request;
 * a refusal says why.
 *
 * @throws Problem `forbidden` (`contract_not_approver`); `validation_failed`
 * (`contract_refusal_reason_required`); `conflict` (`contract_subcontract_decided`, `stale_version`)
 */
export async function decideSubcontract(
	tx: Tx,
	desk: ContractDesk,
	contractId: string,
	subcontractId: string,
	input: SubcontractDecision,
	now: Date = new Date(),
): Promise<void> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.decide");
	const contract = await visibleContract(tx, desk, contractId);
	const role = desk.decideAs;
	if (role === undefined) throw notApprover();
	const sub = (await subcontractsOf(tx, actor.tenantId, contract.id)).find(
		(s) => s.id === subcontractId,
	);
	if (!sub) throw new Problem("not_found", "no such subcontracting request");
	if (sub.state !== "requested") throw subcontractDecided();
	const reason = input.reason.trim();
	if (input.decision === "refuse" && reason === "")
		throw invalidField("reason", "contract_refusal_reason_required", "a refusal says why");
	const patch = {
		state: input.decision === "approve" ? "approved" : "refused",
		decision_reason: reason === "" ? null : reason,
		decided_by_label: actor.label,
		decided_as: role,
		decided_at: now.toISOString(),
	};
	if (!(await updateSubcontractRow(tx, actor.tenantId, sub.id, input.version, patch)))
		throw staleRecord();
	await recordAudit(
		tx,
		auditContextOf(actor),
		input.decision === "approve" ? "contract.subcontract_approved" : "contract.subcontract_refused",
		{ code: contract.code, subcontractId: sub.id, role, reason: patch.decision_reason },
		{ recordType: "contract", recordId: contract.id },
	);
}
