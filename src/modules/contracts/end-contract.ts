import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { decodeUpload, sha256Hex, sniffMediaType } from "../../shared/uploaded-file.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { assertManages, type ContractDesk } from "./contract-desk.ts";
import { contractEnded, staleRecord } from "./contract-problems.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	type ContractHead,
	findEndCertificate,
	updateContractRow,
} from "./contracts.repository.ts";
import { CONTRACT_LIMITS, type ContractEndInput } from "./contracts.schemas.ts";
import { visibleContract } from "./save-contract.ts";

/**
 * The end of a contract: the data returned or erased, recorded with its certificate (返却確認書,
 * 消去証明書) kept with its SHA-256, like an asset's disposal. The record closes.
 */
export async function endContract(
	tx: Tx,
	desk: ContractDesk,
	id: string,
	input: ContractEndInput,
	now: Date = new Date(),
): Promise<ContractHead> {
	const { actor } = desk;
	authorize(actor, contractsPolicy, "contract.manage");
	const before = await visibleContract(tx, desk, id);
	assertManages(desk, before.owner_unit_id);
	if (before.state === "ended") throw contractEnded();
	const bytes = decodeUpload(input.certificate.contentBase64, CONTRACT_LIMITS.fileBytes);
	const at = now.toISOString();
	const patch = {
		state: "ended",
		end_kind: input.kind,
		ended_on: input.endedOn,
		end_note: input.note,
		end_file_name: input.certificate.fileName,
		end_media_type: sniffMediaType(bytes),
		end_size: bytes.length,
		end_sha256: sha256Hex(bytes),
		end_content: bytes,
		ended_by_label: actor.label,
		ended_at: at,
		updated_at: at,
	};
	if (!(await updateContractRow(tx, actor.tenantId, id, input.version, patch))) throw staleRecord();
	await recordAudit(
		tx,
		auditContextOf(actor),
		"contract.ended",
		{
			code: before.code,
			kind: input.kind,
			endedOn: input.endedOn,
			fileName: patch.end_file_name,
			sha256: patch.end_sha256,
			size: patch.end_size,
		},
		{ recordType: "contract", recordId: id },
	);
	const { end_content: _bytes, ...head } = patch;
	return { ...before, ...head, version: input.version + 1 };
}

/** The certificate of an ended contract. */
export async function readEndCertificate(db: Queryable, desk: ContractDesk, id: string) {
	authorize(desk.actor, contractsPolicy, "contract.read");
	const contract = await visibleContract(db, desk, id);
	const file = await findEndCertificate(db, desk.actor.tenantId, contract.id);
	if (!file?.end_content || !file.end_file_name) throw new Problem("not_found", "no certificate");
	return {
		fileName: file.end_file_name,
		mediaType: file.end_media_type ?? "application/octet-stream",
		sha256: file.end_sha256 ?? "",
		bytes: new Uint8Array(file.end_content),
	};
}
