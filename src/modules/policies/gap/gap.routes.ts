import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../../deps.ts";
import { attachmentDisposition } from "../../../http/content-disposition.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { exportGapAnalysis } from "./export-gap-analysis.ts";
import { gapAnalysisSchema, gapExportRequestSchema, gapSourceSchema } from "./gap.schemas.ts";
import { runGapAnalysis } from "./run-gap-analysis.ts";

const tags = ["policies"];

const analyse = createRoute({
	method: "post",
	path: "/policy-gap-analysis",
	tags,
	security: sessionSecurity,
	summary:
		"Compare a basic policy's text with the standard baseline: provisions missing or different",
	request: { body: jsonBody(gapSourceSchema, "The policy as text, or a file's bytes in base64") },
	responses: {
		200: jsonResponse(gapAnalysisSchema, "One item per provision"),
		...problemResponses,
	},
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const exportAnalysis = createRoute({
	method: "post",
	path: "/policy-gap-analysis/export",
	tags,
	security: sessionSecurity,
	summary: "The same analysis as an Excel workbook or a PDF (Japanese font embedded)",
	request: { body: jsonBody(gapExportRequestSchema) },
	responses: {
		200: {
			description: "The file",
			content: {
				[XLSX]: { schema: { type: "string", format: "binary" } },
				"application/pdf": { schema: { type: "string", format: "binary" } },
			},
		},
		...problemResponses,
	},
});

export function gapRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(analyse, async (c) => {
			const actor = requireActor(c);
			const result = await runGapAnalysis(deps.db, actor, c.req.valid("json"));
			return c.json(result, 200);
		})
		.openapi(exportAnalysis, async (c) => {
			const actor = requireActor(c);
			const { source, format, lang } = c.req.valid("json");
			const file = await exportGapAnalysis(deps.db, actor, source, format, lang);
			return c.body(new Uint8Array(file.bytes), 200, {
				"Content-Type": format === "pdf" ? "application/pdf" : XLSX,
				"Content-Disposition": attachmentDisposition(
					datedFileName("gapAnalysis", format, new Date(file.at)),
				),
			});
		});
}
