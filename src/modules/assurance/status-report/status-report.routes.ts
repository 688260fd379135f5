import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../deps.ts";
import { attachmentDisposition } from "../../../http/content-disposition.ts";
import { requireActor } from "../../../http/context.ts";
import { createRouter, problemResponses, sessionSecurity } from "../../../http/openapi.ts";
import { exportStatusReport } from "./export-status-report.ts";
import { statusReportQuerySchema } from "./status-report.schemas.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const binary = { schema: { type: "string" as const, format: "binary" } };

const download = createRoute({
	method: "get",
	path: "/assurance/status-report",
	tags: ["assurance"],
	security: sessionSecurity,
	summary:
		"The yearly status report (情報セキュリティ対策の状況) of a fiscal year, as PDF or XLSX: policy, acknowledgement, training, self-inspection, audits, findings, incidents, take-outs and disposals, network check",
	request: { query: statusReportQuerySchema },
	responses: {
		200: { description: "The report", content: { "application/pdf": binary, [XLSX]: binary } },
		...problemResponses,
	},
});

/** The yearly status report for the security committee and the national survey. */
export function statusReportRoutes(deps: AppDeps) {
	return createRouter().openapi(download, async (c) => {
		const actor = requireActor(c);
		const { fiscalYear, format } = c.req.valid("query");
		const file = await exportStatusReport(deps, actor, fiscalYear, format);
		return c.body(new Uint8Array(file.body), 200, {
			"Content-Type": format === "pdf" ? "application/pdf" : XLSX,
			"Content-Disposition": attachmentDisposition(file.fileName),
		});
	});
}
