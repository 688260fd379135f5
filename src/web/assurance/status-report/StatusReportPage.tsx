import { useState } from "react";
import { japanDate } from "../../../shared/dates.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { fiscalYearOfDay, useFiscalYear } from "../audits/useFiscalYear.ts";

/** The years offered: this fiscal year and the four before it. */
const YEARS_SHOWN = 5;

export const STATUS_REPORT_PATH = "/assurance/status-report";

/**
 * 情報セキュリティ対策の状況報告: a fiscal year's figures of the whole ISMS for the security
 * committee and the national survey, as a PDF or a workbook. The server gathers them live.
 */
export function StatusReportPage() {
	const { t } = useI18n();
	const fiscalYear = useFiscalYear();
	const current = fiscalYearOfDay(japanDate(new Date()));
	const [year, setYear] = useState(current);
	const [error, setError] = useState<unknown>(null);
	const years = Array.from({ length: YEARS_SHOWN }, (_, i) => current - i);
	const href = (format: "pdf" | "xlsx") =>
		`/api/assurance/status-report?fiscalYear=${year}&format=${format}`;

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("statusReport.title")}</h1>
			</div>
			<p className="lead">{t("statusReport.lead")}</p>
			<div className="field">
				<label className="field-label" htmlFor="status-report-year">
					{t("statusReport.year")}
				</label>
				<select
					id="status-report-year"
					value={String(year)}
					onChange={(event) => setYear(Number(event.target.value))}
				>
					{years.map((option) => (
						<option key={option} value={option}>
							{fiscalYear(option)}
						</option>
					))}
				</select>
			</div>
			<h2>{t("statusReport.contents")}</h2>
			<ul>
				<li>{t("statusReport.part.policy")}</li>
				<li>{t("statusReport.part.acknowledgement")}</li>
				<li>{t("statusReport.part.training")}</li>
				<li>{t("statusReport.part.selfInspection")}</li>
				<li>{t("statusReport.part.audits")}</li>
				<li>{t("statusReport.part.findings")}</li>
				<li>{t("statusReport.part.incidents")}</li>
				<li>{t("statusReport.part.custody")}</li>
				<li>{t("statusReport.part.network")}</li>
			</ul>
			<ErrorAlert error={error} />
			<div className="button-row">
				<DownloadButton
					href={href("pdf")}
					fileName={`status-report-${year}.pdf`}
					onError={setError}
				>
					{t("statusReport.downloadPdf")}
				</DownloadButton>
				<DownloadButton
					href={href("xlsx")}
					fileName={`status-report-${year}.xlsx`}
					onError={setError}
				>
					{t("statusReport.downloadXlsx")}
				</DownloadButton>
			</div>
		</section>
	);
}
