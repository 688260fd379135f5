import { randomUUID } from "node:crypto";
import type { AssetDisposalFileTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import {
	decodeUpload as decodeFile,
	sha256Hex,
	sniffMediaType,
} from "../../../shared/uploaded-file.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { inScope } from "../asset-scope.ts";
import type { Ledger } from "../ledger.ts";
import type { DisposalFileKind } from "./disposal-rules.ts";
import { disposalsPolicy } from "./disposals.policy.ts";
import { findDisposal, insertDisposalFile } from "./disposals.repository.ts";
import { DISPOSAL_LIMITS } from "./disposals.schemas.ts";
import { visibleDisposal } from "./present-disposal.ts";

/** Decode a certificate or photo, refusing an empty one or one over the limit. */
export function decodeUpload(contentBase64: string): Uint8Array {
	return decodeFile(contentBase64, DISPOSAL_LIMITS.fileBytes);
}

/**
 * Keep an erasure certificate (消去証明書) or a photo with an open disposal record, in the
 * database, with the SHA-256 of its bytes.
 *
 * @throws Problem `conflict` once the record is closed
 */
export async function addDisposalFile(
	tx: Tx,
	ledger: Ledger,
	disposalId: string,
	input: { kind: DisposalFileKind; fileName: string; bytes: Uint8Array },
	now: string = new Date().toISOString(),
): Promise<AssetDisposalFileTable> {
	const { actor } = ledger;
	authorize(actor, disposalsPolicy, "disposal.record");
	const disposal = visibleDisposal(ledger, await findDisposal(tx, actor.tenantId, disposalId));
	if (!inScope(ledger.write, disposal.owner_unit_id)) {
		throw refusal("forbidden", "read_only_scope", "you may read this record but not add to it");
	}
	if (disposal.status !== "recorded") {
		throw refusal(
			"conflict",
			"disposal_closed",
			"the record is closed; its evidence can no longer change",
		);
	}
	const row: AssetDisposalFileTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		disposal_id: disposal.id,
		kind: input.kind,
		file_name: input.fileName,
		media_type: sniffMediaType(input.bytes),
		size: input.bytes.length,
		sha256: sha256Hex(input.bytes),
		content: input.bytes,
		uploaded_by: actor.accountId,
		uploaded_by_label: actor.label,
		uploaded_at: now,
	};
	await insertDisposalFile(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"asset.disposal_file_added",
		{
			disposalId: disposal.id,
			fileId: row.id,
			kind: input.kind,
			fileName: input.fileName,
			sha256: row.sha256,
			size: row.size,
		},
		{ recordType: "asset", recordId: disposal.asset_id },
	);
	return row;
}
