import type { assuranceStatusReportJa } from "./assurance-status-report.ja.ts";

/** English messages of the yearly status report, merged into en.ts. */
export const assuranceStatusReportEn: Record<keyof typeof assuranceStatusReportJa, string> = {
	"statusReport.nav": "Yearly status report",
	"statusReport.navDesc":
		"A fiscal year's security measures (policy, acknowledgement, training, self-inspection, audits, findings, incidents, take-outs and disposals, network check) as PDF or Excel, for the committee and the national survey.",
	"statusReport.title": "Information security status report",
	"statusReport.lead":
		"Choose a fiscal year (April to March) to export the figures for the security committee and the Ministry's yearly survey of municipalities' security measures. The figures are those at the time of export.",
	"statusReport.year": "Fiscal year",
	"statusReport.contents": "What the report covers",
	"statusReport.part.policy": "Policy adopted and revised (versions published in the year)",
	"statusReport.part.acknowledgement": "Staff acknowledgement of the policy",
	"statusReport.part.training": "Security training (completion, phishing drills)",
	"statusReport.part.selfInspection": "Self-inspections, response and compliance rates",
	"statusReport.part.audits": "Security audits and the yearly audit plan's coverage",
	"statusReport.part.findings": "Findings, open and closed",
	"statusReport.part.incidents": "Incidents by category",
	"statusReport.part.custody": "Asset take-outs and disposals",
	"statusReport.part.network": "Three-tier network check",
	"statusReport.downloadPdf": "Export as PDF",
	"statusReport.downloadXlsx": "Export as Excel",
	"audit.type.assurance_status_report.exported": "Status report exported",
};
