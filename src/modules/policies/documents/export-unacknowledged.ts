import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { toCsv } from "../../../shared/csv.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { writeXlsx } from "../../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import type { Actor } from "../../authz/roles.ts";
import { acknowledgementStatus } from "./acknowledgement-status.ts";

const HEADER = ["所属", "ユーザー名", "氏名", "メールアドレス"];

/** The list of who has not acknowledged a version, as CSV (Excel-safe) or XLSX; audit-logged. */
export async function exportUnacknowledged(
	db: Db,
	actor: Actor,
	versionId: string,
	format: "csv" | "xlsx",
): Promise<{ body: string | Buffer; fileName: string }> {
	const status = await acknowledgementStatus(db, actor, versionId);
	const rows = status.pending.map((m) => [
		m.unitName ?? "",
		m.username,
		m.displayName,
		m.email ?? "",
	]);
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(actor),
			"policy.unacknowledged_exported",
			{ versionId: status.version.id, format, rows: rows.length },
			{ recordType: "policy_version", recordId: status.version.id },
		),
	);
	const fileName = datedFileName("unacknowledged", format, new Date(), [
		`第${status.version.number}版`,
	]);
	if (format === "csv") return { body: toCsv(HEADER, rows), fileName };
	return {
		body: await writeXlsx([{ name: "未確認者", header: HEADER, rows, widths: [24, 20, 20, 30] }]),
		fileName,
	};
}
