import { useState } from "react";
import { api, call } from "../api/client.ts";
import { fileSize } from "../assets/custody/types.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
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
	const { dateTime } = useDates();
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
					<div className="table-wrap">
						<table className="table table-compact" data-testid="incident-evidence">
							<caption className="visually-hidden">{t("incidents.section.evidence")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("incidents.evidence.fileName")}</th>
									<th scope="col">{t("incidents.evidence.size")}</th>
									<th scope="col">SHA-256</th>
									<th scope="col">{t("incidents.evidence.uploaded")}</th>
									<th scope="col">
										<span className="visually-hidden">{t("incidents.evidence.download")}</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{list.items.map((file) => (
									<tr key={file.id} data-evidence={file.id}>
										<td>
											{file.fileName}
											{file.description ? <div className="cell-sub">{file.description}</div> : null}
										</td>
										<td className="nowrap">{fileSize(file.size)}</td>
										<td>
											<code className="sha256">{file.sha256}</code>
										</td>
										<td>
											{file.uploadedBy}
											<div className="cell-sub">{dateTime(file.uploadedAt)}</div>
										</td>
										<td>
											<DownloadButton
												href={evidenceUrl(incident.id, file.id)}
												fileName={file.fileName}
												onError={setError}
											>
												{t("incidents.evidence.download")}
												<span className="visually-hidden">{` ${file.fileName}`}</span>
											</DownloadButton>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
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
