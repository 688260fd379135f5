import { useState } from "react";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { EvidenceFilesTable } from "../evidence/EvidenceFilesTable.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { CaseSectionProps } from "./case-section.ts";
import { EvidenceDialog } from "./EvidenceDialog.tsx";
import type { IncidentEvidence } from "./labels.ts";
import { useCaseList } from "./useCaseList.ts";

interface EvidenceList {
	items: IncidentEvidence[];
	allowedActions: string[];
}

const evidenceUrl = (incidentId: string, evidenceId: string) =>
	`/api/incidents/${encodeURIComponent(incidentId)}/evidence/${encodeURIComponent(evidenceId)}`;

/**
 * The files kept with the case as evidence, each with its SHA-256 (as disposal certificates are),
 * who added it and when; the CSIRT and the CISO add files. A download is checked by the server
 * against the SHA-256 taken when the file was added.
 */
export function EvidenceSection({ incident, reload }: CaseSectionProps) {
	const { t } = useI18n();
	const [adding, setAdding] = useState(false);
	const { list, error, setError, status, changed } = useCaseList(
		incident.id,
		reload,
		(id): Promise<EvidenceList> =>
			call(api.GET("/api/incidents/{id}/evidence", { params: { path: { id } } })),
	);

	const adds = list?.allowedActions.includes("incident.evidence_add") === true;
	const addButton = adds ? (
		<button type="button" className="button" onClick={() => setAdding(true)}>
			{t("incidents.evidence.add")}
		</button>
	) : null;

	return (
		<section className="card incident-evidence" aria-labelledby="incident-evidence">
			<h2 id="incident-evidence">{t("incidents.section.evidence")}</h2>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{list && list.items.length === 0 ? (
				<EmptyState
					testId="incident-evidence-empty"
					title={t("incidents.evidence.empty")}
					guidance={t("incidents.evidence.emptyGuidance")}
					action="incident.evidence_add"
				>
					{addButton}
				</EmptyState>
			) : null}
			{list && list.items.length > 0 ? (
				<>
					<EvidenceFilesTable
						messages="incidents.evidence"
						caption={t("incidents.section.evidence")}
						testId="incident-evidence"
						files={list.items}
						urlOf={(fileId) => evidenceUrl(incident.id, fileId)}
						onError={setError}
					/>
					{addButton ? <div className="button-row">{addButton}</div> : null}
				</>
			) : null}
			{adding ? (
				<EvidenceDialog
					incident={incident}
					onClose={(saved) => {
						setAdding(false);
						if (!saved) return;
						void changed(
							t("incidents.evidence.added", { name: saved.fileName, sha256: saved.sha256 }),
						);
					}}
				/>
			) : null}
		</section>
	);
}
