import { api, call } from "../api/client.ts";
import { EvidenceUploadDialog } from "../evidence/EvidenceUploadDialog.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { EVIDENCE_MAX_BYTES, type Incident, type IncidentEvidence } from "./labels.ts";

interface Props {
	incident: Incident;
	onClose(saved?: IncidentEvidence): void;
}

/**
 * Keep a file with the case as evidence (a log extract, a photo): any type, up to the server's
 * limit, which is told beforehand and checked before the file is sent.
 */
export function EvidenceDialog({ incident, onClose }: Props) {
	const { t } = useI18n();
	return (
		<EvidenceUploadDialog
			messages="incidents.evidence"
			maxBytes={EVIDENCE_MAX_BYTES}
			descriptionHint={t("incidents.evidence.descriptionHint")}
			className="incident-dialog"
			upload={(body) =>
				call(
					api.POST("/api/incidents/{id}/evidence", { params: { path: { id: incident.id } }, body }),
				)
			}
			onClose={onClose}
		/>
	);
}
