import { createHash, randomUUID } from "node:crypto";
import type { AssetDisposalFileTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleIssue, tooLarge } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { inScope } from "../asset-scope.ts";
import type { Ledger } from "../ledger.ts";
import type { DisposalFileKind } from "./disposal-rules.ts";
import { disposalsPolicy } from "./disposals.policy.ts";
import { findDisposal, insertDisposalFile } from "./disposals.repository.ts";
import { DISPOSAL_LIMITS } from "./disposals.schemas.ts";
import { visibleDisposal } from "./present-disposal.ts";

export function sha256Hex(bytes: Uint8Array): string {
	return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The media type of a certificate or photo, read from its first bytes, never from the name the
 * browser sent: PDF, PNG or JPEG, anything else is kept as an opaque file.
 */
export function sniffMediaType(bytes: Uint8Array): string {
	const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
	if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
	if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
	return "application/octet-stream";
}

/** Decode an upload, refusing an empty one or one over the limit. */
export function decodeUpload(contentBase64: string): Uint8Array {
	const bytes = Buffer.from(contentBase64, "base64");
	if (bytes.length === 0) {
		throw new Problem("validation_failed", "the file is empty", {
			issues: [ruleIssue("contentBase64", "file_empty", "empty file")],
		});
	}
	if (bytes.length > DISPOSAL_LIMITS.fileBytes) {
		throw tooLarge(`a file may hold ${DISPOSAL_LIMITS.fileBytes} bytes`, DISPOSAL_LIMITS.fileBytes);
	}
	return new Uint8Array(bytes);
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
