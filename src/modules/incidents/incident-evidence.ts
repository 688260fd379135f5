import type { Queryable } from "../../db/queryable.ts";
import { Problem } from "../../shared/problem.ts";
import { sha256Hex } from "../../shared/uploaded-file.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import {
	type EvidenceMeta,
	findIncidentEvidence,
	listIncidentEvidence,
} from "./incident-casework.repository.ts";
import type { IncidentEvidenceView } from "./incident-casework.schemas.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";

/** Whitelist what leaves the server of one evidence file (never its bytes). */
export function presentEvidence(file: EvidenceMeta): IncidentEvidenceView {
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
 * A case's evidence files with their SHA-256, oldest first, for whoever may see the case.
 *
 * @throws Problem `not_found` for a case the caller may not see
 */
export async function listEvidenceOfCase(db: Queryable, desk: IncidentDesk, incidentId: string) {
	authorize(desk.actor, incidentsPolicy, "incident.read");
	const row = await visibleIncident(db, desk, incidentId);
	const files = await listIncidentEvidence(db, desk.actor.tenantId, row.id);
	return {
		items: files.map(presentEvidence),
		allowedActions: allowedActions(desk.actor, incidentCaseworkPolicy, ["incident.evidence_add"]),
	};
}

/**
 * One evidence file's bytes, checked against the SHA-256 taken on upload: a file that no longer
 * matches is not served.
 *
 * @throws Problem `not_found` for a case the caller may not see or a file not of that case;
 * `internal` when the stored bytes no longer match their SHA-256
 */
export async function readEvidenceFile(
	db: Queryable,
	desk: IncidentDesk,
	incidentId: string,
	evidenceId: string,
) {
	authorize(desk.actor, incidentsPolicy, "incident.read");
	const row = await visibleIncident(db, desk, incidentId);
	const file = await findIncidentEvidence(db, desk.actor.tenantId, row.id, evidenceId);
	if (!file) throw new Problem("not_found", "no such evidence file on this case");
	const bytes = new Uint8Array(file.content);
	if (sha256Hex(bytes) !== file.sha256) {
		throw new Problem("internal", "the stored file no longer matches its SHA-256; not served");
	}
	return { file: presentEvidence(file), bytes };
}
