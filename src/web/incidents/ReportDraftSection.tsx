import { useState } from "react";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { useCan } from "../session.tsx";
import type { CaseSectionProps } from "./case-section.ts";

/**
 * The draft of the leak report (漏えい等報告) made from the case, as PDF and as an Excel workbook,
 * for the CSIRT, the CISO and 統括 to complete and file. A case rejected as not an incident has none.
 */
export function ReportDraftSection({ incident }: CaseSectionProps) {
	const { t } = useI18n();
	const can = useCan();
	const [error, setError] = useState<unknown>(null);
	if (!can("incident.report_draft") || incident.state === "rejected") return null;
	const href = (format: "pdf" | "xlsx") =>
		`/api/incidents/${encodeURIComponent(incident.id)}/report-draft.${format}`;
	return (
		<section className="card" aria-labelledby="incident-report-draft">
			<h2 id="incident-report-draft">{t("incidents.section.reportDraft")}</h2>
			<p className="muted">{t("incidents.draft.lead")}</p>
			<ErrorAlert error={error} />
			<div className="button-row" data-testid="incident-report-draft">
				<DownloadButton
					href={href("pdf")}
					fileName={`${incident.reference}.pdf`}
					onError={setError}
				>
					{t("incidents.draft.pdf")}
				</DownloadButton>
				<DownloadButton
					href={href("xlsx")}
					fileName={`${incident.reference}.xlsx`}
					onError={setError}
				>
					{t("incidents.draft.xlsx")}
				</DownloadButton>
			</div>
		</section>
	);
}
