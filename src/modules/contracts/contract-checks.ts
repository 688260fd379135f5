import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { decodeUpload, sha256Hex, sniffMediaType } from "../../shared/uploaded-file.ts";
import { raiseFinding } from "../assurance/findings/raise-finding.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { ContractDesk } from "./contract-desk.ts";
import { contractEnded } from "./contract-problems.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	type CheckRow,
	findCheckEvidence,
	findContractor,
	insertCheck,
} from "./contracts.repository.ts";
import { CONTRACT_LIMITS, type ContractCheckInput } from "./contracts.schemas.ts";
import { visibleContract } from "./save-contract.ts";

/**
 * Record a periodic check of the contractor under a contract: each item's result, a note and the
 * evidence (kept with its SHA-256). A failed item makes the check failed and raises a finding in
 * the findings register for the contract's unit, in the same transaction.
 */
export async function recordContractCheck(
	tx: Tx,
	desk: ContractDesk,
	contractId: string,
	input: ContractCheckInput,
	now: Date = new Date(),
): Promise<CheckRow> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.check");
	const contract = await visibleContract(tx, desk, contractId);
	if (contract.state === "ended") throw contractEnded();
	const bytes = input.evidence
		? decodeUpload(input.evidence.contentBase64, CONTRACT_LIMITS.fileBytes)
		: null;
	const failed = input.items.filter((item) => !item.ok);
	const id = randomUUID();
	let findingId: string | null = null;
	if (failed.length > 0) {
		const contractor = await findContractor(tx, actor.tenantId, contract.contractor_id);
		const { finding } = await raiseFinding(
			tx,
			actor,
			{
				source: "manual",
				sourceRef: `contract_check:${id}`,
				sourceLabel: `${contract.code} ${contractor?.name ?? ""}（${input.checkedOn}）`.slice(
					0,
					200,
				),
				clause: "業務委託",
				title: `委託先の点検で不備: ${failed.map((item) => item.code).join("、")}`.slice(0, 200),
				description: failed
					.map((item) => (item.note ? `${item.code}: ${item.note}` : item.code))
					.join("\n")
					.slice(0, 4000),
				ownerUnitId: contract.owner_unit_id,
				severity: "minor",
			},
			{ now },
		);
		findingId = finding.id;
	}
	const row: CheckRow = {
		id,
		tenant_id: actor.tenantId,
		contract_id: contract.id,
		checked_on: input.checkedOn,
		items: JSON.stringify(input.items),
		result: failed.length > 0 ? "failed" : "passed",
		note: input.note,
		evidence_file_name: input.evidence?.fileName ?? null,
		evidence_media_type: bytes ? sniffMediaType(bytes) : null,
		evidence_size: bytes ? bytes.length : null,
		evidence_sha256: bytes ? sha256Hex(bytes) : null,
		evidence_content: bytes,
		finding_id: findingId,
		recorded_by_label: actor.label,
		created_at: now.toISOString(),
	};
	await insertCheck(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"contract.checked",
		{
			code: contract.code,
			checkId: row.id,
			result: row.result as "passed" | "failed",
			failed: failed.map((item) => item.code),
			evidenceSha256: row.evidence_sha256,
			findingId,
		},
		{ recordType: "contract", recordId: contract.id },
	);
	return row;
}

/** A check's evidence file, for a caller who sees the contract. */
export async function readCheckEvidence(
	db: Queryable,
	desk: ContractDesk,
	contractId: string,
	checkId: string,
) {
	authorize(desk.actor, contractsPolicy, "contract.read");
	const contract = await visibleContract(db, desk, contractId);
	const file = await findCheckEvidence(db, desk.actor.tenantId, contract.id, checkId);
	if (!file?.evidence_content || !file.evidence_file_name)
		throw new Problem("not_found", "no such evidence");
	return {
		fileName: file.evidence_file_name,
		mediaType: file.evidence_media_type ?? "application/octet-stream",
		sha256: file.evidence_sha256 ?? "",
		bytes: new Uint8Array(file.evidence_content),
	};
}
