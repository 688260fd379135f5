import { randomUUID } from "node:crypto";
import type { IncidentEvidenceTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { sha256Hex, sniffMediaType } from "../../shared/uploaded-file.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import { insertIncidentEvidence } from "./incident-casework.repository.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { appendIncidentEvent, touchIncident } from "./incidents.repository.ts";

/**
 * Keep an evidence file with a case (a log extract, a photo, a letter), in the database with the
 * SHA-256 of its bytes. The file, its timeline entry and its audit event commit together, so a
 * failure leaves none of them. Evidence may be added in any state: what is learnt after closing
 * is kept too.
 *
 * @throws Problem `not_found` for a case the caller may not see
 * @example
 * const bytes = decodeUpload(body.contentBase64, CASEWORK_LIMITS.fileBytes);
 * await inTransaction(db, (tx) => addIncidentEvidence(tx, desk, id, { fileName, bytes }));
 */
export async function addIncidentEvidence(
	tx: Tx,
	desk: IncidentDesk,
	incidentId: string,
	input: { fileName: string; description?: string | undefined; bytes: Uint8Array },
	now: Date = new Date(),
): Promise<IncidentEvidenceTable> {
	const { actor } = desk;
	authorize(actor, incidentCaseworkPolicy, "incident.evidence_add");
	const row = await visibleIncident(tx, desk, incidentId);
	const at = now.toISOString();
	const file: IncidentEvidenceTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		incident_id: row.id,
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
	await touchIncident(tx, actor.tenantId, row.id, at);
	await insertIncidentEvidence(tx, file);
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
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
		"incident.evidence_added",
		{
			reference: row.reference,
			evidenceId: file.id,
			fileName: file.file_name,
			sha256: file.sha256,
			size: file.size,
		},
		{ recordType: "incident", recordId: row.id },
	);
	return file;
}
