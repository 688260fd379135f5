import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { toCsv } from "../../shared/csv.ts";
import { refuseOversizedExport } from "../../shared/export-limit.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { writeXlsx } from "../../shared/tabular.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import type { CloudDesk } from "./cloud-desk.ts";
import {
	type CloudServiceKind,
	type CloudServiceState,
	type DataLocation,
	type IsmapStatus,
	parseFlags,
} from "./cloud-rules.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";
import {
	allCloudServices,
	type CloudServiceFilter,
	type CloudServiceRow,
} from "./cloud-services.repository.ts";
import {
	BACKUP_LABELS,
	FLAG_LABELS,
	ISMAP_LABELS,
	KIND_LABELS,
	LOCATION_LABELS,
	SERVICE_COLUMNS,
	SERVICE_HEADERS,
	SERVICE_SHEET,
	type ServiceColumnKey,
	STATE_LABELS,
} from "./cloud-services-format.ts";

/** The most rows one export carries. */
export const CLOUD_EXPORT_LIMIT = 20_000;

/** One service as a row of the layout: labels for codes, the unit's code and name. */
export function serviceRow(
	row: CloudServiceRow,
	units: ReadonlyMap<string, { code: string; name: string }>,
): string[] {
	const unit = units.get(row.org_unit_id);
	const values: Record<ServiceColumnKey, string> = {
		code: row.code,
		name: row.name,
		provider: row.provider,
		kind: KIND_LABELS[row.kind as CloudServiceKind] ?? row.kind,
		unit: unit?.code ?? "",
		unitName: unit?.name ?? "",
		purpose: row.purpose,
		dataDescription: row.data_description,
		dataLevel: row.data_level,
		ismap: ISMAP_LABELS[row.ismap as IsmapStatus] ?? row.ismap,
		dataLocation: LOCATION_LABELS[row.data_location as DataLocation] ?? row.data_location,
		locationDetail: row.location_detail,
		slaUptime: row.sla_uptime,
		slaRecovery: row.sla_recovery,
		backups: Number(row.backups) === 1 ? BACKUP_LABELS.yes : BACKUP_LABELS.no,
		nextReviewOn: row.next_review_on,
		notes: row.notes,
		state: STATE_LABELS[row.state as CloudServiceState] ?? row.state,
		approvedMax: row.approved_max_level ?? "",
		flags: parseFlags(row.flags)
			.map((flag) => FLAG_LABELS[flag] ?? flag)
			.join("、"),
	};
	return SERVICE_COLUMNS.map((column) => values[column.key]);
}

/**
 * The register under a filter, as XLSX or CSV (UTF-8 with BOM) in the layout the import reads,
 * so that the file can be edited and imported again; audit-logged with its row count. A filter
 * matching more than the limit is refused, never cut short.
 */
export async function exportCloudServices(
	db: Db,
	desk: CloudDesk,
	query: { format: "csv" | "xlsx" } & Pick<CloudServiceFilter, "state" | "kind" | "flagged">,
	maxRows: number = CLOUD_EXPORT_LIMIT,
): Promise<{ bytes: Uint8Array; type: string; fileName: string; rows: number }> {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.export");
	const tenantId = desk.actor.tenantId;
	const found = await allCloudServices(
		db,
		tenantId,
		{ state: query.state, kind: query.kind, flagged: query.flagged },
		maxRows + 1,
	);
	refuseOversizedExport(found.length, maxRows);
	const units = new Map(
		(await listOrgUnits(db, tenantId)).map((unit) => [
			unit.id,
			{ code: unit.code, name: unit.name },
		]),
	);
	const table = found.map((row) => serviceRow(row, units));
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "cloud_service.exported", {
			format: query.format,
			rows: table.length,
		}),
	);
	if (query.format === "csv") {
		return {
			bytes: new TextEncoder().encode(toCsv([...SERVICE_HEADERS], table)),
			type: "text/csv; charset=utf-8",
			fileName: datedFileName("cloudServices", "csv"),
			rows: table.length,
		};
	}
	const widths = SERVICE_COLUMNS.map((column) => Math.max(10, Math.min(40, column.max / 8)));
	const bytes = await writeXlsx([
		{ name: SERVICE_SHEET, header: [...SERVICE_HEADERS], rows: table, widths },
	]);
	return {
		bytes: new Uint8Array(bytes),
		type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		fileName: datedFileName("cloudServices", "xlsx"),
		rows: table.length,
	};
}
