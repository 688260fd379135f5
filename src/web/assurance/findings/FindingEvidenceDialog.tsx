import { api, call } from "../../api/client.ts";
import { EvidenceUploadDialog } from "../../evidence/EvidenceUploadDialog.tsx";
import { EVIDENCE_MAX_BYTES, type Finding, type FindingEvidence } from "./types.ts";

interface Props {
	finding: Finding;
	onClose(saved?: FindingEvidence): void;
}

/**
 * Keep a file as evidence of the corrective action: any type, up to the server's limit, which
 * is told beforehand and checked before the file is sent.
 */
export function FindingEvidenceDialog({ finding, onClose }: Props) {
	return (
		<EvidenceUploadDialog
			messages="findings.evidence"
			maxBytes={EVIDENCE_MAX_BYTES}
			upload={(body) =>
				call(
					api.POST("/api/findings/{id}/evidence", { params: { path: { id: finding.id } }, body }),
				)
			}
			onClose={onClose}
		/>
	);
}
