import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "../../db/errors.ts";
import type { AssetClassificationChangeTable, AssetTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { assetSearchText } from "./assets.repository.ts";
import type { AssetFields } from "./assets.schemas.ts";
import { assetColumns } from "./create-asset.ts";
import { newAssetFields, type ParsedRow } from "./import-row.ts";
import type { Ledger } from "./ledger.ts";
import { reclassifyAsset, updateAsset } from "./update-asset.ts";

/** The reason recorded when an import sets or changes a class. */
export const IMPORT_REASON = "一括取込";
/** Rows per multi-row INSERT: 22 columns × 500 stays under both engines' parameter limits. */
const INSERT_CHUNK = 500;

/** Where an applying import writes: its one transaction, as whom, and when. */
export interface ImportWriter {
	tx: Tx;
	ledger: Ledger;
	now: string;
}

/** What an existing asset's row would change: its fields, its class, or null for nothing. */
export interface UpdatePlan {
	fields: Partial<AssetFields>;
	reclassify: boolean;
}

/** Compare a row of the file with the stored asset exactly as `updateAsset` does. */
export function planUpdate(before: AssetTable, parsed: ParsedRow): UpdatePlan | null {
	const stored = before as unknown as Record<string, unknown>;
	const fields: Partial<AssetFields> = {};
	for (const key of Object.keys(parsed.fields) as (keyof AssetFields)[]) {
		const value = parsed.fields[key];
		const [column] = Object.entries(assetColumns({ [key]: value }));
		if (column && column[1] !== stored[column[0]]) Object.assign(fields, { [key]: value });
	}
	const changed = Object.keys(fields).length > 0;
	const { classification } = parsed;
	const reclassify =
		classification.key !== before.class_key || classification.scheme !== before.scheme;
	return changed || reclassify ? { fields, reclassify } : null;
}

/** Apply a plan through the ledger's own use cases, so that the same rules and audit apply. */
export async function writeUpdate(
	writer: ImportWriter,
	before: AssetTable,
	parsed: ParsedRow,
	plan: UpdatePlan,
): Promise<void> {
	const { tx, ledger, now } = writer;
	let version = before.version;
	if (Object.keys(plan.fields).length > 0) {
		const changed = await updateAsset(tx, ledger, before.id, { ...plan.fields, version }, now);
		if (changed.length > 0) version++;
	}
	if (plan.reclassify) {
		const levels = parsed.classification.levels;
		await reclassifyAsset(tx, ledger, before.id, { levels, reason: IMPORT_REASON, version }, now);
	}
}

/** Insert new assets and their first classification records, many rows per statement. */
export async function insertNewAssets(writer: ImportWriter, rows: readonly ParsedRow[]) {
	const { tx, ledger, now } = writer;
	const { tenantId, accountId, label } = ledger.actor;
	const assets: AssetTable[] = [];
	const changes: AssetClassificationChangeTable[] = [];
	for (const parsed of rows) {
		const fields = newAssetFields(parsed);
		const { classification } = parsed;
		const id = randomUUID();
		assets.push({
			id,
			tenant_id: tenantId,
			code: parsed.code,
			name: fields.name,
			search_text: assetSearchText(parsed.code, fields.name),
			kind: fields.kind,
			owner_unit_id: fields.ownerUnitId,
			manager_name: fields.managerName,
			location: fields.location,
			zone: fields.zone,
			scheme: classification.scheme,
			class_key: classification.key,
			class_rank: classification.rank,
			personal_data: fields.personalData,
			retention: fields.retention,
			lifecycle: fields.lifecycle,
			related_system: fields.relatedSystem,
			notes: fields.notes,
			version: 1,
			created_by: accountId,
			created_at: now,
			updated_by: accountId,
			updated_at: now,
		});
		changes.push({
			id: randomUUID(),
			tenant_id: tenantId,
			asset_id: id,
			scheme: classification.scheme,
			from_key: null,
			to_key: classification.key,
			reason: IMPORT_REASON,
			changed_by: accountId,
			changed_by_label: label,
			changed_at: now,
		});
	}
	try {
		for (let i = 0; i < assets.length; i += INSERT_CHUNK) {
			await tx
				.insertInto("assets")
				.values(assets.slice(i, i + INSERT_CHUNK))
				.execute();
		}
	} catch (error) {
		if (isUniqueViolation(error)) {
			throw refusal(
				"conflict",
				"import_codes_taken",
				"an asset ID of the file was entered by someone else meanwhile; nothing was imported",
			);
		}
		throw error;
	}
	for (let i = 0; i < changes.length; i += INSERT_CHUNK) {
		await tx
			.insertInto("asset_classification_changes")
			.values(changes.slice(i, i + INSERT_CHUNK))
			.execute();
	}
}
