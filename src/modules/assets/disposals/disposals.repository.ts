import type { Queryable } from "../../../db/queryable.ts";
import type { AssetDisposalFileTable, AssetDisposalTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import type { AssetScope } from "../asset-scope.ts";

/** A disposal with what the register shows of its asset. */
export interface DisposalRow extends AssetDisposalTable {
	asset_code: string;
	asset_name: string;
	asset_kind: string;
	class_key: string;
	scheme: string;
	owner_unit_id: string;
	unit_name: string;
}

export type DisposalFileMeta = Omit<AssetDisposalFileTable, "content">;

function withAsset(db: Queryable, tenantId: string) {
	return db
		.selectFrom("asset_disposals")
		.innerJoin("assets", "assets.id", "asset_disposals.asset_id")
		.innerJoin("org_units", "org_units.id", "assets.owner_unit_id")
		.selectAll("asset_disposals")
		.select([
			"assets.code as asset_code",
			"assets.name as asset_name",
			"assets.kind as asset_kind",
			"assets.class_key as class_key",
			"assets.scheme as scheme",
			"assets.owner_unit_id as owner_unit_id",
			"org_units.name as unit_name",
		])
		.where("asset_disposals.tenant_id", "=", tenantId);
}

export function findDisposal(
	db: Queryable,
	tenantId: string,
	id: string,
): Promise<DisposalRow | undefined> {
	return withAsset(db, tenantId).where("asset_disposals.id", "=", id).executeTakeFirst();
}

export function findOpenDisposal(db: Queryable, tenantId: string, assetId: string) {
	return db
		.selectFrom("asset_disposals")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("asset_id", "=", assetId)
		.where("status", "=", "recorded")
		.executeTakeFirst();
}

export interface DisposalFilter {
	scope: AssetScope;
	from?: string | undefined;
	to?: string | undefined;
	assetId?: string | undefined;
	status?: string | undefined;
	limit: number;
}

/** The register: disposals of assets in scope, by date of disposal. */
export function listDisposals(db: Queryable, tenantId: string, f: DisposalFilter) {
	let q = withAsset(db, tenantId);
	if (!f.scope.all) {
		const ids = [...f.scope.unitIds];
		q = ids.length > 0 ? q.where("assets.owner_unit_id", "in", ids) : q.where("assets.id", "=", "");
	}
	if (f.from) q = q.where("asset_disposals.performed_on", ">=", f.from);
	if (f.to) q = q.where("asset_disposals.performed_on", "<=", f.to);
	if (f.assetId) q = q.where("asset_disposals.asset_id", "=", f.assetId);
	if (f.status) q = q.where("asset_disposals.status", "=", f.status);
	return q
		.orderBy("asset_disposals.performed_on", "desc")
		.orderBy("assets.code")
		.limit(f.limit)
		.execute();
}

export async function insertDisposal(tx: Tx, row: AssetDisposalTable): Promise<void> {
	await tx.insertInto("asset_disposals").values(row).execute();
}

/** Close a record still open; false when someone closed it first. */
export async function closeDisposalRow(
	tx: Tx,
	tenantId: string,
	id: string,
	patch: Pick<AssetDisposalTable, "closed_by" | "closed_by_label" | "closed_at">,
): Promise<boolean> {
	const result = await tx
		.updateTable("asset_disposals")
		.set({ ...patch, status: "closed" })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("status", "=", "recorded")
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function insertDisposalFile(tx: Tx, row: AssetDisposalFileTable): Promise<void> {
	await tx.insertInto("asset_disposal_files").values(row).execute();
}

/** File metadata (not the bytes) of the given disposals, oldest first. */
export async function listDisposalFiles(
	db: Queryable,
	tenantId: string,
	disposalIds: readonly string[],
): Promise<DisposalFileMeta[]> {
	// In chunks: both engines cap the number of bound parameters, and an export may be long.
	const found: DisposalFileMeta[] = [];
	for (let i = 0; i < disposalIds.length; i += 500) {
		found.push(...(await filesOf(db, tenantId, disposalIds.slice(i, i + 500))));
	}
	return found;
}

function filesOf(db: Queryable, tenantId: string, disposalIds: readonly string[]) {
	return db
		.selectFrom("asset_disposal_files")
		.select([
			"id",
			"tenant_id",
			"disposal_id",
			"kind",
			"file_name",
			"media_type",
			"size",
			"sha256",
			"uploaded_by",
			"uploaded_by_label",
			"uploaded_at",
		])
		.where("tenant_id", "=", tenantId)
		.where("disposal_id", "in", [...disposalIds])
		.orderBy("uploaded_at")
		.orderBy("id")
		.execute();
}

export function findDisposalFile(db: Queryable, tenantId: string, disposalId: string, id: string) {
	return db
		.selectFrom("asset_disposal_files")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("disposal_id", "=", disposalId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Disposals performed on the Japan days `from`..`to` (inclusive), counted by method and status. */
export function countDisposals(
	db: Queryable,
	tenantId: string,
	scope: AssetScope,
	days: { from: string; to: string },
) {
	let q = db
		.selectFrom("asset_disposals")
		.innerJoin("assets", "assets.id", "asset_disposals.asset_id")
		.where("asset_disposals.tenant_id", "=", tenantId)
		.where("asset_disposals.performed_on", ">=", days.from)
		.where("asset_disposals.performed_on", "<=", days.to);
	if (!scope.all) {
		const ids = [...scope.unitIds];
		q = ids.length > 0 ? q.where("assets.owner_unit_id", "in", ids) : q.where("assets.id", "=", "");
	}
	return q
		.select([
			"asset_disposals.method",
			"asset_disposals.status",
			(eb) => eb.fn.countAll<number>().as("n"),
		])
		.groupBy(["asset_disposals.method", "asset_disposals.status"])
		.execute();
}
