import { z } from "zod";

/** Audit events of the yearly status report, merged into the catalogue of audit-log.events.ts. */
export const ASSURANCE_STATUS_REPORT_EVENTS = {
	/** The year's status report went out as PDF or XLSX. */
	"assurance_status_report.exported": z.object({
		fiscalYear: z.number().int(),
		format: z.enum(["pdf", "xlsx"]),
	}),
};
