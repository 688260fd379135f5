import type { Db } from "../../../db/connection.ts";
import type { Actor } from "../../authz/roles.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";
import { type ExportLang, gapAnalysisPdf, gapAnalysisXlsx } from "./gap-export.ts";
import { runGapAnalysis } from "./run-gap-analysis.ts";

/**
 * The gap analysis of a policy text as a PDF or an Excel workbook, dated the tenant's way.
 *
 * @example
 * const { bytes } = await exportGapAnalysis(db, actor, source, "pdf", "ja");
 */
export async function exportGapAnalysis(
	db: Db,
	actor: Actor,
	source: Parameters<typeof runGapAnalysis>[2],
	format: "pdf" | "xlsx",
	lang: ExportLang,
): Promise<{ bytes: Buffer; at: string }> {
	const result = await runGapAnalysis(db, actor, source);
	const at = new Date().toISOString();
	const bytes =
		format === "pdf"
			? await gapAnalysisPdf(result, lang, { at, style: await tenantDateStyle(db, actor.tenantId) })
			: await gapAnalysisXlsx(result, lang);
	return { bytes, at };
}
