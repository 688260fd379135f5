import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { FindingEvidenceTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import { sha256Hex, sniffMediaType } from "../../../shared/uploaded-file.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { type FindingDesk, factsOf, relationOf, visibleFinding } from "./finding-desk.ts";
import { assertStep } from "./finding-rules.ts";
import { findingsPolicy } from "./findings.policy.ts";
import {
	appendFindingEvent,
	type EvidenceMeta,
	findFindingEvidence,
	insertFindingEvidence,
	touchFinding,
} from "./findings.repository.ts";
import type { FindingEvidenceView } from "./findings.schemas.ts";

/** Whitelist what leaves the server of one evidence file (never its bytes). */
export function presentFindingEvidence(file: EvidenceMeta): FindingEvidenceView {
	return {
		id: file.id,
		fileName: file.file_name,
		mediaType: file.media_type,
		size: Number(file.size),
		sha256: file.sha256,
		description: file.description,
		uploadedBy: file.uploaded_by_label,
		uploadedAt: file.uploaded_at,
	};
}

/**
 * Keep a file as evidence of a finding's corrective action (a revised procedure, a screenshot of
 * a setting, a training record), in the database with the SHA-256 of its bytes; the file, its
 * timeline entry and its audit event commit together. Files may be added until the finding is
 * closed, so a verifier's returned finding can be completed.
 *
 * @throws Problem `not_found`; `conflict` (`finding_step_not_allowed`); `forbidden`
 * @example
 * const bytes = decodeUpload(body.contentBase64, FINDING_LIMITS.fileBytes);
 * await inTransaction(db, (tx) => addFindingEvidence(tx, desk, id, { fileName, bytes }));
 */
export async function addFindingEvidence(
	tx: Tx,
	desk: FindingDesk,
	findingId: string,
	input: { fileName: string; description?: string | undefined; bytes: Uint8Array },
	now: Date = new Date(),
): Promise<FindingEvidenceTable> {
	const { actor } = desk;
	authorize(actor, findingsPolicy, "finding.act");
	const row = await visibleFinding(tx, desk, findingId);
	assertStep("add_evidence", relationOf(desk, row), await factsOf(tx, row, 0));
	const at = now.toISOString();
	const file: FindingEvidenceTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		finding_id: row.id,
		file_name: input.fileName,
		media_type: sniffMediaType(input.bytes),
		size: input.bytes.length,
		sha256: sha256Hex(input.bytes),
		description: input.description || null,
		content: input.bytes,
		uploaded_by: actor.accountId,
		uploaded_by_label: actor.label,
		uploaded_at: at,
	};
	await touchFinding(tx, actor.tenantId, row.id, at);
	await insertFindingEvidence(tx, file);
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: row.id,
		kind: "evidence_added",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: file.description,
		data: { evidenceId: file.id, fileName: file.file_name, sha256: file.sha256, size: file.size },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.evidence_added",
		{
			reference: row.reference,
			evidenceId: file.id,
			fileName: file.file_name,
			sha256: file.sha256,
			size: file.size,
		},
		{ recordType: "finding", recordId: row.id },
	);
	return file;
}

/**
 * One evidence file's bytes, checked against the SHA-256 taken on upload: a file that no longer
 * matches is not served.
 *
 * @throws Problem `not_found` for a finding the caller may not see or a file not of it;
 * `internal` when the stored bytes no longer match their SHA-256
 */
export async function readFindingEvidence(
	db: Queryable,
	desk: FindingDesk,
	findingId: string,
	evidenceId: string,
) {
	authorize(desk.actor, findingsPolicy, "finding.read");
	const row = await visibleFinding(db, desk, findingId);
	const file = await findFindingEvidence(db, desk.actor.tenantId, row.id, evidenceId);
	if (!file) throw new Problem("not_found", "no such evidence file on this finding");
	const bytes = new Uint8Array(file.content);
	if (sha256Hex(bytes) !== file.sha256) {
		throw new Problem("internal", "the stored file no longer matches its SHA-256; not served");
	}
	return { file: presentFindingEvidence(file), bytes };
}
