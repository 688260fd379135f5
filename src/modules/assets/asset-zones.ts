import type { Queryable } from "../../db/queryable.ts";

export interface SystemAssetZone {
	assetId: string;
	assetCode: string;
	name: string;
	zone: string | null;
}

/**
 * Where the ledger says each system asset sits, for the network module's drift check: a system
 * placed in one tier by the ledger and in another by the network model is flagged there.
 */
export async function listSystemAssetZones(
	db: Queryable,
	tenantId: string,
): Promise<SystemAssetZone[]> {
	const rows = await db
		.selectFrom("assets")
		.select(["id", "code", "name", "zone"])
		.where("tenant_id", "=", tenantId)
		.where("kind", "=", "systems")
		.where("lifecycle", "not in", ["disposed", "returned"])
		.orderBy("code")
		.execute();
	return rows.map((row) => ({
		assetId: row.id,
		assetCode: row.code,
		name: row.name,
		zone: row.zone,
	}));
}
