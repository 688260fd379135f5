import type { Queryable } from "../../db/queryable.ts";

/** What another register shows of a ledger asset it links to. */
export interface AssetSummary {
	assetId: string;
	code: string;
	name: string;
	/** systems | information | documents */
	kind: string;
	/** The tier the ledger records: mynumber | lgwan | internet | standalone | other, or null. */
	zone: string | null;
	lifecycle: string;
}

/**
 * Ledger assets by id or by code, for registers that link to them (the My Number register's
 * systems and files). Read through this function, never from the ledger's tables; whoever links
 * decides who may see the link, so no ledger scope applies here.
 *
 * @example
 * const [asset] = await assetSummaries(db, tenantId, { codes: ["SYS-001"] });
 */
export async function assetSummaries(
	db: Queryable,
	tenantId: string,
	by: { ids?: readonly string[]; codes?: readonly string[] },
): Promise<AssetSummary[]> {
	const ids = [...new Set(by.ids ?? [])];
	const codes = [...new Set(by.codes ?? [])];
	if (ids.length === 0 && codes.length === 0) return [];
	let query = db
		.selectFrom("assets")
		.select(["id", "code", "name", "kind", "zone", "lifecycle"])
		.where("tenant_id", "=", tenantId);
	query = ids.length > 0 ? query.where("id", "in", ids) : query.where("code", "in", codes);
	const rows = await query.orderBy("code").execute();
	return rows.map((row) => ({
		assetId: row.id,
		code: row.code,
		name: row.name,
		kind: row.kind,
		zone: row.zone,
		lifecycle: row.lifecycle,
	}));
}
