import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { formatDate, formatDateTime } from "../../shared/dates.ts";
import { refuseOversizedExport } from "../../shared/export-limit.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem, type ProblemIssue } from "../../shared/problem.ts";
import { writeXlsx } from "../../shared/tabular.ts";
import { term } from "../../shared/vocabulary.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { type AreaDesk, visibleArea } from "./area-desk.ts";
import { flagsOf } from "./entry-log.ts";
import { peopleByIds } from "./people.ts";
import { entriesBetween } from "./secure-areas.repository.ts";

/** The most stays one export carries: a busy server room's year fits. */
export const ENTRY_EXPORT_LIMIT = 100_000;
/** The longest period one export covers, in days (a fiscal year, with a leap day). */
export const ENTRY_EXPORT_MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export const ENTRY_EXPORT_HEADER = [
	"入室日",
	"入室日時",
	"退室日時",
	"職員番号",
	"氏名",
	"来訪者氏名",
	"来訪者所属",
	"同行職員番号",
	"同行職員氏名",
	"記録元",
	"要確認",
];

const SOURCE: Record<string, string> = { app: "画面入力", card_reader: "カードリーダー" };

/**
 * One area's entry log over Japan days [from, to] as XLSX (入退室記録), each stay with its flags,
 * in the tenant's date style (和暦 or 西暦). Those who see the area only (its manager, 統括, the
 * CISO, auditors); the export is audit-logged. A period of more stays than the limit is refused,
 * never cut short.
 */
export async function exportEntries(
	db: Db,
	desk: AreaDesk,
	areaId: string,
	query: { from: string; to: string },
	maxRows: number = ENTRY_EXPORT_LIMIT,
	now: Date = new Date(),
): Promise<{ bytes: Uint8Array; type: string; fileName: string }> {
	const area = await visibleArea(db, desk, areaId);
	if (query.to < query.from)
		throw periodRefused(ruleIssue("to", "period_ends_before_start", "to is before from"));
	const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
	if (days > ENTRY_EXPORT_MAX_DAYS)
		throw periodRefused(
			ruleIssue("to", "secure_area_export_too_long", "the period is too long", {
				max: ENTRY_EXPORT_MAX_DAYS,
			}),
		);
	const tenantId = desk.actor.tenantId;
	const rows = await entriesBetween(db, tenantId, area.id, query.from, query.to, maxRows + 1);
	refuseOversizedExport(rows.length, maxRows);
	const [people, style] = await Promise.all([
		peopleByIds(
			db,
			tenantId,
			rows.flatMap((row) => [row.staff_id, row.escort_staff_id]),
		),
		tenantDateStyle(db, tenantId),
	]);
	const table = rows.map((row) => {
		const staff = row.staff_id ? people.get(row.staff_id) : undefined;
		const escort = row.escort_staff_id ? people.get(row.escort_staff_id) : undefined;
		return [
			formatDate(row.entry_day, style),
			formatDateTime(row.entered_at, style, "ja", { seconds: true }),
			row.exited_at ? formatDateTime(row.exited_at, style, "ja", { seconds: true }) : "",
			staff?.staffNumber ?? "",
			staff?.name ?? "",
			row.visitor_name ?? "",
			row.visitor_organisation ?? "",
			escort?.staffNumber ?? "",
			escort?.name ?? "",
			SOURCE[row.source] ?? row.source,
			flagsOf(row, desk.today)
				.map((flag) => term("secureAreaFlag", flag))
				.join("、"),
		];
	});
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			auditContextOf(desk.actor),
			"secure_area.entries_exported",
			{ areaId: area.id, code: area.code, from: query.from, to: query.to, rows: table.length },
			{ recordType: "secure_area", recordId: area.id },
		),
	);
	const bytes = await writeXlsx([
		{
			name: "入退室記録",
			header: ENTRY_EXPORT_HEADER,
			rows: table,
			widths: [18, 24, 24, 12, 16, 18, 22, 12, 16, 14, 30],
		},
	]);
	return {
		bytes: new Uint8Array(bytes),
		type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		fileName: datedFileName("secureAreaEntries", "xlsx", now, [area.code]),
	};
}

function periodRefused(issue: ProblemIssue): Problem {
	return new Problem("validation_failed", issue.message, { issues: [issue] });
}
