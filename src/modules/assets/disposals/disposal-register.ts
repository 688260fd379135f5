import type { Db } from "../../../db/connection.ts";
import type { Queryable } from "../../../db/queryable.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { toCsv } from "../../../shared/csv.ts";
import { type DateStyle, formatDate, formatDateTime } from "../../../shared/dates.ts";
import { datedFileName } from "../../../shared/export-name.ts";
import { Problem } from "../../../shared/problem.ts";
import { writeXlsx } from "../../../shared/tabular.ts";
import { sha256Hex } from "../../../shared/uploaded-file.ts";
import { term } from "../../../shared/vocabulary.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { tenantDateStyle } from "../../tenants/tenant-settings.ts";
import type { Ledger } from "../ledger.ts";
import { disposalsPolicy } from "./disposals.policy.ts";
import {
	findDisposal,
	findDisposalFile,
	listDisposalFiles,
	listDisposals,
} from "./disposals.repository.ts";
import type { DisposalQuery, DisposalView } from "./disposals.schemas.ts";
import { presentDisposal, visibleDisposal } from "./present-disposal.ts";

/** The disposal register the caller may read, newest disposal first. */
export async function findDisposals(
	db: Queryable,
	ledger: Ledger,
	query: Omit<DisposalQuery, "limit"> & { limit: number },
): Promise<DisposalView[]> {
	authorize(ledger.actor, disposalsPolicy, "disposal.read");
	const rows = await listDisposals(db, ledger.actor.tenantId, { scope: ledger.read, ...query });
	const files = await listDisposalFiles(
		db,
		ledger.actor.tenantId,
		rows.map((row) => row.id),
	);
	const byDisposal = Map.groupBy(files, (file) => file.disposal_id);
	return rows.map((row) => presentDisposal(ledger, row, byDisposal.get(row.id) ?? []));
}

export async function findDisposalView(
	db: Queryable,
	ledger: Ledger,
	id: string,
): Promise<DisposalView> {
	authorize(ledger.actor, disposalsPolicy, "disposal.read");
	const row = visibleDisposal(ledger, await findDisposal(db, ledger.actor.tenantId, id));
	return presentDisposal(ledger, row, await listDisposalFiles(db, ledger.actor.tenantId, [row.id]));
}

/**
 * A stored certificate or photo, checked against the SHA-256 taken on upload.
 *
 * @throws Problem `internal` when the bytes no longer match their hash
 */
export async function readDisposalFile(db: Queryable, ledger: Ledger, id: string, fileId: string) {
	authorize(ledger.actor, disposalsPolicy, "disposal.read");
	const row = visibleDisposal(ledger, await findDisposal(db, ledger.actor.tenantId, id));
	const file = await findDisposalFile(db, ledger.actor.tenantId, row.id, fileId);
	if (!file) throw new Problem("not_found", "no such file");
	const bytes = new Uint8Array(file.content);
	if (sha256Hex(bytes) !== file.sha256) {
		throw new Problem("internal", "the stored file no longer matches its SHA-256; not served");
	}
	return { file, bytes };
}

/** Column headings of the export, in Japanese as auditors read it. */
export const REGISTER_HEADER = [
	"資産番号",
	"資産名",
	"所管",
	"分類",
	"方法",
	"実施日",
	"立会者",
	"委託業者",
	"製造番号",
	"消去証明書 SHA-256",
	"状態",
	"完了日時",
];

/** The register as rows of text, for XLSX and CSV alike; dates the tenant's way. */
export function registerRows(items: readonly DisposalView[], style: DateStyle): string[][] {
	return items.map((item) => [
		item.asset.code,
		item.asset.name,
		item.asset.unitName,
		item.asset.classKey,
		term("disposalMethod", item.method),
		formatDate(item.performedOn, style),
		item.witness,
		item.contractor ?? "",
		item.serialNumbers.join(" "),
		item.files
			.filter((file) => file.kind === "certificate")
			.map((file) => file.sha256)
			.join(" "),
		term("disposalStatus", item.status),
		item.closedAt ? formatDateTime(item.closedAt, style) : "",
	]);
}

/**
 * The disposal register for audits, as XLSX or CSV (UTF-8 with BOM). The export is audit-logged
 * with its period and row count.
 */
export async function exportDisposalRegister(
	db: Db,
	ledger: Ledger,
	query: { format: "xlsx" | "csv"; from?: string | undefined; to?: string | undefined },
): Promise<{ bytes: Uint8Array; type: string; fileName: string }> {
	authorize(ledger.actor, disposalsPolicy, "disposal.export");
	const items = await findDisposals(db, ledger, {
		from: query.from,
		to: query.to,
		limit: 100_000,
	});
	const rows = registerRows([...items].reverse(), await tenantDateStyle(db, ledger.actor.tenantId));
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(ledger.actor), "disposal.exported", {
			format: query.format,
			rows: rows.length,
			filter: { from: query.from ?? null, to: query.to ?? null },
		}),
	);
	if (query.format === "csv") {
		return {
			bytes: new TextEncoder().encode(toCsv(REGISTER_HEADER, rows)),
			type: "text/csv; charset=utf-8",
			fileName: datedFileName("disposals", "csv"),
		};
	}
	const bytes = await writeXlsx([
		{
			name: "廃棄・返却記録簿",
			header: REGISTER_HEADER,
			rows,
			widths: [14, 28, 18, 14, 18, 12, 16, 20, 24, 68, 16, 26],
		},
	]);
	return {
		bytes: new Uint8Array(bytes),
		type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		fileName: datedFileName("disposals", "xlsx"),
	};
}
