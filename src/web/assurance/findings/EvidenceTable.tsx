import { fileSize } from "../../assets/custody/types.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { Finding } from "./types.ts";

const evidenceUrl = (findingId: string, evidenceId: string) =>
	`/api/findings/${encodeURIComponent(findingId)}/evidence/${encodeURIComponent(evidenceId)}`;

/** The evidence files of a finding with their SHA-256; a download is checked by the server. */
export function EvidenceTable({
	finding,
	onError,
}: {
	finding: Finding;
	onError(error: unknown): void;
}) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	if (finding.evidence.length === 0) {
		return <p className="muted">{t("findings.evidence.empty")}</p>;
	}
	return (
		<div className="table-wrap">
			<table className="table table-compact" data-testid="finding-evidence">
				<caption className="visually-hidden">{t("findings.section.evidence")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("findings.evidence.fileName")}</th>
						<th scope="col">{t("findings.evidence.size")}</th>
						<th scope="col">SHA-256</th>
						<th scope="col">{t("findings.evidence.uploaded")}</th>
						<th scope="col">
							<span className="visually-hidden">{t("findings.evidence.download")}</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{finding.evidence.map((file) => (
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
									href={evidenceUrl(finding.id, file.id)}
									fileName={file.fileName}
									onError={onError}
								>
									{t("findings.evidence.download")}
									<span className="visually-hidden">{` ${file.fileName}`}</span>
								</DownloadButton>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
