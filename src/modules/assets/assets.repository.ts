import type { SelectQueryBuilder } from "kysely";
import { containsNormalised, normaliseForSearch } from "../../db/like.ts";
import type { Queryable } from "../../db/queryable.ts";
import type { AssetClassificationChangeTable, AssetTable, Database } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import type { AssetScope } from "./asset-scope.ts";
import type { AssetQuery } from "./assets.schemas.ts";

/** An asset row with the code and name of its owner unit. */
export interface AssetRow extends AssetTable {
	unit_code: string;
	unit_name: string;
}

export function findAsset(
	db: Queryable,
	tenantId: string,
	id: string,
): Promise<AssetRow | undefined> {
	return withUnit(db.selectFrom("assets"))
		.where("assets.tenant_id", "=", tenantId)
		.where("assets.id", "=", id)
		.executeTakeFirst();
}

export function findAssetByCode(
	db: Queryable,
	tenantId: string,
	code: string,
): Promise<AssetRow | undefined> {
	return withUnit(db.selectFrom("assets"))
		.where("assets.tenant_id", "=", tenantId)
		.where("assets.code", "=", code)
		.executeTakeFirst();
}

export type AssetFilter = Omit<AssetQuery, "sort" | "order" | "offset" | "limit">;

/** Narrow a query on `assets` to the tenant, the caller's scope and the filter. */
export function filterAssets<O>(
	query: SelectQueryBuilder<Database, "assets", O>,
	tenantId: string,
	scope: AssetScope,
	filter: AssetFilter,
): SelectQueryBuilder<Database, "assets", O> {
	let q = query.where("assets.tenant_id", "=", tenantId);
	if (!scope.all) {
		const ids = [...scope.unitIds];
		// No units: an impossible condition keeps the query valid on both engines.
		q = ids.length > 0 ? q.where("assets.owner_unit_id", "in", ids) : q.where("assets.id", "=", "");
	}
	if (filter.kind) q = q.where("assets.kind", "=", filter.kind);
	if (filter.zone) q = q.where("assets.zone", "=", filter.zone);
	if (filter.unitId) q = q.where("assets.owner_unit_id", "=", filter.unitId);
	if (filter.classKey) q = q.where("assets.class_key", "=", filter.classKey);
	if (filter.personalData) q = q.where("assets.personal_data", "=", filter.personalData);
	if (filter.lifecycle) q = q.where("assets.lifecycle", "=", filter.lifecycle);
	const text = filter.q;
	// `search_text` holds the asset ID and name, normalised: an exact ID is one of its matches.
	if (text) q = q.where(() => containsNormalised("assets.search_text", text));
	return q;
}

/** A filtered query on `assets` joined to the owner unit, selecting the ledger row. */
export function withUnit(query: SelectQueryBuilder<Database, "assets", object>) {
	return query
		.innerJoin("org_units", "org_units.id", "assets.owner_unit_id")
		.selectAll("assets")
		.select(["org_units.code as unit_code", "org_units.name as unit_name"]);
}

/** One page of the ledger, sorted, with the total under the same filter. */
export async function listAssets(
	db: Queryable,
	tenantId: string,
	scope: AssetScope,
	query: AssetQuery,
): Promise<{ rows: AssetRow[]; total: number }> {
	// Page and count are independent: on PostgreSQL they run on two pooled connections at once.
	const [rows, counted] = await Promise.all([
		withUnit(filterAssets(db.selectFrom("assets"), tenantId, scope, query))
			.orderBy(`assets.${query.sort}`, query.order)
			.orderBy("assets.code", query.order)
			.offset(query.offset)
			.limit(query.limit)
			.execute(),
		// The count needs no join: it reads only the covering index of the filter.
		filterAssets(
			db.selectFrom("assets").select((eb) => eb.fn.countAll<number>().as("n")),
			tenantId,
			scope,
			query,
		).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

/** What the ledger's text search matches: the asset ID and the name, normalised. */
export function assetSearchText(code: string, name: string): string {
	return normaliseForSearch(`${code}\n${name}`);
}

export async function insertAsset(tx: Tx, row: AssetTable): Promise<void> {
	await tx.insertInto("assets").values(row).execute();
}

/** Apply a change if the row is still at `version`; false when someone changed it first. */
export async function updateAssetRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<Omit<AssetTable, "search_text">>,
): Promise<boolean> {
	let search: Partial<AssetTable> = {};
	if (patch.name !== undefined) {
		const stored = await tx
			.selectFrom("assets")
			.select("code")
			.where("tenant_id", "=", tenantId)
			.where("id", "=", id)
			.executeTakeFirst();
		if (stored) search = { search_text: assetSearchText(stored.code, patch.name) };
	}
	const result = await tx
		.updateTable("assets")
		.set({ ...patch, ...search, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function insertClassificationChange(
	tx: Tx,
	row: AssetClassificationChangeTable,
): Promise<void> {
	await tx.insertInto("asset_classification_changes").values(row).execute();
}

export function listClassificationChanges(db: Queryable, tenantId: string, assetId: string) {
	return db
		.selectFrom("asset_classification_changes")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("asset_id", "=", assetId)
		.orderBy("changed_at", "desc")
		.orderBy("id")
		.execute();
}
