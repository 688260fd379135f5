import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { activeExceptions } from "../exceptions/active-exceptions.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { checkModel } from "./check-model.ts";
import { overlayExceptions } from "./exception-overlay.ts";
import { networkPolicy } from "./network.policy.ts";
import { readStoredModel, requireTenantPack } from "./read-model.ts";
import { networkReportPdf } from "./report-pdf.ts";
import { networkReportXlsx } from "./report-xlsx.ts";

export interface ExportedReport {
	bytes: Buffer;
	revision: number;
	fileName: string;
}

/**
 * The compliance report of the stored model as a PDF or an Excel workbook. The network layout
 * is a system document, so each download is recorded in the audit log. Violations that exceptions
 * in force cover (read through the exceptions module) carry their reference, as on the screen.
 */
export async function exportNetworkReport(
	db: Db,
	actor: Actor,
	format: "pdf" | "xlsx",
	lang: "ja" | "en",
): Promise<ExportedReport> {
	authorize(actor, networkPolicy, "network.read");
	const pack = await requireTenantPack(db, actor.tenantId);
	const stored = await readStoredModel(db, actor.tenantId);
	const report = overlayExceptions(
		checkModel(stored.model, pack.pack),
		await activeExceptions(db, actor.tenantId),
	);
	const bytes =
		format === "pdf"
			? await networkReportPdf(report, stored.model, pack.pack, lang, {
					at: new Date().toISOString(),
					style: await tenantDateStyle(db, actor.tenantId),
				})
			: await networkReportXlsx(report, stored.model, lang);
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(actor),
			"network_report.exported",
			{ format, revision: stored.revision },
			{ recordType: "network_model" },
		),
	);
	return {
		bytes,
		revision: stored.revision,
		fileName: datedFileName("networkReport", format, new Date(), [`r${stored.revision}`]),
	};
}
