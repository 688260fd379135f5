import { statusReportPolicy } from "../../src/modules/assurance/status-report/status-report.policy.ts";
import type { RouteEntry } from "./route-walk.ts";

/** The yearly status report: read by the CISO and 統括; each tenant's report is its own. */

const report = (format: "pdf" | "xlsx"): RouteEntry => ({
	method: "get",
	path: "/api/assurance/status-report",
	access: {
		kind: "permission",
		policy: statusReportPolicy,
		action: "assurance_status_report.read",
		level: "tenant",
	},
	ok: 200,
	request: () => ({ query: { fiscalYear: "2026", format } }),
	crossTenant: [{ name: "tenant B's own report only", request: "own", expect: "served" }],
});

export const STATUS_REPORT_ROUTES: readonly RouteEntry[] = [report("pdf")];

/** The workbook, for tests that ask for it beside the table's PDF. */
export const STATUS_REPORT_XLSX = report("xlsx");
