import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { findAsset, findAssetByCode } from "../assets/assets.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { type AreaDesk, keptArea } from "./area-desk.ts";
import { invalidField } from "./area-problems.ts";
import type { AssetArea, SecureAreaLevel } from "./secure-areas.schemas.ts";

/**
 * Locate a ledger asset (by its 資産番号) in an area; an asset sits in one area, so this moves it
 * from any other. The area's manager (or the CISO, 統括) only.
 */
export async function locateAsset(
	tx: Tx,
	desk: AreaDesk,
	areaId: string,
	assetCode: string,
): Promise<void> {
	const area = await keptArea(tx, desk, areaId);
	const tenantId = desk.actor.tenantId;
	const asset = await findAssetByCode(tx, tenantId, assetCode);
	if (!asset)
		throw invalidField("assetCode", "secure_area_asset_unknown", "no such asset in the ledger", {
			value: assetCode,
		});
	const before = await tx
		.selectFrom("secure_area_assets")
		.select("area_id")
		.where("tenant_id", "=", tenantId)
		.where("asset_id", "=", asset.id)
		.executeTakeFirst();
	if (before?.area_id === area.id) return;
	if (before)
		await tx
			.deleteFrom("secure_area_assets")
			.where("tenant_id", "=", tenantId)
			.where("asset_id", "=", asset.id)
			.execute();
	await tx
		.insertInto("secure_area_assets")
		.values({
			tenant_id: tenantId,
			asset_id: asset.id,
			area_id: area.id,
			located_by: desk.actor.accountId,
			located_at: new Date().toISOString(),
		})
		.execute();
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.asset_located",
		{
			areaId: area.id,
			code: area.code,
			assetId: asset.id,
			previousAreaId: before?.area_id ?? null,
		},
		{ recordType: "secure_area", recordId: area.id },
	);
}

/** The asset no longer sits in the area. */
export async function unlocateAsset(
	tx: Tx,
	desk: AreaDesk,
	areaId: string,
	assetId: string,
): Promise<void> {
	const area = await keptArea(tx, desk, areaId);
	const result = await tx
		.deleteFrom("secure_area_assets")
		.where("tenant_id", "=", desk.actor.tenantId)
		.where("area_id", "=", area.id)
		.where("asset_id", "=", assetId)
		.executeTakeFirst();
	if (Number(result.numDeletedRows) === 0)
		throw invalidField("assetId", "secure_area_asset_unknown", "the asset is not in this area", {
			value: assetId,
		});
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"secure_area.asset_unlocated",
		{ areaId: area.id, code: area.code, assetId },
		{ recordType: "secure_area", recordId: area.id },
	);
}

/** The ledger assets located in an area, by code. */
export async function assetsInArea(db: Queryable, tenantId: string, areaId: string) {
	const links = await db
		.selectFrom("secure_area_assets")
		.select("asset_id")
		.where("tenant_id", "=", tenantId)
		.where("area_id", "=", areaId)
		.execute();
	const assets = [];
	for (const link of links) {
		const asset = await findAsset(db, tenantId, link.asset_id);
		if (asset) assets.push({ id: asset.id, code: asset.code, name: asset.name });
	}
	return assets.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The secure area an asset sits in, as other modules read it: the asset page shows it. The
 * caller has already authorised its own read of the asset; this gives the area's code, name and
 * level only, never its permits or entry log.
 *
 * @example
 * const area = await areaOfAsset(db, actor.tenantId, asset.id); // null: in no area
 */
export async function areaOfAsset(
	db: Queryable,
	tenantId: string,
	assetId: string,
): Promise<AssetArea | null> {
	const row = await db
		.selectFrom("secure_area_assets")
		.innerJoin("secure_areas", "secure_areas.id", "secure_area_assets.area_id")
		.select(["secure_areas.id", "secure_areas.code", "secure_areas.name", "secure_areas.level"])
		.where("secure_area_assets.tenant_id", "=", tenantId)
		.where("secure_area_assets.asset_id", "=", assetId)
		.executeTakeFirst();
	return row ? { ...row, level: row.level as SecureAreaLevel } : null;
}
