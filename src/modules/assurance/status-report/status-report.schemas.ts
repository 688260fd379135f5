import { z } from "@hono/zod-openapi";

export const STATUS_REPORT_FORMATS = ["pdf", "xlsx"] as const;
export type StatusReportFormat = (typeof STATUS_REPORT_FORMATS)[number];

/** The fiscal year (年度, from 1 April; the current one in Japan when left out) and the format. */
export const statusReportQuerySchema = z.object({
	fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
	format: z.enum(STATUS_REPORT_FORMATS).default("pdf"),
});
