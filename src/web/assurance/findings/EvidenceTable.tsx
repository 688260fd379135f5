import { EvidenceFilesTable } from "../../evidence/EvidenceFilesTable.tsx";
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
	if (finding.evidence.length === 0) {
		return <p className="muted">{t("findings.evidence.empty")}</p>;
	}
	return (
		<EvidenceFilesTable
			messages="findings.evidence"
			caption={t("findings.section.evidence")}
			testId="finding-evidence"
			files={finding.evidence}
			urlOf={(fileId) => evidenceUrl(finding.id, fileId)}
			onError={onError}
		/>
	);
}
